#pragma once
#include <optional>
#include <string>

namespace ac::sim {

// An error the simulated API answers with: HTTP status plus the envelope's error.type/message.
struct ApiError {
  int status = 400;
  std::string type;
  std::string message;
};

ApiError invalid_request(std::string message);                // 400 invalid_request_error
ApiError authentication_failed(std::string message);          // 401 authentication_error
ApiError not_found(std::string message);                      // 404 not_found_error
ApiError method_not_allowed(std::string message);             // 405 invalid_request_error
ApiError request_too_large();                                 // 413 request_too_large (edge)

// Errors that can be requested with the `x-sim-error` header, by short name
// ("overloaded", "rate_limit", "api_error", "permission", "billing", "conflict", "timeout", "not_found",
// "invalid_request", "authentication"); nullopt for an unknown name.
std::optional<ApiError> named_error(const std::string& name);
std::string named_error_names();  // comma-separated, for messages

// The API's advice to clients (the `x-should-retry` header): retry on 408/409/429/5xx.
bool should_retry(int status);

}  // namespace ac::sim
