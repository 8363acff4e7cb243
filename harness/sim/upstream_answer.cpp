#include "sim/upstream_answer.hpp"

namespace ac::sim {

UpstreamAnswer answer_of(const UpstreamScript& script, const UpstreamDialect& dialect, const std::string& model,
                         IdSource& ids) {
  UpstreamAnswer a;
  a.model = model;
  const UpstreamReplyScript& r = script.reply;
  const bool tool = script.has_reply && !r.tool_name.empty();
  if (script.has_reply && r.text) {
    a.has_text = true;
    a.text = *r.text;
  } else if (!tool) {  // a tool call alone has no text unless the script gives one
    a.has_text = true;
    a.text = dialect.default_text;
  }
  if (tool) {
    a.tool_name = r.tool_name;
    a.tool_arguments = r.tool_arguments;
    a.tool_id = dialect.name == "openai" ? ids.next("call_") : ids.next("toolu_");
  }
  std::string finish = r.finish_reason.empty() ? (tool ? "tool_calls" : "stop") : r.finish_reason;
  auto mapped = dialect.finish_reasons.find(finish);
  a.finish_reason = mapped != dialect.finish_reasons.end() ? mapped->second : finish;
  a.prompt_tokens = r.prompt_tokens.value_or(dialect.default_prompt_tokens);
  a.completion_tokens = r.completion_tokens.value_or(dialect.default_completion_tokens);
  return a;
}

std::vector<std::string> stream_pieces(const std::string& text) {
  std::vector<std::string> pieces;
  std::string piece;
  for (char c : text) {
    if (c == ' ' && !piece.empty() && piece.find_first_not_of(' ') != std::string::npos) {
      pieces.push_back(piece);
      piece.clear();
    }
    piece += c;
  }
  if (!piece.empty() || pieces.empty()) pieces.push_back(piece);
  return pieces;
}

}  // namespace ac::sim
