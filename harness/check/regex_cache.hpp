#pragma once
#include <regex>
#include <string>

namespace ac {

// The compiled form of `pattern`, built once per thread and reused: a case's `matches` runs on
// every reply and every repeat, and compiling a std::regex costs more than matching it.
// Throws std::regex_error for an invalid pattern, exactly as constructing one would.
const std::regex& cached_regex(const std::string& pattern, std::regex::flag_type flags);

}  // namespace ac
