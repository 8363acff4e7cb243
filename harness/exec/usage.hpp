#pragma once
#include <string>

#include <rapidjson/document.h>

namespace ac {

// Tokens a reply says it spent, from its `usage` (a message, non-streamed or folded from a stream).
struct TokenUsage {
  long long input = 0;   // input_tokens + cache_creation_input_tokens + cache_read_input_tokens
  long long output = 0;  // output_tokens
};

// From a message object; zero when it has no usage (an error, a models list, count_tokens).
TokenUsage usage_of(const rapidjson::Value& message);

// From a reply body's text; only bodies that mention "usage" are parsed.
TokenUsage usage_of_body(const std::string& body);

}  // namespace ac
