#pragma once
#include <vector>

#include "load/located_yaml.hpp"
#include "model/case.hpp"

namespace ac {

// A case as read from its file, with what can only be checked once every file is loaded.
struct ParsedCase {
  Case c;
  SourceLocation id_at;            // where `id:` was written (duplicate ids are reported there)
  SourceLocation compare_with_at;  // where `expect.stream.compare_with` was written
};

// One YAML document: a case (a mapping with `id`) or a `cases:` list.
void parse_case_document(const YAML::Node& doc, YamlFile& f, std::vector<ParsedCase>& out);

void parse_request(const YAML::Node& node, YamlFile& f, RequestSpec& out);

// The logical endpoints a request names (`endpoint:`) and a provider maps to a path (`paths:`).
const std::vector<std::string>& endpoint_names();
// A status or a list of statuses (`expect.status`, `request.retry_on`), each 100-599, unquoted.
void parse_status_list(const YAML::Node& v, YamlFile& f, const std::string& what, std::vector<int>& out);
// `count: 2` (exact) or `count: {min: 1, max: 3}`, each 0..`max` (`expect.lines.count`,
// `expect.upstream.count`); `what` names it in messages.
void parse_count_bounds(const YAML::Node& v, YamlFile& f, const std::string& what, std::int64_t max,
                        std::optional<std::int64_t>& min_out, std::optional<std::int64_t>& max_out);
void parse_expect(const YAML::Node& node, YamlFile& f, Expectation& out, SourceLocation& compare_with_at);

// `steps:`: fills the case's first request/expect/captures and its later steps.
void parse_steps(const YAML::Node& node, YamlFile& f, Case& c);

// Case ids and feature names: [a-z0-9._-]+.
bool valid_case_id(const std::string& id);

}  // namespace ac
