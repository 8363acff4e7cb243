#pragma once
#include <string>
#include <vector>

namespace ac::sim {

// What a request is asking for, independent of the path a dialect puts it under.
enum class Endpoint {
  messages, count_tokens, models_list, models_get,
  batches_create, batches_list, batches_get, batches_cancel, batches_delete, batches_results
};

struct Route {
  std::string method;   // "POST", "GET"
  std::string pattern;  // "/v1/models/{id}": a `{name}` segment matches one path segment
  Endpoint endpoint;
};

// Where the key may travel. `prefix` is stripped from the value ("Bearer ").
struct KeyHeader {
  std::string name;    // lower-case header name
  std::string prefix;  // e.g. "Bearer " for Authorization; empty for x-api-key
};

enum class ErrorEnvelope { anthropic };

// Everything about the wire surface that a provider "dialect" may later change. The request
// pipeline reads only this, so a dialect file can be turned into one of these without touching
// the handlers. Today only the reference surface exists.
struct ApiSurface {
  std::string name;
  std::vector<Route> routes;
  std::vector<KeyHeader> key_headers;          // tried in order; the first present one is used
  std::string missing_key_message;
  std::string bad_key_message;
  std::string version_header;                  // empty = no version header required
  std::vector<std::string> versions;           // accepted values
  std::string request_id_header;
  std::string request_id_prefix;
  std::string message_id_prefix;
  std::string tool_use_id_prefix;
  std::string batch_id_prefix;
  ErrorEnvelope error_envelope = ErrorEnvelope::anthropic;
};

// The Anthropic Messages API as described in the reference document.
ApiSurface reference_surface();

// The versions the reference surface distinguishes (behaviour differs between them).
inline constexpr const char* kVersion2023 = "2023-06-01";
inline constexpr const char* kVersion2026 = "2026-10-21";

}  // namespace ac::sim
