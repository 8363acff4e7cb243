#include "plan/request_builder.hpp"

#include <algorithm>
#include <cctype>

#include "model/expected_value.hpp"
#include "redact/redactor.hpp"

namespace ac {

namespace {

const char* kUserinfoVar = "APICONFORM_URL_USERINFO";

// A key that no provider issues, for cases that probe how a bad key is refused. It shares no
// more than "sk-ant-" with real keys, so the redactor (which hides any 12 characters of a key)
// leaves it readable.
const char* kInvalidKey = "sk-ant-invalid-apiconform-key-0000000000";

std::string trim_slash(std::string url) {
  while (!url.empty() && url.back() == '/') url.pop_back();
  return url;
}

void set_header(Headers& headers, const std::string& name, const std::string& value) {
  for (auto& h : headers) {
    if (iequals(h.name, name)) {
      h.value = value;
      return;
    }
  }
  headers.push_back(Header{name, value});
}

void remove_header(Headers& headers, const std::string& name) {
  headers.erase(std::remove_if(headers.begin(), headers.end(), [&](const Header& h) { return iequals(h.name, name); }),
                headers.end());
}

// The header carrying the key for an auth style ("either" sends the documented x-api-key).
Header auth_header(AuthStyle style, const std::string& key) {
  if (style == AuthStyle::Bearer) return Header{"Authorization", "Bearer " + key};
  return Header{"x-api-key", key};
}

bool resolve_path(const RequestSpec& spec, const Target& target, const Variables& vars, std::string& path,
                  std::string& error) {
  if (!spec.endpoint.empty()) {
    auto it = target.provider.paths.find(spec.endpoint);
    if (it == target.provider.paths.end()) {
      error = "provider " + target.provider.name + " has no path for endpoint '" + spec.endpoint + "'";
      return false;
    }
    path = it->second;
    return true;
  }
  return expand_text(spec.path, vars, path, error);
}

bool build_body(const RequestSpec& spec, const Variables& vars, PreparedRequest& job, std::string& error) {
  if (spec.json && !expand_json(*spec.json, vars, job.body, error)) return false;
  if (spec.body && !expand_text(*spec.body, vars, job.body, error)) return false;
  // Whitespace keeps the JSON (and its meaning) intact while reaching a size limit.
  job.pad_to = spec.body_padding.value_or(0);
  return true;
}

// A secret in a curl line is written as the shell variable that holds it. It is marked while the
// line is built ("\x01NAME\x02") and turned into '"$NAME"' once the line is quoted.
std::string shell_ref(const std::string& variable) { return "\x01" + variable + "\x02"; }

std::string with_shell_variables(std::string line) {
  for (std::size_t at; (at = line.find('\x01')) != std::string::npos;) {
    const std::size_t end = line.find('\x02', at);
    if (end == std::string::npos) break;
    line.replace(at, end + 1 - at, "'\"$" + line.substr(at + 1, end - at - 1) + "\"'");
  }
  return line;
}

// The shell variable(s) to paste a secret header from: the profile's own {{env.NAME}} where the
// value is read from the environment, else APICONFORM_HEADER_<NAME> (docs/secrets.md).
std::string secret_header_ref(const Provider& provider, const std::string& name) {
  std::string out;
  for (const auto& h : provider.headers) {
    if (!iequals(h.name, name)) continue;
    const std::string& text = h.value;
    for (std::size_t at = 0; at < text.size();) {
      const std::size_t open = text.find("{{", at);
      const std::size_t close = open == std::string::npos ? open : text.find("}}", open);
      if (close == std::string::npos) {
        out += text.substr(at);
        break;
      }
      std::string variable = text.substr(open + 2, close - open - 2);
      variable.erase(0, variable.find_first_not_of(' '));
      variable.erase(variable.find_last_not_of(' ') + 1);
      if (variable.rfind("env.", 0) != 0) return shell_ref(header_variable(name));
      out += text.substr(at, open - at) + shell_ref(variable.substr(4));
      at = close + 2;
    }
    if (out.find('\x01') != std::string::npos) return out;
  }
  return shell_ref(header_variable(name));
}

}  // namespace

std::string single_quoted(const std::string& text) {
  std::string out = "'";
  for (char c : text) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

std::string url_userinfo(const std::string& url) {
  const std::size_t scheme = url.find("://");
  if (scheme == std::string::npos) return "";
  const std::size_t host = scheme + 3;
  const std::size_t end = url.find_first_of("/?#", host);
  const std::size_t at = url.rfind('@', end == std::string::npos ? url.size() : end);
  if (at == std::string::npos || at < host) return "";
  return url.substr(host, at - host);
}

namespace {

// `url` with its userinfo and the '@' after it (`with_at` characters of it) replaced by `with`.
std::string swap_userinfo(const std::string& url, const std::string& with, std::size_t with_at) {
  const std::string userinfo = url_userinfo(url);
  if (userinfo.empty()) return url;
  const std::size_t host = url.find("://") + 3;
  return url.substr(0, host) + with + url.substr(host + userinfo.size() + with_at);
}

}  // namespace

std::string replace_userinfo(const std::string& url, const std::string& with) { return swap_userinfo(url, with, 0); }

std::string without_userinfo(const std::string& url) { return swap_userinfo(url, "", 1); }

std::string header_variable(const std::string& header_name) {
  std::string out = "APICONFORM_HEADER_";
  for (char c : header_name) out += std::isalnum(static_cast<unsigned char>(c)) ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : '_';
  return out;
}

Variables variables_for(const Target& target, const std::string& api_version) {
  Variables vars = target.provider.vars;
  vars["api_version"] = "\"" + api_version + "\"";
  for (const auto& [endpoint, path] : target.provider.paths) vars["paths." + endpoint] = "\"" + path + "\"";
  return vars;
}

bool prepare_request(const RequestSpec& spec, const Target& target, const Variables& vars,
                     const RequestOptions& options, PreparedRequest& job, std::string& error) {
  const Provider& provider = target.provider;
  std::string path, query;
  if (!resolve_path(spec, target, vars, path, error) || !expand_text(spec.query, vars, query, error)) return false;
  job.method = spec.method;
  job.url = trim_slash(target.base_url) + path + (query.empty() ? "" : "?" + query);
  if (!build_body(spec, vars, job, error)) return false;

  Headers headers;
  for (const auto& h : provider.headers) {
    std::string value;
    if (!expand_text(h.value, vars, value, error)) return false;
    headers.push_back(Header{h.name, value});
  }
  if (find_header(headers, "anthropic-version")) set_header(headers, "anthropic-version", options.api_version);
  for (const auto& name : spec.remove_headers) remove_header(headers, name);
  if (!job.body.empty() && !find_header(headers, "content-type")) headers.push_back(Header{"content-type", "application/json"});
  for (const auto& h : spec.headers) {
    std::string value;
    if (!expand_text(h.value, vars, value, error)) return false;
    set_header(headers, h.name, value);
  }

  Headers shown = headers;     // for results and reports: every secret replaced
  Headers for_curl = headers;  // for the curl line: every secret as the shell variable holding it
  const std::string key_var = provider.key_env.empty() ? "API_KEY" : provider.key_env;
  auto send_key = [&](AuthStyle style, const std::string& key, bool secret) {
    Header auth = auth_header(style, key);
    headers.push_back(auth);
    const std::string scheme = style == AuthStyle::Bearer ? "Bearer " : "";
    if (secret) auth.value = scheme + std::string(Redactor::kMark);
    shown.push_back(auth);
    if (secret) auth.value = scheme + shell_ref(key_var);
    for_curl.push_back(auth);
  };
  if (spec.auth == "both") {
    // The key in both headers the SDKs have used, whatever the provider documents: how a server
    // picks between them is the question the case asks.
    send_key(AuthStyle::XApiKey, target.key, true);
    send_key(AuthStyle::Bearer, target.key, true);
  } else if (provider.auth != AuthStyle::None && spec.auth != "none") {
    bool invalid = spec.auth == "invalid";
    send_key(provider.auth, invalid ? kInvalidKey : target.key, !invalid);
  }
  for (const auto& secret : provider.secret_headers) {
    for (auto& h : shown)
      if (iequals(h.name, secret)) h.value = Redactor::kMark;
    for (auto& h : for_curl)
      if (iequals(h.name, secret)) h.value = secret_header_ref(provider, h.name);
  }
  job.headers = std::move(headers);

  const std::string userinfo = url_userinfo(job.url);
  job.sent.method = job.method;
  job.sent.url = userinfo.empty() ? job.url : replace_userinfo(job.url, std::string(Redactor::kMark));
  job.sent.headers = std::move(shown);
  job.sent.body_size = job.body_size();
  job.sent.body = job.body_prefix(options.max_body_shown);
  // The curl line names the variables, so a person can paste it with their own secrets.
  const std::string curl_url = userinfo.empty() ? job.url : replace_userinfo(job.url, shell_ref(kUserinfoVar));
  job.sent.curl = with_shell_variables(
      curl_line(job.method, curl_url, for_curl, job.sent.body, job.sent.body_size, options.max_body_shown));
  return true;
}

std::string PreparedRequest::body_as_sent() const { return body_prefix(body_size()); }

std::string PreparedRequest::body_prefix(std::size_t max) const {
  std::string out = body.substr(0, max);
  const std::size_t wanted = std::min(max, body_size());
  if (out.size() < wanted) out.append(wanted - out.size(), ' ');
  return out;
}

namespace {

bool expand_assertions(std::vector<JsonExpectation>& list, const Variables& vars, std::string& error) {
  for (auto& a : list) {
    std::string value;
    bool ok = (a.kind == JsonCheckKind::Matches) ? expand_text(a.value, vars, value, error)
                                                 : a.value.empty() || expand_json(a.value, vars, value, error);
    if (!ok) return false;
    if (!a.value.empty()) a.value = value;
    read_expected_value(a);  // final now: the checks judge every reply against the value read here
  }
  return true;
}

}  // namespace

bool expand_expectation(Expectation& e, const Variables& vars, std::string& error) {
  for (auto& h : e.headers) {
    std::string value;
    if (!expand_text(h.value, vars, value, error)) return false;
    h.value = value;
  }
  if (!expand_assertions(e.json, vars, error)) return false;
  if (e.upstream) {
    if (!expand_assertions(e.upstream->json, vars, error)) return false;
    for (auto& h : e.upstream->headers) {
      std::string value;
      if (!expand_text(h.value, vars, value, error)) return false;
      h.value = value;
    }
  }
  return !e.stream || expand_assertions(e.stream->folded, vars, error);
}

std::string curl_line(const std::string& method, const std::string& url, const Headers& headers,
                      const std::string& body, std::size_t body_size, std::size_t max_body) {
  std::string line = "curl -sS -X " + method + " " + single_quoted(url);
  for (const auto& h : headers) line += " -H " + single_quoted(h.name + ": " + h.value);
  if (body_size > 0) {
    if (body_size <= max_body)
      line += " --data-binary " + single_quoted(body);
    else
      line += " --data-binary @body.json  # body of " + std::to_string(body_size) + " bytes, see results.json";
  }
  return line;
}

}  // namespace ac
