#include "load/assertion_parser.hpp"

#include <cctype>
#include <map>
#include <regex>

#include "util/suggest.hpp"
#include "load/variables.hpp"
#include "util/json_render.hpp"

namespace ac {

namespace {

// In the order of docs/case-format.md; a mapping's assertions are listed in this order.
const std::vector<std::string> kJsonKinds = {"equals", "matches", "type", "one_of", "range", "length", "exists",
                                             "absent", "same_as_header"};
const std::vector<std::string> kTypes = {"string", "number", "integer", "boolean", "object", "array", "null"};
const std::vector<std::string> kHeaderKinds = {"equals", "matches", "present", "absent"};
// Besides the assertion kinds, a mapping may say what its failure means for clients.
const std::vector<std::string> kSeverities = {"breaking", "cosmetic", "warning"};

std::vector<std::string> with_severity(std::vector<std::string> keys) {
  keys.push_back("severity");
  return keys;
}

// Reads `severity:` when present; false (with a located error) on an unknown value.
bool read_severity(Fields& fields, YamlFile& f, Severity& out) {
  if (!fields.has("severity")) return true;
  const YAML::Node v = fields.value("severity");
  std::string text = v.IsScalar() ? v.Scalar() : "";
  if (text == "breaking") out = Severity::Breaking;
  else if (text == "cosmetic") out = Severity::Cosmetic;
  else if (text == "warning") out = Severity::Warning;
  else {
    f.error(v, "`severity` must be breaking, cosmetic or warning", did_you_mean(text, kSeverities));
    return false;
  }
  return true;
}

// libstdc++ compiles regexes recursively; bound what a case file can ask of it.
constexpr std::size_t kMaxRegexLength = 1000;

bool bare_word(const YAML::Node& v, const char* word) {
  return v.IsScalar() && is_plain(v) && v.Scalar() == word;
}

bool json_value(const YAML::Node& v, YamlFile& f, std::string& out) {
  // Converting first bounds the walk: aliases can make a tiny file describe a huge value.
  if (!yaml_to_json(v, f, out)) return false;
  const std::size_t before = f.error_count();
  check_node_placeholders(v, f);
  return f.error_count() == before;
}

bool parse_types(const YAML::Node& v, YamlFile& f, std::string& out) {
  std::vector<YAML::Node> items;
  if (v.IsSequence()) {
    for (const auto& item : v) items.push_back(item);
  } else {
    items.push_back(v);
  }
  if (items.empty()) {
    f.error(v, "`type` needs at least one type name", "expected one of: " + list_choices(kTypes));
    return false;
  }
  std::string json = "[";
  bool ok = true;
  for (const auto& item : items) {
    // An unquoted `null` is YAML's null; here it can only mean the JSON type.
    std::string name = is_null(item) ? "null" : item.IsScalar() ? item.Scalar() : "";
    bool known = false;
    for (const auto& t : kTypes) known = known || t == name;
    if (!known) {
      f.error(item, "unknown JSON type `" + name + "` in `type`", did_you_mean(name, kTypes));
      ok = false;
      continue;
    }
    json += (json.size() > 1 ? "," : "") + json_quote(name);
  }
  out = json + "]";
  return ok;
}

bool parse_bounds(const YAML::Node& v, YamlFile& f, const std::string& what, bool whole, JsonExpectation& e) {
  if (!v.IsMap()) {
    f.error(v, "`" + what + "` must be " + (whole ? "a whole number or " : "") + "a mapping with `min` and/or `max`");
    return false;
  }
  Fields fields(v, {"min", "max"}, f, what);
  if (!fields.has("min") && !fields.has("max")) {
    f.error(v, "`" + what + "` needs `min`, `max` or both");
    return false;
  }
  bool ok = true;
  for (const char* bound : {"min", "max"}) {
    if (!fields.has(bound)) continue;
    const std::string label = what + "." + bound;
    double value = 0;
    if (whole) {
      std::int64_t n = 0;
      ok = read_int(fields.value(bound), f, label, 0, INT64_C(1) << 52, n) && ok;
      value = static_cast<double>(n);
    } else {
      std::string json;
      const YAML::Node b = fields.value(bound);
      if (b.IsScalar() && is_plain(b) && yaml_number_to_json(b.Scalar(), json)) {
        value = std::strtod(json.c_str(), nullptr);
      } else {
        f.error(b, "`" + label + "` must be a number");
        ok = false;
      }
    }
    (std::string(bound) == "min" ? e.min : e.max) = value;
  }
  if (ok && e.min && e.max && *e.min > *e.max) {
    f.error(v, "`" + what + "` has `min` above `max`");
    ok = false;
  }
  return ok;
}

bool parse_length(const YAML::Node& v, YamlFile& f, JsonExpectation& e) {
  if (v.IsScalar()) {
    std::int64_t n = 0;
    if (!read_int(v, f, "length", 0, INT64_C(1) << 52, n)) return false;
    e.min = e.max = static_cast<double>(n);
    return true;
  }
  return parse_bounds(v, f, "length", true, e);
}

bool parse_exists(const YAML::Node& v, YamlFile& f, const std::string& kind, JsonExpectation& e) {
  bool yes = true;
  if (!read_bool(v, f, kind, yes)) return false;
  e.kind = (kind == "exists") == yes ? JsonCheckKind::Exists : JsonCheckKind::Absent;
  return true;
}

// `same_as_header: request-id`: a response header's name, compared when the reply is judged.
bool parse_same_as_header(const YAML::Node& v, YamlFile& f, JsonExpectation& e) {
  e.kind = JsonCheckKind::SameAsHeader;
  if (!v.IsScalar() || is_null(v) || v.Scalar().empty()) {
    f.error(v, "`same_as_header` must name a response header", "e.g. `same_as_header: request-id`");
    return false;
  }
  if (!valid_header_name(v.Scalar())) {
    f.error(v, "`" + v.Scalar() + "` is not a valid HTTP header name", "e.g. `same_as_header: request-id`");
    return false;
  }
  // Kept as JSON text, like every value but a regex: the planner expands values as JSON.
  e.value = json_quote(v.Scalar());
  return true;
}

// One `kind: value` entry of an assertion mapping.
bool parse_kind(const std::string& kind, const YAML::Node& v, YamlFile& f, JsonExpectation& e) {
  if (kind == "equals") return e.kind = JsonCheckKind::Equals, json_value(v, f, e.value);
  if (kind == "matches") return e.kind = JsonCheckKind::Matches, read_regex(v, f, "matches", e.value);
  if (kind == "type") return e.kind = JsonCheckKind::Type, parse_types(v, f, e.value);
  if (kind == "range") return e.kind = JsonCheckKind::Range, parse_bounds(v, f, "range", false, e);
  if (kind == "length") return e.kind = JsonCheckKind::Length, parse_length(v, f, e);
  if (kind == "exists" || kind == "absent") return parse_exists(v, f, kind, e);
  if (kind == "same_as_header") return parse_same_as_header(v, f, e);
  // one_of
  e.kind = JsonCheckKind::OneOf;
  if (!v.IsSequence() || v.size() == 0) {
    f.error(v, "`one_of` must be a non-empty list of values");
    return false;
  }
  return json_value(v, f, e.value);
}

void parse_one_pointer(const YAML::Node& key, const YAML::Node& v, YamlFile& f, std::vector<JsonExpectation>& out) {
  f.place_empty_value(v, key);
  JsonExpectation base;
  base.pointer = key.Scalar();
  base.where = f.at(key);
  std::string why;
  if (!valid_pointer(base.pointer, why)) f.error(key, "`" + base.pointer + "` is not a JSON pointer: " + why,
                                                 "a JSON pointer starts with `/`, e.g. `/content/0/type`");
  if (bare_word(v, "exists") || bare_word(v, "absent")) {
    base.kind = v.Scalar() == "exists" ? JsonCheckKind::Exists : JsonCheckKind::Absent;
    out.push_back(base);
    return;
  }
  if (!v.IsMap()) {  // a plain value means equals
    base.kind = JsonCheckKind::Equals;
    if (json_value(v, f, base.value)) out.push_back(base);
    return;
  }
  Fields fields(v, with_severity(kJsonKinds), f, base.pointer);
  if (v.size() == 0 || (v.size() == 1 && fields.has("severity")))
    f.error(v, "no assertion for `" + base.pointer + "`", "expected one of: " + list_choices(kJsonKinds));
  read_severity(fields, f, base.severity);
  for (const auto& kind : kJsonKinds) {
    if (!fields.has(kind)) continue;
    JsonExpectation e = base;
    e.where = f.at(fields.key(kind));
    if (parse_kind(kind, fields.value(kind), f, e)) out.push_back(e);
  }
}

}  // namespace

bool valid_pointer(const std::string& pointer, std::string& why) {
  if (!pointer.empty() && pointer[0] != '/') {
    why = "it must start with `/` (or be empty for the whole document)";
    return false;
  }
  for (std::size_t i = 0; i < pointer.size(); ++i) {
    if (pointer[i] == '~' && (i + 1 >= pointer.size() || (pointer[i + 1] != '0' && pointer[i + 1] != '1'))) {
      why = "`~` must be written `~0`, and `/` inside a name `~1`";
      return false;
    }
  }
  return true;
}

bool valid_header_name(const std::string& name) {
  if (name.empty()) return false;
  for (char c : name) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    std::string("!#$%&'*+-.^_`|~").find(c) != std::string::npos;
    if (!ok) return false;
  }
  return true;
}

