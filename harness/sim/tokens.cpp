#include "sim/tokens.hpp"

#include <cctype>

namespace ac::sim {

std::vector<std::pair<std::size_t, std::size_t>> word_spans(const std::string& text) {
  std::vector<std::pair<std::size_t, std::size_t>> spans;
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i]))) ++i;
    std::size_t begin = i;
    while (i < text.size() && !std::isspace(static_cast<unsigned char>(text[i]))) ++i;
    if (i > begin) spans.emplace_back(begin, i);
  }
  return spans;
}

long count_words(const std::string& text) { return static_cast<long>(word_spans(text).size()); }

long count_json_tokens(const std::string& json) {
  long tokens = static_cast<long>(json.size() / 4);
  return tokens > 0 ? tokens : 1;
}

namespace {

long block_tokens(const InputBlock& block) {
  if (block.type == "text" || block.type == "thinking") return count_words(block.text);
  if (block.type == "image" || block.type == "document") return 85;
  if (block.type == "tool_use") return count_words(block.name) + count_json_tokens(block.text);
  if (block.type == "tool_result") return count_words(block.text) + 1;
  return 1;
}

}  // namespace

long count_input_tokens(const MessageRequest& request) {
  long total = 1 + count_words(request.system);
  for (const auto& message : request.messages) {
    total += 3;
    for (const auto& block : message.blocks) total += block_tokens(block);
  }
  for (const auto& tool : request.tools) {
    total += 10 + count_words(tool.name) + count_words(tool.description);
    if (!tool.input_schema_json.empty()) total += count_json_tokens(tool.input_schema_json);
  }
  return total;
}

}  // namespace ac::sim
