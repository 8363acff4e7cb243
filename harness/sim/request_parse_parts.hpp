#pragma once
// Pieces of request validation shared by the request_parse*.cpp files (not a public header).
#include <optional>
#include <string>

#include <rapidjson/document.h>

#include "sim/api_error.hpp"
#include "sim/api_surface.hpp"
#include "sim/message_request.hpp"

namespace ac::sim::parse {

using Error = std::optional<ApiError>;

inline ApiError field_required(const std::string& path) {
  return invalid_request(path + ": Field required");
}
inline ApiError extra_input(const std::string& path) {
  return invalid_request(path + ": Extra inputs are not permitted");
}
inline ApiError wrong_type(const std::string& path, const char* what) {
  return invalid_request(path + ": Input should be a valid " + what);
}

// Fails with "<path>.<key>: Extra inputs are not permitted" for a member not in `allowed`.
Error only_members(const rapidjson::Value& object, const std::string& path,
                   std::initializer_list<const char*> allowed);

// A `cache_control` member counts towards the API's limit of 4 breakpoints.
int cache_breakpoints(const rapidjson::Value& object);

Error parse_system(const rapidjson::Value& system, MessageRequest& out);
// `rules`: whether role and content may be left out (a dialect's relaxation).
Error parse_messages(const rapidjson::Value& messages, const RequestRules& rules,
                     MessageRequest& out);
Error parse_tools(const rapidjson::Value& tools, MessageRequest& out);
Error parse_tool_choice(const rapidjson::Value& choice, MessageRequest& out);
// The OpenAI forms: "none" | "auto" | "required" | {"type":"function","function":{"name"}}.
Error parse_openai_tool_choice(const rapidjson::Value& choice, MessageRequest& out);

// Image blocks (also inside tool_result content) whose source type `rules` does not accept.
Error check_image_sources(const rapidjson::Value& messages, const RequestRules& rules);
Error parse_thinking(const rapidjson::Value& thinking, MessageRequest& out);

}  // namespace ac::sim::parse