bool read_regex(const YAML::Node& v, YamlFile& f, const std::string& what, std::string& out) {
  if (!v.IsScalar() || is_null(v)) {
    f.error(v, "`" + what + "` must be a regular expression (a string)");
    return false;
  }
  out = v.Scalar();
  if (!check_scalar_placeholders(v, out, f)) return false;
  if (out.size() > kMaxRegexLength) {
    f.error(v, "the regex in `" + what + "` is longer than " + std::to_string(kMaxRegexLength) + " characters");
    return false;
  }
  try {
    std::regex compiled(blank_placeholders(out, "x"), std::regex::ECMAScript);
  } catch (const std::regex_error& e) {
    f.error(v, "invalid regex in `" + what + "`: " + e.what(), "the syntax is ECMAScript (JavaScript) regex");
    return false;
  }
  return true;
}

bool read_text(const YAML::Node& v, YamlFile& f, const std::string& what, std::string& out) {
  return read_string(v, f, what, out) && check_scalar_placeholders(v, out, f);
}

bool check_scalar_placeholders(const YAML::Node& v, const std::string& text, YamlFile& f) {
  std::string why;
  std::size_t bad_at = 0;
  if (check_placeholders(text, why, &bad_at)) return true;
  std::size_t occurrence = 0;  // which `{{` of the string it is, to find it in the source
  for (std::size_t p = text.find("{{"); p != std::string::npos && p < bad_at; p = text.find("{{", p + 2)) ++occurrence;
  f.error(f.at_inside(v, occurrence, "{{"), why);
  return false;
}

