#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ac {

struct Header {
  std::string name;
  std::string value;
};
using Headers = std::vector<Header>;

// Case-insensitive lookup, as HTTP header names are case-insensitive.
std::optional<std::string> find_header(const Headers& headers, std::string_view name);
bool iequals(std::string_view a, std::string_view b);

}  // namespace ac
