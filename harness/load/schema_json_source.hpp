#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <rapidjson/document.h>

#include "model/diagnostic.hpp"

namespace ac {

// A JSON file parsed into a DOM that remembers where each value starts, so that a problem found
// after parsing (a $ref to nowhere, a bad regex, a schema Valijson rejects) is still reported as
// file:line:col like any other input error.
class LocatedJson {
 public:
  // Parses `text`; on invalid JSON returns false and sets `diag` to the error at its line:col.
  bool parse(const std::string& display_path, const std::string& text, Diagnostic& diag);

  const rapidjson::Document& doc() const { return doc_; }
  rapidjson::Document& doc() { return doc_; }
  const std::string& file() const { return file_; }

  // Where the value at `pointer` starts; falls back to the nearest enclosing value.
  SourceLocation where(std::string_view pointer) const;
  SourceLocation at_offset(std::size_t offset) const;

 private:
  std::string file_;
  rapidjson::Document doc_;
  std::vector<std::size_t> line_starts_;
  std::unordered_map<std::string, std::size_t> offsets_;  // JSON pointer -> byte offset
};

}  // namespace ac
