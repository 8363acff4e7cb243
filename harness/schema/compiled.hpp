#pragma once
#include <cstdint>
#include <deque>
#include <optional>
#include <regex>
#include <string>
#include <unordered_map>
#include <vector>

#include <rapidjson/document.h>

#include "schema/bundle.hpp"

namespace ac {

// The `format`s checked, as Valijson checks them (draft 7 makes `format` optional); others pass.
enum class SchemaFormat : std::uint8_t { kNone, kDate, kTime, kDateTime };

// One schema node, compiled once from the bundle's JSON: the draft-7 keywords as plain fields,
// `$ref`s followed, regexes already built, `enum`/`const` pointing into the bundle. Each node
// knows where it is written (after `$ref`s: the target's place), so an error can name it. Both
// walks (schema/valid.hpp, schema/explain.hpp) read these nodes and nothing else. Read-only once
// built.
struct SchemaNode {
  std::size_t file = 0;                     // index into SchemaBundle::files
  std::string pointer;                      // JSON pointer of the node in that file
  const rapidjson::Value* title = nullptr;  // its `title`, when it is a string

  bool always_false = false;  // the schema `false`
  std::uint8_t types = 0;     // bit set of SchemaType; 0 = no `type` keyword
  const rapidjson::Value* type = nullptr;  // `type` as written, for messages
  const rapidjson::Value* enum_values = nullptr;
  const rapidjson::Value* const_value = nullptr;
  std::optional<double> minimum, maximum, exclusive_minimum, exclusive_maximum, multiple_of;
  std::optional<std::uint64_t> min_length, max_length, min_items, max_items, min_properties, max_properties;
  const std::regex* pattern = nullptr;
  const rapidjson::Value* pattern_text = nullptr;
  SchemaFormat format = SchemaFormat::kNone;
  const SchemaNode* items = nullptr;            // `items` as one schema
  std::vector<const SchemaNode*> tuple_items;   // `items` as an array
  bool items_is_tuple = false;
  const SchemaNode* additional_items = nullptr;
  bool unique_items = false;
  const SchemaNode* contains = nullptr;
  struct Property {
    const rapidjson::Value* name;
    const SchemaNode* schema;
  };
  std::vector<Property> properties;  // in the order written
  struct PatternProperty {
    const std::regex* regex;
    const rapidjson::Value* text;
    const SchemaNode* schema;
  };
  std::vector<PatternProperty> pattern_properties;
  const SchemaNode* additional_properties = nullptr;
  std::vector<const rapidjson::Value*> required;
  std::vector<std::pair<const rapidjson::Value*, std::vector<const rapidjson::Value*>>> property_dependencies;
  std::vector<std::pair<const rapidjson::Value*, const SchemaNode*>> schema_dependencies;
  const SchemaNode* property_names = nullptr;
  std::vector<const SchemaNode*> all_of, any_of, one_of;
  const SchemaNode* not_schema = nullptr;
  const SchemaNode* if_schema = nullptr;
  const SchemaNode* then_schema = nullptr;
  const SchemaNode* else_schema = nullptr;
};

// The compiled nodes of one bundle. Each JSON schema node is compiled once, on first need, and
// shared by every schema that reaches it (recursive schemas point back at themselves).
class CompiledSchemas {
 public:
  explicit CompiledSchemas(const SchemaBundle& bundle) : bundle_(bundle) {}

  // The compiled schema at (file, pointer), or nullptr when nothing is there. Not thread-safe:
  // call at load, or under a lock; what it returns is read-only and safe to share.
  const SchemaNode* compile(std::size_t file, const std::string& pointer);

  const SchemaBundle& bundle() const { return bundle_; }

 private:
  const SchemaNode* node(const rapidjson::Value& schema, std::size_t file, std::string pointer, int depth);

  const SchemaBundle& bundle_;
  std::deque<SchemaNode> nodes_;  // deque: addresses stay valid as it grows
  std::unordered_map<const rapidjson::Value*, const SchemaNode*> compiled_;
  SchemaNode anything_;  // where an unresolved `$ref` leads (it has been reported at load)
};

}  // namespace ac
