#pragma once
// Pieces of request validation shared by the request_parse*.cpp files (not a public header).
#include <optional>
#include <string>

#include <rapidjson/document.h>

#include "sim/api_error.hpp"
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
Error parse_messages(const rapidjson::Value& messages, MessageRequest& out);
Error parse_tools(const rapidjson::Value& tools, MessageRequest& out);
Error parse_tool_choice(const rapidjson::Value& choice, MessageRequest& out);
Error parse_thinking(const rapidjson::Value& thinking, MessageRequest& out);

}  // namespace ac::sim::parse
