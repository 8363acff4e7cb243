#pragma once
#include <string>
#include <vector>

#include "sim/ids.hpp"
#include "sim/message_request.hpp"

namespace ac::sim {

struct ReplyBlock {
  std::string type;        // text | tool_use | thinking
  std::string text;        // text, or thinking
  std::string id;          // tool_use
  std::string name;        // tool_use
  std::string input_json;  // tool_use
  std::string signature;   // thinking
};

// The assistant message the simulator answers with, before it is written as JSON or a stream.
struct Reply {
  std::string id;
  std::string model;  // resolved model id
  std::vector<ReplyBlock> blocks;
  std::string stop_reason;
  std::string stop_sequence;  // meaningful when stop_reason == "stop_sequence"
  long input_tokens = 0;
  long output_tokens = 0;
};

// The deterministic answer to a validated request (rules in docs/simulator.md):
//  - text: "You said: <last user text>" (tool_result turn: "Tool result received: <content>");
//  - tool_choice any/tool forces one tool_use block; auto uses a tool whose name appears in the
//    last user text (preceded by a short text block); none never uses tools;
//  - thinking enabled: a thinking block first;
//  - stop_sequences cut the text before the earliest match; max_tokens cuts it to that many words.
Reply make_reply(const MessageRequest& request, const std::string& model_id, IdSource& ids,
                 const std::string& message_id_prefix, const std::string& tool_id_prefix);

// The non-streaming response body (a `Message`).
std::string render_message(const Reply& reply);

}  // namespace ac::sim
