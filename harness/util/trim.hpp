#pragma once
#include <string_view>

namespace ac {

// `text` without the characters of `chars` at either end; by default HTTP's optional whitespace
// (spaces and tabs), around a header value or a list item.
std::string_view trim(std::string_view text, std::string_view chars = " \t");

}  // namespace ac
