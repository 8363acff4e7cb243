#pragma once
#include <optional>
#include <string>

#include <rapidjson/document.h>

#include "sim/api_error.hpp"

namespace ac::sim {

// Content rules that only apply under anthropic-version 2026-10-21 (reference §0 b and c): a
// `document` block directly in an assistant message, and a `text` block with non-empty
// `citations` in a user message (also inside a search_result), are rejected with 400.
std::optional<ApiError> check_version_content_rules(const rapidjson::Value& body, const std::string& version);

}  // namespace ac::sim
