// Deciding what the simulated assistant says (see reply.hpp for the rules).
#include <algorithm>
#include <cctype>

#include "sim/reply.hpp"
#include "sim/tokens.hpp"
#include "sim/tool_input.hpp"
#include "util/join.hpp"

namespace ac::sim {
namespace {

const InputMessage* last_user_message(const MessageRequest& request) {
  for (auto it = request.messages.rbegin(); it != request.messages.rend(); ++it) {
    if (it->role == "user") return &*it;
  }
  return nullptr;
}

bool has_tool_result(const InputMessage* message) {
  if (!message) return false;
  return std::any_of(message->blocks.begin(), message->blocks.end(),
                     [](const InputBlock& b) { return b.type == "tool_result"; });
}

std::string user_text(const InputMessage* message) {
  std::string text;
  if (!message) return text;
  for (const auto& block : message->blocks) {
    if (block.type == "text") append_joined(text, " ", block.text);
  }
  return text;
}

std::string answer_text(const InputMessage* message) {
  if (has_tool_result(message)) {
    std::string content;
    bool error = false;
    for (const auto& block : message->blocks) {
      if (block.type != "tool_result") continue;
      append_joined(content, " ", block.text);
      error = error || block.is_error;
    }
    if (content.empty()) content = "(no content)";
    return (error ? "The tool reported an error: " : "Tool result received: ") + content;
  }
  long images = 0;
  if (message) {
    images = std::count_if(message->blocks.begin(), message->blocks.end(), [](const InputBlock& b) {
      return b.type == "image" || b.type == "document";
    });
  }
  std::string text = user_text(message);
  std::string answer;
  if (images > 0) answer = "I see " + std::to_string(images) + (images == 1 ? " attachment." : " attachments.");
  if (!text.empty()) append_joined(answer, " ", "You said: " + text);
  return answer.empty() ? "Hello from the apiconform simulator." : answer;
}

std::string lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

// The tool to call, or nullptr for a text answer.
const ToolDefinition* chosen_tool(const MessageRequest& request, const InputMessage* last_user) {
  if (request.tools.empty() || request.tool_choice == "none") return nullptr;
  if (request.tool_choice == "tool") {
    for (const auto& tool : request.tools) {
      if (tool.name == request.tool_choice_name) return &tool;
    }
    return nullptr;
  }
  if (request.tool_choice == "any") return &request.tools.front();
  // auto: answer a tool_result with text; otherwise use a tool the user names.
  if (has_tool_result(last_user)) return nullptr;
  const std::string said = lower(user_text(last_user));
  for (const auto& tool : request.tools) {
    if (said.find(lower(tool.name)) != std::string::npos) return &tool;
  }
  return nullptr;
}

struct Cut {
  std::string text;
  std::string stop_reason = "end_turn";
  std::string stop_sequence;
};

// Stop sequences end the text before the earliest match; max_tokens then keeps `budget` words.
Cut cut_text(const std::string& text, const MessageRequest& request, long budget) {
  Cut cut;
  cut.text = text;
  std::size_t earliest = std::string::npos;
  for (const auto& sequence : request.stop_sequences) {
    auto at = text.find(sequence);
    if (at != std::string::npos && at < earliest) {
      earliest = at;
      cut.stop_sequence = sequence;
    }
  }
  if (earliest != std::string::npos) {
    cut.text = text.substr(0, earliest);
    cut.stop_reason = "stop_sequence";
  }
  auto spans = word_spans(cut.text);
  if (budget < 1) budget = 1;
  if (static_cast<long>(spans.size()) > budget) {
    cut.text = cut.text.substr(0, spans[static_cast<std::size_t>(budget) - 1].second);
    cut.stop_reason = "max_tokens";
    cut.stop_sequence.clear();
  }
  return cut;
}

ReplyBlock thinking_block(const InputMessage* last_user) {
  ReplyBlock block;
  block.type = "thinking";
  block.text = "The user wrote " + std::to_string(count_words(user_text(last_user))) +
               " words. I will answer by repeating what they said.";
  block.signature = thinking_signature(block.text);
  return block;
}

long block_output_tokens(const ReplyBlock& block) {
  if (block.type == "tool_use") return count_json_tokens(block.input_json);
  return count_words(block.text);
}

}  // namespace

Reply make_reply(const MessageRequest& request, const std::string& model_id, IdSource& ids,
                 const std::string& message_id_prefix, const std::string& tool_id_prefix) {
  Reply reply;
  reply.id = ids.next(message_id_prefix);
  reply.model = model_id;
  reply.input_tokens = count_input_tokens(request);
  const InputMessage* last_user = last_user_message(request);
  if (request.thinking) reply.blocks.push_back(thinking_block(last_user));
  long budget = request.max_tokens;
  for (const auto& block : reply.blocks) budget -= block_output_tokens(block);

  const ToolDefinition* tool = chosen_tool(request, last_user);
  bool forced = request.tool_choice == "any" || request.tool_choice == "tool";
  std::string text = tool ? "I'll use the " + tool->name + " tool." : answer_text(last_user);
  Cut cut;
  if (!(tool && forced)) {
    cut = cut_text(text, request, budget);
    if (!cut.text.empty()) {
      ReplyBlock block;
      block.type = "text";
      block.text = cut.text;
      reply.blocks.push_back(block);
    }
  }
  // A cut preamble means generation stopped before the tool call was written.
  if (tool && (forced || cut.stop_reason == "end_turn")) {
    ReplyBlock use;
    use.type = "tool_use";
    use.id = ids.next(tool_id_prefix);
    use.name = tool->name;
    use.input_json = tool->input_schema_json.empty() ? "{}" : tool_input_json(tool->input_schema_json);
    reply.blocks.push_back(use);
    cut.stop_reason = "tool_use";
  }
  reply.stop_reason = cut.stop_reason;
  reply.stop_sequence = cut.stop_sequence;
  long output = 0;
  for (const auto& block : reply.blocks) output += block_output_tokens(block);
  reply.output_tokens = std::max(1L, output);
  return reply;
}

}  // namespace ac::sim
