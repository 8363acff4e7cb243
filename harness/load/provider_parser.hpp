#pragma once
#include "load/located_yaml.hpp"
#include "model/provider.hpp"

namespace ac {

// Fills `out` from one profile mapping, defaults first (official paths, anthropic-version).
void parse_provider(const YAML::Node& node, YamlFile& f, Provider& out);

// A name a profile's `vars` (or `--var`) may define: letters, digits, `_`, `.`, `-`; not `env.`.
bool valid_var_name(const std::string& name);

}  // namespace ac
