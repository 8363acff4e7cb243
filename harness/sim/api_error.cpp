#include "sim/api_error.hpp"
#include "util/join.hpp"

#include <utility>

namespace ac::sim {

ApiError invalid_request(std::string message) {
  return {400, "invalid_request_error", std::move(message)};
}

ApiError authentication_failed(std::string message) {
  return {401, "authentication_error", std::move(message)};
}

ApiError not_found(std::string message) { return {404, "not_found_error", std::move(message)}; }

ApiError method_not_allowed(std::string message) {
  // The reference lists no dedicated type for 405; invalid_request_error "may also be used for
  // other 4XX codes not listed" (reference §4.2).
  return {405, "invalid_request_error", std::move(message)};
}

ApiError request_too_large() {
  return {413, "request_too_large", "Request exceeds the maximum size"};
}

namespace {

struct NamedError {
  const char* name;
  ApiError error;
};

// Status, type and message as documented in reference §4.2 (529 body observed verbatim).
const NamedError kNamedErrors[] = {
    {"overloaded", {529, "overloaded_error", "Overloaded"}},
    {"rate_limit", {429, "rate_limit_error", "Number of requests has exceeded your rate limit"}},
    {"api_error", {500, "api_error", "Internal server error"}},
    {"permission", {403, "permission_error", "Your API key does not have permission to use the specified resource."}},
    {"billing", {402, "billing_error", "Your credit balance is too low to access the Anthropic API."}},
    {"conflict", {409, "conflict_error", "The request conflicts with the current state of the resource."}},
    {"timeout", {504, "timeout_error", "Request timed out"}},
    {"not_found", {404, "not_found_error", "The requested resource could not be found."}},
    {"invalid_request", {400, "invalid_request_error", "Invalid request"}},
    {"authentication", {401, "authentication_error", "invalid x-api-key"}},
};

}  // namespace

std::optional<ApiError> named_error(const std::string& name) {
  for (const auto& entry : kNamedErrors) {
    if (name == entry.name) return entry.error;
  }
  return std::nullopt;
}

std::string named_error_names() {
  return join(kNamedErrors, ", ", [](const auto& entry) { return entry.name; });
}

bool should_retry(int status) {
  return status == 408 || status == 409 || status == 429 || status >= 500;
}

}  // namespace ac::sim
