#pragma once
#include "schema/registry.hpp"

namespace ac::test {

// A registry that knows no schema, for checks that never consult one.
class NoSchemas : public SchemaRegistry {
 public:
  bool has(const std::string&) const override { return false; }
  std::vector<SchemaError> validate(const std::string&, const rapidjson::Value&) const override { return {}; }
};

}  // namespace ac::test