void check_node_placeholders(const YAML::Node& node, YamlFile& f) {
  for_each_scalar(node, [&](const YAML::Node& scalar) { check_scalar_placeholders(scalar, scalar.Scalar(), f); });
}

void parse_json_assertions(const YAML::Node& map, YamlFile& f, const std::string& what,
                           std::vector<JsonExpectation>& out) {
  if (!map.IsMap()) {
    f.error(map, "`" + what + "` must be a mapping from JSON pointer to assertion",
            "e.g. `/type: message` or `/id: {matches: \"^msg_\"}`");
    return;
  }
  std::map<std::string, int> seen;  // pointer -> line of its first mention
  for (const auto& kv : map) {
    if (!kv.first.IsScalar()) {
      f.error(kv.first, "a key in `" + what + "` must be a JSON pointer");
      continue;
    }
    auto first = seen.emplace(kv.first.Scalar(), f.at(kv.first).line);
    if (!first.second) {
      f.error(kv.first, "`" + kv.first.Scalar() + "` is given twice in `" + what + "`",
              "the first one is at line " + std::to_string(first.first->second) +
                  "; put several assertions in one mapping: {type: string, matches: ...}");
      continue;
    }
    parse_one_pointer(kv.first, kv.second, f, out);
  }
}

namespace {

void parse_one_header(const YAML::Node& key, const YAML::Node& v, YamlFile& f, std::vector<HeaderExpectation>& out) {
  f.place_empty_value(v, key);
  HeaderExpectation base;
  base.name = key.Scalar();
  base.where = f.at(key);
  if (!valid_header_name(base.name)) f.error(key, "`" + base.name + "` is not a valid HTTP header name");
  if (bare_word(v, "present") || bare_word(v, "absent")) {
    base.match = v.Scalar() == "present" ? HeaderMatch::Present : HeaderMatch::Absent;
    out.push_back(base);
    return;
  }
  if (v.IsScalar() && !is_null(v)) {  // a plain string means equals
    base.match = HeaderMatch::Equals;
    base.value = v.Scalar();
    if (!check_scalar_placeholders(v, base.value, f)) return;
    out.push_back(base);
    return;
  }
  if (!v.IsMap()) {
    f.error(v, "the expectation for header `" + base.name + "` must be a string, `present`, `absent` or a mapping",
            "e.g. `{matches: \"^application/json\"}`");
    return;
  }
  Fields fields(v, with_severity(kHeaderKinds), f, base.name);
  if (v.size() == 0 || (v.size() == 1 && fields.has("severity")))
    f.error(v, "no assertion for header `" + base.name + "`", "expected one of: " + list_choices(kHeaderKinds));
  read_severity(fields, f, base.severity);
  for (const auto& kind : kHeaderKinds) {
    if (!fields.has(kind)) continue;
    HeaderExpectation e = base;
    e.where = f.at(fields.key(kind));
    const YAML::Node value = fields.value(kind);
    bool ok = true;
    if (kind == "equals") {
      e.match = HeaderMatch::Equals;
      ok = read_string(value, f, "equals", e.value) && check_scalar_placeholders(value, e.value, f);
    } else if (kind == "matches") {
      e.match = HeaderMatch::Matches;
      ok = read_regex(value, f, "matches", e.value);
    } else {
      bool yes = true;
      ok = read_bool(value, f, kind, yes);
      e.match = (kind == "present") == yes ? HeaderMatch::Present : HeaderMatch::Absent;
    }
    if (ok) out.push_back(e);
  }
}

}  // namespace

void parse_header_expectations(const YAML::Node& map, YamlFile& f, std::vector<HeaderExpectation>& out) {
  if (!map.IsMap()) {
    f.error(map, "`expect.headers` must be a mapping from header name to expectation",
            "e.g. `request-id: present`");
    return;
  }
  std::map<std::string, int> seen;  // lower-cased name -> line: header names ignore case
  for (const auto& kv : map) {
    if (!kv.first.IsScalar()) {
      f.error(kv.first, "a key in `expect.headers` must be a header name");
      continue;
    }
    std::string lower = kv.first.Scalar();
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    auto first = seen.emplace(lower, f.at(kv.first).line);
    if (!first.second) {
      f.error(kv.first, "header `" + kv.first.Scalar() + "` is given twice in `expect.headers`",
              "the first one is at line " + std::to_string(first.first->second));
      continue;
    }
    parse_one_header(kv.first, kv.second, f, out);
  }
}

}  // namespace ac
