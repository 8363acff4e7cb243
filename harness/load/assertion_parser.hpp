#pragma once
#include <string>
#include <vector>

#include "load/located_yaml.hpp"
#include "model/case.hpp"

namespace ac {

// `json:` / `folded:` of an expectation: JSON pointer -> a value (equals), a bare `exists` or
// `absent`, or a mapping of assertion kinds (one assertion per key).
void parse_json_assertions(const YAML::Node& map, YamlFile& f, const std::string& what,
                           std::vector<JsonExpectation>& out);

// `expect.headers`: name -> a string (equals), a bare `present` or `absent`, or a mapping with
// `equals`, `matches`, `present`, `absent`.
void parse_header_expectations(const YAML::Node& map, YamlFile& f, std::vector<HeaderExpectation>& out);

// A regex for `matches`: compiled once (ECMAScript, placeholders blanked) so a bad one is reported
// at load time. Reports at `v` and returns false when it is not a valid regex.
bool read_regex(const YAML::Node& v, YamlFile& f, const std::string& what, std::string& out);

// Checks the placeholders of `text` (the value of scalar `v`); a broken one is reported at the
// column of its `{{`. Returns whether they are all well formed.
bool check_scalar_placeholders(const YAML::Node& v, const std::string& text, YamlFile& f);

// A string that may hold {{placeholders}}: read, and its placeholders checked.
bool read_text(const YAML::Node& v, YamlFile& f, const std::string& what, std::string& out);

// Reports every string under `node` whose `{{` placeholders are broken.
void check_node_placeholders(const YAML::Node& node, YamlFile& f);

// RFC 6901: empty (the whole document) or '/'-separated, with `~` only in `~0` and `~1`.
bool valid_pointer(const std::string& pointer, std::string& why);

// An HTTP header name (RFC 9110 token).
bool valid_header_name(const std::string& name);

}  // namespace ac
