#pragma once
#include <cstddef>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

namespace ac {

// Appends `item` to the list being built in `list`, with `separator` before it unless the list is
// still empty: for lists whose items are decided one at a time ("3 retried; 1 flaky").
void append_joined(std::string& list, std::string_view separator, std::string_view item);

// The items with `separator` between them.
std::string join(const std::vector<std::string>& items, std::string_view separator);

// The first `max_items` items with `separator` between them; the caller says what was left out.
std::string join_first(const std::vector<std::string>& items, std::size_t max_items, std::string_view separator);

// The first `max_items` items of `items`, each turned into text by `to_text`, with `separator`
// between them (a message names a few examples, not all of them).
template <class Range, class ToText>
std::string join(const Range& items, std::string_view separator, ToText to_text,
                 std::size_t max_items = std::numeric_limits<std::size_t>::max()) {
  std::string out;
  std::size_t n = 0;
  for (const auto& item : items) {
    if (n == max_items) break;
    if (n++) out += separator;
    out += to_text(item);
  }
  return out;
}

}  // namespace ac
