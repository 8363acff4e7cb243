#pragma once
#include <string>
#include <vector>

#include "sim/ids.hpp"
#include "sim/upstream_dialect.hpp"
#include "sim/upstream_script.hpp"

namespace ac::sim {

// A scripted (or default) upstream answer with every choice made: what upstream_openai.cpp and
// upstream_anthropic.cpp write in their wire format.
struct UpstreamAnswer {
  std::string model;  // the model the forwarded request named
  bool has_text = false;
  std::string text;
  std::string tool_id;  // empty: no tool call
  std::string tool_name;
  std::string tool_arguments;  // JSON text (or whatever the script says)
  std::string finish_reason;   // the dialect's word
  long prompt_tokens = 0;
  long completion_tokens = 0;
};

// The answer for `script` (has_reply false: the dialect's default reply), with the dialect's ids.
UpstreamAnswer answer_of(const UpstreamScript& script, const UpstreamDialect& dialect, const std::string& model,
                         IdSource& ids);

// One writing of an answer on the wire: its bytes in writes (a stream: one per chunk or event).
struct UpstreamBody {
  std::string content_type;
  std::vector<std::string> writes;
};

// OpenAI Chat Completions (upstream_openai.cpp): a `chat.completion`, or `chat.completion.chunk`
// frames ending with `data: [DONE]` (a usage chunk first when `include_usage`).
UpstreamBody openai_completion(const UpstreamAnswer& answer, const std::string& id);
UpstreamBody openai_chunks(const UpstreamAnswer& answer, const std::string& id, bool include_usage);
std::string openai_error_body(const UpstreamError& error);

// Text split the way a model streams it: words with their leading space.
std::vector<std::string> stream_pieces(const std::string& text);

}  // namespace ac::sim
