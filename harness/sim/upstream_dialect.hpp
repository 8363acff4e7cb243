#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "sim/dialect_load.hpp"

namespace ac::sim {

// An upstream error body's content: what the dialect's envelope says for a status or a name.
struct UpstreamError {
  int status = 500;
  std::string type;
  std::string code;  // OpenAI's `code` (empty: null); unused by the Anthropic envelope
  std::string message;
};

// What an upstream dialect file says (harness/sim/upstreams/*.yaml): the words of the wire format,
// not its shape, which is code (upstream_openai.cpp, upstream_anthropic.cpp).
struct UpstreamDialect {
  std::string name;  // "openai" | "anthropic"
  std::string description;
  std::vector<std::string> chat_paths;                // where chat requests are answered
  std::vector<std::string> models_paths;              // GET: a models list (some gateways read it)
  std::map<std::string, std::string> finish_reasons;  // the script's word -> the dialect's
  std::string default_text;
  long default_prompt_tokens = 0;
  long default_completion_tokens = 0;
  std::map<int, UpstreamError> errors;                // by status
  std::map<std::string, UpstreamError> named_errors;  // `fault.error`
};

// The upstream dialect files, embedded at build time (generated upstreams_embedded.cpp).
const std::vector<DialectSource>& builtin_upstreams();

// Reads one upstream dialect file; "origin:line:col: what is wrong" on a malformed one.
std::optional<std::string> load_upstream_dialect(const DialectSource& source, UpstreamDialect& out);

// The built-in dialect called `name`; an unknown name is an error listing the known ones.
std::optional<std::string> resolve_upstream_dialect(const std::string& name, UpstreamDialect& out);

// The error body content for a status: the dialect's row, else a generic one of its family.
UpstreamError upstream_error_for(const UpstreamDialect& dialect, int status);

}  // namespace ac::sim
