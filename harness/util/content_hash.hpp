#pragma once
#include <cstdint>
#include <string>
#include <string_view>

namespace ac {

// FNV-1a, 64 bits, over everything added: the suite's content hash (`--version`, results.json)
// and the digest of a schema folder that Valijson proved when the binary was built
// (docs/schemas.md). It tells contents apart; it is not made to resist a forgery.
class ContentHash {
 public:
  void add(std::string_view bytes);
  // A file as one framed unit: its name and length go in before its bytes, so moving bytes from
  // one file to the next changes the hash.
  void add_file(std::string_view name, std::string_view bytes);
  std::string hex() const;  // 16 lower-case hex digits

 private:
  std::uint64_t h_ = 0xcbf29ce484222325ULL;
};

}  // namespace ac
