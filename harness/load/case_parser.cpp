#include "load/case_parser.hpp"

#include "load/upstream_parser.hpp"
#include "util/suggest.hpp"
#include "load/variables.hpp"

namespace ac {

namespace {

const std::vector<std::string> kCaseKeys = {"id", "title", "feature", "tags", "api_version", "simulated_only",
                                            "request", "expect", "steps", "upstream"};

void collect_placeholders(const YAML::Node& node, YamlFile& f, std::vector<PlaceholderUse>& out) {
  for_each_scalar(node, [&](const YAML::Node& scalar) {
    std::size_t occurrence = 0;  // a broken placeholder is reported by the parsers, and gives no names
    for (const auto& name : placeholder_names(scalar.Scalar()))
      out.push_back({name, f.at_inside(scalar, occurrence++, "{{")});
  });
}

void read_name(const YAML::Node& v, YamlFile& f, const std::string& what, std::string& out) {
  if (!read_string(v, f, what, out)) return;
  if (!valid_case_id(out))
    f.error(v, "`" + what + "` `" + out + "` may only hold a-z, 0-9, `.`, `_` and `-`",
            "e.g. `messages.basic-text`");
}

void parse_case(const YAML::Node& node, YamlFile& f, std::vector<ParsedCase>& out) {
  if (!node.IsMap()) {
    f.error(node, "a case must be a mapping with `id`, `feature`, `request` and `expect`");
    return;
  }
  ParsedCase p;
  Case& c = p.c;
  c.where = f.at(node);
  Fields fields(node, kCaseKeys, f, "case");
  for (const char* key : {"id", "feature"}) fields.require(key);
  if (fields.has("steps")) {
    for (const char* key : {"request", "expect"})
      if (fields.has(key))
        f.error(fields.key(key), std::string("`steps` replaces the case's `") + key + "`",
                "move it into the first step");
  } else {
    for (const char* key : {"request", "expect"}) fields.require(key, "or `steps:`, a list of requests sent in order");
  }
  if (fields.has("id")) {
    read_name(fields.value("id"), f, "id", c.id);
    p.id_at = f.at(fields.value("id"));
  }
  if (fields.has("title")) read_string(fields.value("title"), f, "title", c.title);
  if (fields.has("feature")) read_name(fields.value("feature"), f, "feature", c.feature);
  if (fields.has("tags")) read_string_list(fields.value("tags"), f, "tags", c.tags);
  if (fields.has("api_version")) read_string(fields.value("api_version"), f, "api_version", c.api_version);
  if (fields.has("simulated_only")) read_bool(fields.value("simulated_only"), f, "simulated_only", c.simulated_only);
  if (fields.has("steps")) {
    parse_steps(fields.value("steps"), f, c);
  } else {
    if (fields.has("request")) parse_request(fields.value("request"), f, c.request);
    if (fields.has("expect")) parse_expect(fields.value("expect"), f, c.expect, p.compare_with_at);
  }
  if (fields.has("upstream")) parse_upstream_script(fields.value("upstream"), f, c);
  for (const char* key : {"request", "expect", "steps"})
    if (fields.has(key)) collect_placeholders(fields.value(key), f, c.placeholders);
  if (c.title.empty()) c.title = c.id;
  out.push_back(std::move(p));
}

}  // namespace

bool valid_case_id(const std::string& id) {
  if (id.empty()) return false;
  for (char c : id) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
    if (!ok) return false;
  }
  return true;
}

void parse_case_document(const YAML::Node& doc, YamlFile& f, std::vector<ParsedCase>& out) {
  if (doc.IsMap() && doc["cases"].IsDefined() && !doc["id"].IsDefined()) {
    Fields fields(doc, {"cases"}, f, "file");
    const YAML::Node list = fields.value("cases");
    if (!list.IsSequence()) {
      f.error(list, "`cases` must be a list of cases", "each item starts with `- id: ...`");
      return;
    }
    for (const auto& item : list) parse_case(item, f, out);
    return;
  }
  if (doc.IsSequence()) {
    f.error(doc, "a case file holds one case or a `cases:` list, not a bare list", "put the list under `cases:`");
    return;
  }
  parse_case(doc, f, out);
}

}  // namespace ac
