#pragma once
#include <string>
#include <vector>

namespace ac::sim {

// One content block of a request message, reduced to what the reply generator reads.
struct InputBlock {
  std::string type;          // text, image, document, tool_use, tool_result, thinking, ...
  std::string text;          // text; tool_result: its text content; tool_use: input JSON
  std::string id;            // tool_use id, or tool_result's tool_use_id
  std::string name;          // tool_use name
  bool is_error = false;     // tool_result
};

struct InputMessage {
  std::string role;  // "user" | "assistant"
  std::vector<InputBlock> blocks;
};

struct ToolDefinition {
  std::string name;
  std::string description;
  std::string input_schema_json;  // custom tools; empty for built-in (versioned) tools
  std::string type;               // "custom" or a versioned built-in type
};

// A validated Messages (or count_tokens) request.
struct MessageRequest {
  std::string model;                         // as sent (may be an alias)
  long max_tokens = 0;                       // 0 for count_tokens
  bool max_tokens_defaulted = false;         // left out where a dialect makes it optional
  std::vector<InputMessage> messages;
  std::string system;                        // blocks joined with "\n"
  std::vector<std::string> stop_sequences;
  bool stream = false;
  std::vector<ToolDefinition> tools;
  std::string tool_choice = "auto";          // auto | any | tool | none
  std::string tool_choice_name;              // for tool_choice "tool"
  bool thinking = false;                     // thinking enabled (or adaptive)
  long thinking_budget = 0;
};

}  // namespace ac::sim
