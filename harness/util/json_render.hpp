#pragma once
#include <cstddef>
#include <string>
#include <string_view>

#include <rapidjson/document.h>

namespace ac {

// Compact JSON text of `value`, the whole of it.
std::string to_json(const rapidjson::Value& value);

// Compact JSON text of `value`, at most `max_bytes` bytes cut on a character boundary, with
// `marker` ("…", "...") appended when something was cut: the one way a value is shown in a
// finding, an error or a report. Only the first `max_bytes` + 1 bytes are kept while rendering,
// so showing a part of a multi-megabyte body costs no copy of the whole.
std::string json_excerpt(const rapidjson::Value& value, std::size_t max_bytes, std::string_view marker);

// The JSON string literal of `text`, quotes included (RapidJSON's escaping).
std::string json_quote(std::string_view text);

// "null", "boolean", "integer", "number", "string", "array" or "object": JSON Schema's type names,
// with "integer" for a number written without fraction or exponent.
const char* json_type_name(const rapidjson::Value& value);

}  // namespace ac
