#pragma once
#include <optional>
#include <string>
#include <vector>

namespace ac {

struct Header {
  std::string name;
  std::string value;
};
using Headers = std::vector<Header>;

// Case-insensitive lookup, as HTTP header names are case-insensitive.
std::optional<std::string> find_header(const Headers& headers, const std::string& name);
bool iequals(const std::string& a, const std::string& b);

}  // namespace ac
