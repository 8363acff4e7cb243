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

// One schema compiled for the fast path: the keywords as plain fields, $refs already followed,
// regexes already built, `enum`/`const` pointing into the bundle. Read-only once built.
struct FastSchema {
  bool always_false = false;  // the schema `false`
  bool has_format = false;    // uses `format`, which only Valijson checks
  std::uint8_t types = 0;     // bit set of kType*; 0 = no `type` keyword
  const rapidjson::Value* enum_values = nullptr;
  const rapidjson::Value* const_value = nullptr;
  std::optional<double> minimum, maximum, exclusive_minimum, exclusive_maximum, multiple_of;
  std::optional<std::uint64_t> min_length, max_length, min_items, max_items, min_properties, max_properties;
  const std::regex* pattern = nullptr;
  const FastSchema* items = nullptr;              // `items` as one schema
  std::vector<const FastSchema*> tuple_items;     // `items` as an array
  bool items_is_tuple = false;
  const FastSchema* additional_items = nullptr;
  bool unique_items = false;
  const FastSchema* contains = nullptr;
  struct Property {
    const rapidjson::Value* name;
    const FastSchema* schema;
  };
  std::vector<Property> properties;
  std::vector<std::pair<const std::regex*, const FastSchema*>> pattern_properties;
  const FastSchema* additional_properties = nullptr;
  std::vector<const rapidjson::Value*> required;
  std::vector<std::pair<const rapidjson::Value*, std::vector<const rapidjson::Value*>>> property_dependencies;
  std::vector<std::pair<const rapidjson::Value*, const FastSchema*>> schema_dependencies;
  const FastSchema* property_names = nullptr;
  std::vector<const FastSchema*> all_of, any_of, one_of;
  const FastSchema* not_schema = nullptr;
  const FastSchema* if_schema = nullptr;
  const FastSchema* then_schema = nullptr;
  const FastSchema* else_schema = nullptr;
};

// The fast path of validation: the same draft-7 semantics as Valijson (the reference, checked
// against it by tests), without its per-call costs (a context vector of strings copied at every
// property and item, a std::function per constraint). Answers only valid / invalid and never
// allocates, except inside std::regex for `pattern`. Schemas using `format` are left to Valijson.
class FastSchemaSet {
 public:
  explicit FastSchemaSet(const SchemaBundle& bundle) : bundle_(bundle) {}

  // The compiled schema at (file, pointer), or nullptr when Valijson must judge it (it uses
  // `format` somewhere). Each schema node is compiled once and shared. Not thread-safe: call at
  // load, or under a lock.
  const FastSchema* compile(std::size_t file, const std::string& pointer);

  // Thread-safe: reads only.
  static bool valid(const FastSchema& schema, const rapidjson::Value& value);

 private:
  const FastSchema* node(const rapidjson::Value& schema, int depth);
  bool uses_format(const FastSchema* root) const;

  const SchemaBundle& bundle_;
  std::deque<FastSchema> nodes_;  // deque: addresses stay valid as it grows
  std::unordered_map<const rapidjson::Value*, const FastSchema*> compiled_;
  FastSchema anything_;
};

}  // namespace ac
