#pragma once
#include <map>
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

// anthropic: {"type":"error","error":{type,message},"request_id"} (reference §4.1);
// success_code: {"success":false,"code":"<status>","message"} (a gateway's own envelope).
enum class ErrorEnvelope { anthropic, success_code };

// How a successful Messages answer is shaped: the Message itself (reference §3.1), or wrapped
// as {"success":true,"code":"200","message":"successful","data":{OpenAI-like completion}}.
enum class MessageBody { message, success_code_openai };

// anthropic: named SSE events (reference §5); openai_chunks: data-only chat.completion.chunk
// frames with finish_reason and [DONE] (reference §8); openai_chunks_bare: the same frames with
// only id, object and choices[].delta.content, as some gateways document them.
enum class StreamFormat { anthropic, openai_chunks, openai_chunks_bare };

// anthropic: {"type":"auto"|"any"|"tool"|"none"} objects; openai: "none" | "auto" | "required"
// strings or {"type":"function","function":{"name"}}.
enum class ToolChoiceForm { anthropic, openai };

// What the version header means: required (missing or unknown -> 400), optional (missing is
// fine, unknown -> 400) or ignored (never read; anthropic-beta is then not validated either).
enum class VersionPolicy { required, optional, ignored };

// Request rules a dialect may relax or tighten; defaults are the reference's.
struct RequestRules {
  bool max_tokens_required = true;
  long default_max_tokens = 4096;       // used when max_tokens is optional and absent
  bool max_tokens_integer = true;       // false: any number >= 1 (rounded down)
  double temperature_max = 1;
  bool role_required = true;            // false: a message without role is a user message
  bool content_required = true;         // false: a message without content has no blocks
  bool system_string = true;            // system may be a string
  bool system_blocks = true;            // system may be a list of text blocks
  std::vector<std::string> image_sources = {"base64", "url", "file"};
  ToolChoiceForm tool_choice = ToolChoiceForm::anthropic;
};

// A model a dialect serves on top of the reference catalog.
struct ExtraModel {
  std::string id;
  long max_output_tokens = 4096;
};

// Headers a dialect requires on every request (besides the key and version).
struct RequiredHeader {
  std::string name;  // lower-case
};

// Everything about the wire surface that a provider "dialect" may later change. The request
// pipeline reads only this; a dialect file (dialect_load.hpp) is turned into one of these by
// applying its differences to the reference surface.
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
  // Dialect differences beyond routes and headers (defaults are the reference's).
  std::string description;                     // one line, for `apiconform list dialects`
  VersionPolicy version_policy = VersionPolicy::required;
  std::vector<RequiredHeader> required_headers;
  RequestRules request;
  int messages_status = 200;                   // status of a successful Messages answer
  MessageBody message_body = MessageBody::message;
  std::vector<std::string> omit_message_fields;  // top-level Message fields left out (JSON)
  std::map<std::string, std::string> answer_model;  // requested (resolved) id -> id reported
  StreamFormat stream_format = StreamFormat::anthropic;
  std::vector<ExtraModel> extra_models;
};

// The Anthropic Messages API as described in the reference document.
ApiSurface reference_surface();

// The versions the reference surface distinguishes (behaviour differs between them).
inline constexpr const char* kVersion2023 = "2023-06-01";
inline constexpr const char* kVersion2026 = "2026-10-21";

}  // namespace ac::sim
