#include "util/content_hash.hpp"

#include <cstdio>

namespace ac {

void ContentHash::add(std::string_view bytes) {
  std::uint64_t h = h_;
  for (unsigned char c : bytes) {
    h ^= c;
    h *= 0x100000001b3ULL;
  }
  h_ = h;
}

void ContentHash::add_file(std::string_view name, std::string_view bytes) {
  add(name);
  add(std::string_view("\0", 1));
  add(std::to_string(bytes.size()));
  add(std::string_view("\0", 1));
  add(bytes);
}

std::string ContentHash::hex() const {
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(h_));
  return hex;
}

}  // namespace ac
