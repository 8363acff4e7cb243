#pragma once
#include "load/located_yaml.hpp"
#include "model/case.hpp"

namespace ac {

// A case's `upstream:` (upstream mode, docs/upstream.md "Scripts"): `reply` and `fault`, every key
// and value checked here, then kept as JSON text for the upstream simulator (Case::upstream_script).
void parse_upstream_script(const YAML::Node& node, YamlFile& f, Case& out);

// `expect.upstream`: `count`, `method`, `path`, `headers`, `json` on what the gateway forwarded.
void parse_upstream_expectation(const YAML::Node& node, YamlFile& f, std::optional<UpstreamExpectation>& out);

}  // namespace ac
