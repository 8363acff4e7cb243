// Reads a provider profile; see docs/providers.md for the format.
#include <set>

#include "load/assertion_parser.hpp"
#include "load/case_parser.hpp"
#include "load/provider_parser.hpp"
#include "util/suggest.hpp"
#include "load/variables.hpp"

namespace ac {

namespace {

const std::vector<std::string> kProviderKeys = {"name",    "base_url",       "paths", "auth",        "key_env",
                                                "headers", "secret_headers", "vars",  "concurrency", "rate_per_s",
                                                "max_rate_per_s", "timeouts", "unsupported",   "known", "dialect"};
const std::vector<std::string> kProviderAuth = {"x-api-key", "bearer", "either", "none"};
const std::vector<std::string> kTimeoutKeys = {"connect_s", "first_byte_s", "idle_s", "total_s"};
const char* const kDefaultVersion = "2023-06-01";

bool env_name(const std::string& s) {
  if (s.empty() || (s[0] >= '0' && s[0] <= '9')) return false;
  for (char c : s)
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_')) return false;
  return true;
}

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

void read_base_url(const YAML::Node& v, YamlFile& f, std::string& out) {
  if (!read_string(v, f, "base_url", out)) return;
  while (!out.empty() && out.back() == '/') out.pop_back();  // paths start with '/'
  if (out.empty() || out == "sim:") {
    out = "sim:";
    return;
  }
  if (out.rfind("http://", 0) != 0 && out.rfind("https://", 0) != 0)
    f.error(v, "`base_url` must start with http:// or https:// (or be `sim:` for the embedded simulator)");
}

void read_paths(const YAML::Node& v, YamlFile& f, Provider& out) {
  if (!v.IsMap()) return f.error(v, "`paths` must be a mapping from endpoint to path", "e.g. `messages: /v1/messages`");
  Fields fields(v, endpoint_names(), f, "paths");
  for (const auto& endpoint : endpoint_names()) {
    if (!fields.has(endpoint)) continue;
    std::string path;
    if (!read_text(fields.value(endpoint), f, "paths." + endpoint, path)) continue;
    if (path.empty() || path[0] != '/') {
      f.error(fields.value(endpoint), "`paths." + endpoint + "` must start with `/`");
      continue;
    }
    out.paths[endpoint] = path;
  }
}

void read_auth(const YAML::Node& v, YamlFile& f, AuthStyle& out) {
  std::string s;
  if (!read_string(v, f, "auth", s)) return;
  if (s == "x-api-key") out = AuthStyle::XApiKey;
  else if (s == "bearer") out = AuthStyle::Bearer;
  else if (s == "either") out = AuthStyle::Either;
  else if (s == "none") out = AuthStyle::None;
  else
    f.error(v, "unknown auth `" + s + "`", did_you_mean(s, kProviderAuth));
}

// `headers`; a null value drops a default header (anthropic-version).
void read_headers(const YAML::Node& v, YamlFile& f, Provider& out, bool& version_given) {
  if (!v.IsMap()) return f.error(v, "`headers` must be a mapping from header name to value");
  std::set<std::string> seen;
  for (const auto& kv : v) {
    const std::string name = kv.first.IsScalar() ? kv.first.Scalar() : "";
    if (!valid_header_name(name)) {
      f.error(kv.first, "`" + name + "` is not a valid HTTP header name");
      continue;
    }
    if (!seen.insert(lower(name)).second) {
      f.error(kv.first, "header `" + name + "` is given twice in `headers`");
      continue;
    }
    if (lower(name) == "anthropic-version") version_given = true;
    if (is_null(kv.second)) continue;
    std::string value;
    if (!read_text(kv.second, f, "headers." + name, value)) continue;
    if (value.find_first_of("\r\n") != std::string::npos) {
      f.error(kv.second, "the value of header `" + name + "` holds a line break");
      continue;
    }
    out.headers.push_back(Header{name, value});
  }
}

void read_secret_headers(const YAML::Node& v, YamlFile& f, Provider& out) {
  std::vector<std::string> names;
  if (!read_string_list(v, f, "secret_headers", names)) return;
  for (const auto& name : names) {
    if (valid_header_name(name)) out.secret_headers.push_back(name);
    else f.error(v, "`" + name + "` in `secret_headers` is not a valid HTTP header name");
  }
}

void read_vars(const YAML::Node& v, YamlFile& f, Provider& out) {
  if (!v.IsMap()) return f.error(v, "`vars` must be a mapping from variable name to value", "e.g. `model: claude-sonnet-4-5`");
  for (const auto& kv : v) {
    const std::string name = kv.first.IsScalar() ? kv.first.Scalar() : "";
    if (!valid_var_name(name)) {
      f.error(kv.first, "`" + name + "` is not a variable name (letters, digits, `_`, `.`, `-`; not `env.`)");
      continue;
    }
    if (out.vars.count(name)) {
      f.error(kv.first, "variable `" + name + "` is given twice in `vars`");
      continue;
    }
    std::string json;
    if (yaml_to_json(kv.second, f, json)) out.vars[name] = json;
  }
}

void read_timeouts(const YAML::Node& v, YamlFile& f, Timeouts& out) {
  if (!v.IsMap()) return f.error(v, "`timeouts` must be a mapping of seconds", "keys: " + list_choices(kTimeoutKeys));
  Fields fields(v, kTimeoutKeys, f, "timeouts");
  double* slots[] = {&out.connect_s, &out.first_byte_s, &out.idle_s, &out.total_s};
  for (std::size_t i = 0; i < kTimeoutKeys.size(); ++i) {
    const std::string& key = kTimeoutKeys[i];
    double s = 0;
    if (!fields.has(key) || !read_number(fields.value(key), f, "timeouts." + key, 0, s)) continue;
    if (s <= 0) f.error(fields.value(key), "`timeouts." + key + "` must be above 0");
    else *slots[i] = s;
  }
}

// `unsupported: [{feature, reason}]` and `known: [{case, reason}]`.
void read_deviations(const YAML::Node& v, YamlFile& f, const std::string& what, const std::string& id_key,
                     std::vector<DeclaredDeviation>& out) {
  if (!v.IsSequence())
    return f.error(v, "`" + what + "` must be a list of {" + id_key + ", reason}",
                   "e.g. `- {" + id_key + ": ..., reason: \"...\"}`");
  for (const auto& item : v) {
    if (!item.IsMap()) {
      f.error(item, "each item of `" + what + "` must be a mapping with `" + id_key + "` and `reason`");
      continue;
    }
    Fields fields(item, {id_key, "reason"}, f, what);
    DeclaredDeviation d;
    const bool has_id = fields.require(id_key), has_reason = fields.require("reason", "say why, or link to the vendor's documentation");
    if (has_id && read_string(fields.value(id_key), f, id_key, d.id) && !valid_case_id(d.id))
      f.error(fields.value(id_key), "`" + d.id + "` is not a valid " + id_key + " name (a-z, 0-9, `.`, `_`, `-`)");
    if (has_reason && read_string(fields.value("reason"), f, "reason", d.reason) && d.reason.empty())
      f.error(fields.value("reason"), "`reason` must not be empty");
    if (has_id && has_reason) out.push_back(d);
  }
}

}  // namespace

bool valid_var_name(const std::string& s) {
  std::string why;
  return !s.empty() && s.rfind("env.", 0) != 0 && check_placeholders("{{" + s + "}}", why);
}

void parse_provider(const YAML::Node& node, YamlFile& f, Provider& out) {
  out.where = f.at(node);
  if (!node.IsMap()) return f.error(node, "a provider profile must be a mapping", "keys: " + list_choices(kProviderKeys));
  Fields fields(node, kProviderKeys, f, "provider");
  if (fields.require("name") && read_string(fields.value("name"), f, "name", out.name) && !valid_case_id(out.name))
    f.error(fields.value("name"), "`name` may only hold a-z, 0-9, `.`, `_` and `-`");
  if (fields.has("dialect") && read_string(fields.value("dialect"), f, "dialect", out.dialect) && !valid_case_id(out.dialect))
    f.error(fields.value("dialect"), "`dialect` may only hold a-z, 0-9, `.`, `_` and `-`");
  if (fields.has("base_url")) read_base_url(fields.value("base_url"), f, out.base_url);
  else if (!out.dialect.empty()) out.base_url = "sim:";
  else fields.require("base_url", "e.g. `base_url: https://api.example.com`, or `dialect:` for a simulator");

  out.paths = {{"messages", "/v1/messages"},
               {"count_tokens", "/v1/messages/count_tokens"},
               {"models", "/v1/models"},
               {"batches", "/v1/messages/batches"}};
  if (fields.has("paths")) read_paths(fields.value("paths"), f, out);
  if (fields.has("auth")) read_auth(fields.value("auth"), f, out.auth);
  if (fields.has("key_env") && read_string(fields.value("key_env"), f, "key_env", out.key_env) && !env_name(out.key_env))
    f.error(fields.value("key_env"), "`key_env` must be an environment variable name, like `MY_API_KEY`",
            "it names the variable holding the key, never the key itself");
  if (!fields.has("key_env") && out.auth != AuthStyle::None)
    fields.require("key_env", "the environment variable that holds the key, or `auth: none`");

  bool version_given = false;
  if (fields.has("headers")) read_headers(fields.value("headers"), f, out, version_given);
  if (!version_given) out.headers.insert(out.headers.begin(), Header{"anthropic-version", kDefaultVersion});
  if (fields.has("secret_headers")) read_secret_headers(fields.value("secret_headers"), f, out);
  if (fields.has("vars")) read_vars(fields.value("vars"), f, out);
  if (fields.has("concurrency")) {
    std::int64_t n = 0;
    if (read_int(fields.value("concurrency"), f, "concurrency", 1, 1024, n)) out.concurrency = static_cast<int>(n);
  }
  if (fields.has("rate_per_s")) read_number(fields.value("rate_per_s"), f, "rate_per_s", 0, out.rate_per_s);
  if (fields.has("max_rate_per_s"))
    read_number(fields.value("max_rate_per_s"), f, "max_rate_per_s", 0, out.max_rate_per_s);
  if (fields.has("timeouts")) read_timeouts(fields.value("timeouts"), f, out.timeouts);
  if (fields.has("unsupported")) read_deviations(fields.value("unsupported"), f, "unsupported", "feature", out.unsupported);
  if (fields.has("known")) read_deviations(fields.value("known"), f, "known", "case", out.known);
}

}  // namespace ac
