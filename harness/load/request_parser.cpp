#include <algorithm>
#include <cctype>
#include <set>

#include "load/assertion_parser.hpp"
#include "load/case_parser.hpp"
#include "util/suggest.hpp"
#include "load/variables.hpp"

namespace ac {

namespace {

const std::vector<std::string> kRequestKeys = {"endpoint", "path", "method", "query", "auth",
                                               "headers",  "json", "body",   "pad_to", "retries", "retry_on"};
const std::vector<std::string> kMethods = {"GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"};
const std::vector<std::string> kCaseAuth = {"default", "none", "invalid", "both"};
constexpr std::int64_t kMaxPadding = INT64_C(1) << 30;

bool one_of(const std::string& v, const std::vector<std::string>& choices) {
  return std::find(choices.begin(), choices.end(), v) != choices.end();
}

void read_choice(const YAML::Node& v, YamlFile& f, const std::string& what, const std::vector<std::string>& choices,
                 std::string& out) {
  std::string value;
  if (!read_string(v, f, what, value)) return;
  if (one_of(value, choices)) {
    out = value;
    return;
  }
  f.error(v, "unknown " + what + " `" + value + "`", did_you_mean(value, choices));
}

void read_method(const YAML::Node& v, YamlFile& f, std::string& out) {
  std::string value;
  if (!read_string(v, f, "method", value)) return;
  std::string upper = value;
  for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  if (one_of(upper, kMethods)) {
    out = upper;  // HTTP methods are case-sensitive on the wire; cases mean the standard ones
    return;
  }
  f.error(v, "unknown method `" + value + "`", did_you_mean(upper, kMethods));
}

void read_headers(const YAML::Node& v, YamlFile& f, RequestSpec& out) {
  if (!v.IsMap()) {
    f.error(v, "`request.headers` must be a mapping from header name to value");
    return;
  }
  std::set<std::string> seen;
  for (const auto& kv : v) {
    if (!kv.first.IsScalar() || !valid_header_name(kv.first.Scalar())) {
      f.error(kv.first, "`" + (kv.first.IsScalar() ? kv.first.Scalar() : std::string("?")) +
                            "` is not a valid HTTP header name");
      continue;
    }
    const std::string name = kv.first.Scalar();
    std::string lower = name;
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (!seen.insert(lower).second) {
      f.error(kv.first, "header `" + name + "` is given twice in `request.headers`");
      continue;
    }
    if (is_null(kv.second)) {  // null removes a header the provider would send
      out.remove_headers.push_back(name);
      continue;
    }
    std::string value;
    if (!read_text(kv.second, f, "request.headers." + name, value)) continue;
    if (value.find_first_of("\r\n") != std::string::npos) {
      f.error(kv.second, "the value of header `" + name + "` holds a line break");
      continue;
    }
    out.headers.push_back(Header{name, value});
  }
}

void read_path(const YAML::Node& v, YamlFile& f, std::string& out) {
  if (!read_text(v, f, "request.path", out)) return;
  // `{{paths.batches}}/...` starts with the provider's path for an endpoint, itself starting with `/`.
  const bool endpoint_path = out.rfind("{{paths.", 0) == 0;
  if (!endpoint_path && (out.empty() || out[0] != '/'))
    f.error(v, "`request.path` must start with `/` or `{{paths.ENDPOINT}}`", "it is appended to the provider's base URL");
}

void read_query(const YAML::Node& v, YamlFile& f, std::string& out) {
  if (!read_text(v, f, "request.query", out)) return;
  if (!out.empty() && out[0] == '?') out.erase(0, 1);  // written as in a URL; we add the '?'
}

void read_json_body(const YAML::Node& v, YamlFile& f, RequestSpec& out) {
  std::string json;
  if (!yaml_to_json(v, f, json)) return;
  const std::size_t before = f.error_count();
  check_node_placeholders(v, f);
  if (f.error_count() == before) out.json = json;
}

}  // namespace

const std::vector<std::string>& endpoint_names() {
  static const std::vector<std::string> names = {"messages", "count_tokens", "models", "batches"};
  return names;
}

void parse_request(const YAML::Node& node, YamlFile& f, RequestSpec& out) {
  out.where = f.at(node);
  if (!node.IsMap()) {
    f.error(node, "`request` must be a mapping", "e.g. `request: {endpoint: messages, json: {...}}`");
    return;
  }
  Fields fields(node, kRequestKeys, f, "request");
  if (fields.has("endpoint") && fields.has("path"))
    f.error(fields.key("path"), "`request` gives both `endpoint` and `path`", "keep one of them");
  else if (!fields.has("endpoint") && !fields.has("path"))
    f.error(node, "`request` needs `endpoint` or `path`", "endpoints: " + list_choices(endpoint_names()));
  if (fields.has("endpoint")) read_choice(fields.value("endpoint"), f, "endpoint", endpoint_names(), out.endpoint);
  if (fields.has("path")) read_path(fields.value("path"), f, out.path);
  if (fields.has("query")) read_query(fields.value("query"), f, out.query);
  if (fields.has("auth")) read_choice(fields.value("auth"), f, "auth", kCaseAuth, out.auth);
  if (fields.has("headers")) read_headers(fields.value("headers"), f, out);

  if (fields.has("json") && fields.has("body"))
    f.error(fields.key("body"), "`request` gives both `json` and `body`", "`json` is a structured body, `body` a raw one: keep one");
  else if (fields.has("json"))
    read_json_body(fields.value("json"), f, out);
  else if (fields.has("body")) {
    std::string body;
    const YAML::Node b = fields.value("body");
    if (!b.IsScalar() || is_null(b))
      f.error(b, "`request.body` must be a string (sent byte for byte)", "use `json:` for a body written as YAML");
    else if (read_text(b, f, "request.body", body))
      out.body = body;
  }
  if (fields.has("pad_to")) {
    std::int64_t size = 0;
    if (read_int(fields.value("pad_to"), f, "request.pad_to", 1, kMaxPadding, size)) out.body_padding = size;
    if (!fields.has("json")) f.error(fields.key("pad_to"), "`pad_to` pads a JSON body: the request needs `json`");
  }
  if (fields.has("retries")) {
    std::int64_t retries = 0;
    if (read_int(fields.value("retries"), f, "request.retries", 0, 10, retries)) out.retries = static_cast<int>(retries);
  }
  if (fields.has("retry_on")) parse_status_list(fields.value("retry_on"), f, "retry_on", out.retry_on);
  // Default method: POST with a body, GET without.
  out.method = fields.has("json") || fields.has("body") ? "POST" : "GET";
  if (fields.has("method")) read_method(fields.value("method"), f, out.method);
}

}  // namespace ac
