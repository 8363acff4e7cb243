#pragma once
#include <string>

#include <rapidjson/document.h>

namespace ac::sim {

// Compact serialisation of a RapidJSON value (the simulator writes every body through this).
std::string to_json(const rapidjson::Value& value);

// A JSON string literal, quotes included.
std::string json_quote(const std::string& text);

// "object", "array", "string", "integer", "number", "boolean" or "null": used in messages.
const char* json_kind(const rapidjson::Value& value);

}  // namespace ac::sim
