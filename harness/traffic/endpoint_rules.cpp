#include "traffic/endpoint_rules.hpp"

#include <string_view>

namespace ac {

namespace {

// Reference §1.1 (every endpoint of the Messages API and its neighbours the suite judges).
constexpr EndpointRule kRules[] = {
    {"POST", "/v1/messages", "anthropic/message-request.json", "anthropic/message-request-beta.json",
     "anthropic/message.json", true, false},
    {"POST", "/v1/messages/count_tokens", "anthropic/count-tokens-request.json",
     "anthropic/count-tokens-request-beta.json", "anthropic/count-tokens.json", false, false},
    {"GET", "/v1/models", "", "", "anthropic/model-list.json", false, false},
    {"GET", "/v1/models/{id}", "", "", "anthropic/model.json", false, false},
    {"POST", "/v1/messages/batches", "", "", "anthropic/message-batch.json", false, false},
    {"GET", "/v1/messages/batches", "", "", "anthropic/message-batch-list.json", false, false},
    {"GET", "/v1/messages/batches/{id}", "", "", "anthropic/message-batch.json", false, false},
    {"POST", "/v1/messages/batches/{id}/cancel", "", "", "anthropic/message-batch.json", false, false},
    {"DELETE", "/v1/messages/batches/{id}", "", "", "anthropic/message-batch-deleted.json", false, false},
    {"GET", "/v1/messages/batches/{id}/results", "", "", "anthropic/batch-result-line.json", false, true},
};

// The API part of a path: query cut, anything before "/v1/" dropped, a trailing '/' ignored.
std::string_view api_path(const std::string& path) {
  std::string_view p(path);
  p = p.substr(0, p.find('?'));
  auto v1 = p.find("/v1/");
  if (v1 != std::string_view::npos) p = p.substr(v1);
  if (p.size() > 1 && p.back() == '/') p.remove_suffix(1);
  return p;
}

bool matches(std::string_view pattern, std::string_view path) {
  while (!pattern.empty() && !path.empty()) {
    if (pattern.substr(0, 4) == "{id}") {
      auto end = path.find('/');
      if (end == 0) return false;
      pattern.remove_prefix(4);
      path.remove_prefix(end == std::string_view::npos ? path.size() : end);
      continue;
    }
    if (pattern.front() != path.front()) return false;
    pattern.remove_prefix(1);
    path.remove_prefix(1);
  }
  return pattern.empty() && path.empty();
}

}  // namespace

const EndpointRule* endpoint_rule(const std::string& method, const std::string& path) {
  const std::string_view p = api_path(path);
  for (const auto& rule : kRules)
    if (method == rule.method && matches(rule.path, p)) return &rule;
  return nullptr;
}

std::string endpoint_name(const std::string& method, const std::string& path) {
  if (const EndpointRule* rule = endpoint_rule(method, path)) return std::string(rule->method) + " " + rule->path;
  return method + " " + std::string(api_path(path));
}

const char* documented_error_type(int status) {
  switch (status) {
    case 400: return "invalid_request_error";
    case 401: return "authentication_error";
    case 402: return "billing_error";
    case 403: return "permission_error";
    case 404: return "not_found_error";
    case 409: return "conflict_error";
    case 413: return "request_too_large";
    case 429: return "rate_limit_error";
    case 500: return "api_error";
    case 504: return "timeout_error";
    case 529: return "overloaded_error";
    default: return "";
  }
}

}  // namespace ac
