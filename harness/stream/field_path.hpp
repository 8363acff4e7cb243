#pragma once
#include <string>
#include <vector>

#include <rapidjson/document.h>

namespace ac {

// A dotted path to a member inside JSON data, as grammars write it: "delta.type". Only object
// members are addressed (stream grammars never need array positions); empty = the value itself.
struct FieldPath {
  std::vector<std::string> keys;
  std::string text;

  static FieldPath parse(const std::string& dotted);
  bool empty() const { return keys.empty(); }
  // "/delta/type": the JSON pointer form, for findings.
  std::string pointer() const;
};

// The value at `path`, or nullptr when a member is missing or a parent is not an object.
const rapidjson::Value* resolve(const FieldPath& path, const rapidjson::Value& root);
rapidjson::Value* resolve(const FieldPath& path, rapidjson::Value& root);

// The value at `path`, creating objects on the way (a non-object parent is replaced).
rapidjson::Value& make_path(const FieldPath& path, rapidjson::Value& root, rapidjson::Document::AllocatorType& a);

}  // namespace ac
