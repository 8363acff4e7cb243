#pragma once
#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "model/diagnostic.hpp"
#include "model/source_location.hpp"

namespace ac {

// One YAML input being read: turns yaml-cpp marks (0-based) into 1-based locations and collects
// every problem instead of stopping at the first.
class YamlFile {
 public:
  YamlFile(std::string file, Diagnostics& diags) : file_(std::move(file)), diags_(diags) {}

  const std::string& file() const { return file_; }
  SourceLocation at(const YAML::Node& node) const;
  SourceLocation at(const YAML::Mark& mark) const;
  void error(const SourceLocation& where, std::string message, std::string hint = {});
  void error(const YAML::Node& node, std::string message, std::string hint = {}) {
    error(at(node), std::move(message), std::move(hint));
  }
  std::size_t error_count() const { return diags_.size(); }

  // An empty value (`key:` with nothing after it) has no text of its own and yaml-cpp marks it
  // at the next token, often on the next line; problems with it are reported at its key instead.
  void place_empty_value(const YAML::Node& value, const YAML::Node& key);

  // The text being read, so a problem inside a string can be placed at its exact column.
  void set_text(const std::string& text) { text_ = &text; }
  // Where the `occurrence`-th (0-based) `needle` of `scalar`'s source is; the scalar's own place
  // when it cannot be found.
  SourceLocation at_inside(const YAML::Node& scalar, std::size_t occurrence, const std::string& needle) const;

 private:
  std::string file_;
  Diagnostics& diags_;
  const std::string* text_ = nullptr;
  // By the empty value's own mark position, so a lookup stays cheap in big files.
  std::multimap<int, std::pair<YAML::Node, YAML::Mark>> empty_values_;
};

// Parses every document of `text`; a syntax error becomes a located diagnostic and no documents.
std::vector<YAML::Node> parse_yaml(const std::string& text, YamlFile& f);

// The keys of one mapping, checked against what is allowed at that level: unknown keys get a
// "did you mean" hint, repeated keys and non-scalar keys are errors.
class Fields {
 public:
  // `what` names the mapping in messages ("case", "request", "expect.stream"...).
  Fields(const YAML::Node& map, const std::vector<std::string>& allowed, YamlFile& f, const std::string& what);

  bool has(const std::string& key) const { return find(key) != nullptr; }
  YAML::Node value(const std::string& key) const;  // an invalid node when absent
  YAML::Node key(const std::string& key) const;
  // Reports "`what` needs `key`" at the mapping when the key is absent; returns whether present.
  bool require(const std::string& key, const std::string& hint = {});

 private:
  struct Entry {
    std::string name;
    YAML::Node key;
    YAML::Node value;
  };
  const Entry* find(const std::string& key) const;

  YAML::Node map_;
  YamlFile& f_;
  std::string what_;
  std::vector<Entry> entries_;
};

// A scalar written without quotes, so `null`, `123`, `true` and bare words like `exists` keep
// their YAML meaning; quoted scalars are always strings (yaml-cpp tags them "!").
bool is_plain(const YAML::Node& node);
bool is_null(const YAML::Node& node);  // `~`, `null`, or nothing at all (plain only)

// Calls `visit` on every scalar under `node`, mapping keys included, in document order. Stops
// 200 levels deep (yaml_to_json reports such depth itself).
void for_each_scalar(const YAML::Node& node, const std::function<void(const YAML::Node&)>& visit);

// Typed readers: on a wrong type they report "`what` must be ..." at the value and return false.
bool read_string(const YAML::Node& v, YamlFile& f, const std::string& what, std::string& out);
bool read_int(const YAML::Node& v, YamlFile& f, const std::string& what, std::int64_t min, std::int64_t max,
              std::int64_t& out);
bool read_number(const YAML::Node& v, YamlFile& f, const std::string& what, double min, double& out);
bool read_bool(const YAML::Node& v, YamlFile& f, const std::string& what, bool& out);
// A list of strings; a single string is accepted as a list of one.
bool read_string_list(const YAML::Node& v, YamlFile& f, const std::string& what, std::vector<std::string>& out);

// Scalar classification by the YAML 1.2 core schema, as JSON text; false when not a number.
bool yaml_int_to_json(const std::string& s, std::string& out);
bool yaml_number_to_json(const std::string& s, std::string& out);
bool yaml_bool(const std::string& s, bool& out);

// Converts a YAML value to JSON text keeping types: plain scalars that read as numbers, booleans
// or null become those; quoted scalars stay strings. Fails (with `error`) on non-scalar keys,
// repeated keys, nesting deeper than 200 or alias expansion beyond a million values.
// `error_at` receives the offending node's mark.
bool yaml_to_json(const YAML::Node& node, std::string& out, std::string& error, YAML::Mark& error_at);
// The same, reporting a failure at its place in `f`.
bool yaml_to_json(const YAML::Node& node, YamlFile& f, std::string& out);

}  // namespace ac
