#include "util/join.hpp"

namespace ac {

void append_joined(std::string& list, std::string_view separator, std::string_view item) {
  if (!list.empty()) list += separator;
  list += item;
}

std::string join(const std::vector<std::string>& items, std::string_view separator) {
  return join_first(items, items.size(), separator);
}

std::string join_first(const std::vector<std::string>& items, std::size_t max_items, std::string_view separator) {
  return join(
      items, separator, [](const std::string& item) -> const std::string& { return item; }, max_items);
}

}  // namespace ac
