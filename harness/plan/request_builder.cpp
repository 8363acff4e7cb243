#include "plan/request_builder.hpp"

#include <algorithm>

namespace ac {

namespace {

// A key that no provider issues, for cases that probe how a bad key is refused.
const char* kInvalidKey = "sk-ant-apiconform-invalid-key-0000000000";

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

bool build_body(const RequestSpec& spec, const Variables& vars, std::string& body, std::string& error) {
  if (spec.json && !expand_json(*spec.json, vars, body, error)) return false;
  if (spec.body && !expand_text(*spec.body, vars, body, error)) return false;
  // Whitespace keeps the JSON (and its meaning) intact while reaching a size limit.
  if (spec.body_padding && body.size() < *spec.body_padding) body.append(*spec.body_padding - body.size(), ' ');
  return true;
}

std::string single_quoted(const std::string& text) {
  std::string out = "'";
  for (char c : text) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

}  // namespace

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
  if (!build_body(spec, vars, job.body, error)) return false;

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

  Headers redacted = headers;
  auto send_key = [&](AuthStyle style, const std::string& key, bool secret) {
    Header auth = auth_header(style, key);
    headers.push_back(auth);
    if (secret) auth.value = style == AuthStyle::Bearer ? "Bearer [REDACTED]" : "[REDACTED]";
    redacted.push_back(auth);
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
  for (auto& h : redacted) {
    for (const auto& secret : provider.secret_headers)
      if (iequals(h.name, secret)) h.value = "[REDACTED]";
  }
  job.headers = std::move(headers);

  job.sent.method = job.method;
  job.sent.url = job.url;
  job.sent.headers = redacted;
  job.sent.body_size = job.body.size();
  job.sent.body = job.body.substr(0, options.max_body_shown);
  std::string key_ref = provider.key_env.empty() ? "API_KEY" : provider.key_env;
  job.sent.curl = curl_line(job.method, job.url, redacted, job.body, options.max_body_shown);
  // The curl line names the variable, so a person can paste it with their own key.
  for (std::size_t pos; (pos = job.sent.curl.find("[REDACTED]")) != std::string::npos;)
    job.sent.curl.replace(pos, 10, "'\"$" + key_ref + "\"'");
  return true;
}

namespace {

bool expand_assertions(std::vector<JsonExpectation>& list, const Variables& vars, std::string& error) {
  for (auto& a : list) {
    std::string value;
    bool ok = (a.kind == JsonCheckKind::Matches) ? expand_text(a.value, vars, value, error)
                                                 : a.value.empty() || expand_json(a.value, vars, value, error);
    if (!ok) return false;
    if (!a.value.empty()) a.value = value;
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
  return !e.stream || expand_assertions(e.stream->folded, vars, error);
}

std::string curl_line(const std::string& method, const std::string& url, const Headers& headers,
                      const std::string& body, std::size_t max_body) {
  std::string line = "curl -sS -X " + method + " " + single_quoted(url);
  for (const auto& h : headers) line += " -H " + single_quoted(h.name + ": " + h.value);
  if (!body.empty()) {
    if (body.size() <= max_body)
      line += " --data-binary " + single_quoted(body);
    else
      line += " --data-binary @body.json  # body of " + std::to_string(body.size()) + " bytes, see results.json";
  }
  return line;
}

}  // namespace ac
