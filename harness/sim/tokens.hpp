#pragma once
#include <string>
#include <utility>
#include <vector>

#include "sim/message_request.hpp"

namespace ac::sim {

// The simulator's deterministic token rule: a token is a maximal run of non-whitespace
// characters ("word"). JSON (tool inputs, schemas) counts one token per 4 bytes, at least 1.

// [begin, end) byte offsets of each word.
std::vector<std::pair<std::size_t, std::size_t>> word_spans(const std::string& text);
long count_words(const std::string& text);
long count_json_tokens(const std::string& json);

// input_tokens of a request (identical for /v1/messages and /v1/messages/count_tokens):
//   1 + words(system) + per message (3 + per block: text/thinking words, 85 per image or
//   document, tool_use words(name)+json tokens, tool_result words+1) + per tool
//   (10 + words(name) + words(description) + json tokens of input_schema).
long count_input_tokens(const MessageRequest& request);

}  // namespace ac::sim
