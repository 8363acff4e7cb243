#pragma once
#include <string>
#include <string_view>
#include <vector>

#include <rapidjson/document.h>

// JSON pointer (RFC 6901) and relative-path helpers shared by the schema registry's loader and
// its error explainer. Kept separate so both can be tested without loading any schema.
namespace ac {

// Appends "/token" to `pointer`, escaping "~" as "~0" and "/" as "~1".
void append_pointer_token(std::string& pointer, std::string_view token);
void append_pointer_index(std::string& pointer, std::size_t index);

// Splits "/a/b~1c" into {"a", "b/c"}; returns false when the text is not a pointer ("" is the
// whole document and gives no tokens; anything else must start with "/").
bool split_pointer(std::string_view pointer, std::vector<std::string>& tokens);

// The value `pointer` designates inside `root`, or nullptr. Array tokens must be decimal indices.
const rapidjson::Value* resolve_pointer(const rapidjson::Value& root, std::string_view pointer);

// Decodes %XX escapes of a URI fragment; returns false on a malformed escape.
bool percent_decode(std::string_view in, std::string& out);

// Joins `relative` (a path using "/", possibly with "." and "..") to the folder of `from_file`
// (a path under the schema root) and normalises it. Returns false when the result would leave
// the root. Example: ("anthropic/message.json", "../common.json") -> "common.json".
bool join_relative(const std::string& from_file, std::string_view relative, std::string& out);

}  // namespace ac
