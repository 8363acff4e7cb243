#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <rapidjson/document.h>

#include "model/diagnostic.hpp"

namespace ac {

// A JSON file parsed into a DOM that can say where each value starts, so that a problem found
// after parsing (a $ref to nowhere, a bad regex, a schema Valijson rejects) is still reported as
// file:line:col like any other input error. Positions are found only when first asked for, by a
// second pass over the kept text: a run loads every schema, and almost never has a problem to
// place (recording every value's position up front was a fifth of the start-up).
class LocatedJson {
 public:
  // Parses `text` into `doc` (whose allocator the values then use); on invalid JSON returns false
  // and sets `diag` to the error at its line:col.
  bool parse(const std::string& display_path, std::string text, rapidjson::Document& doc, Diagnostic& diag);

  const std::string& file() const { return file_; }

  // Where the value at `pointer` starts; falls back to the nearest enclosing value. Not safe to
  // call from two threads at once (the first call fills the table of positions).
  SourceLocation where(std::string_view pointer) const;
  SourceLocation at_offset(std::size_t offset) const;

 private:
  void locate() const;

  std::string file_;
  std::string text_;
  std::size_t start_ = 0;  // 3 after a UTF-8 byte order mark
  mutable std::vector<std::size_t> line_starts_;                  // filled on first use
  mutable std::unordered_map<std::string, std::size_t> offsets_;  // JSON pointer -> byte offset, filled on first use
};

}  // namespace ac
