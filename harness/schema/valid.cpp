#include "schema/walk.hpp"

namespace ac {

namespace {

// The validity visitor: any failure ends the walk, and nothing is built on the way (no pointer,
// no text), so "valid or not" costs only the keyword checks themselves.
struct ValidityVisitor {
  bool fail(const SchemaFailure&) { return false; }
  bool descend(const SchemaNode& n, const rapidjson::Value& v) { return walk_schema(n, v, *this); }
  bool descend(const SchemaNode& n, const rapidjson::Value& v, rapidjson::SizeType) { return walk_schema(n, v, *this); }
  bool descend(const SchemaNode& n, const rapidjson::Value& v, const rapidjson::Value&) { return walk_schema(n, v, *this); }
  bool no_branch(const char*, const SchemaNode&, const std::vector<const SchemaNode*>&, const rapidjson::Value&, std::size_t) {
    return false;
  }
};

}  // namespace

bool schema_valid(const SchemaNode& node, const rapidjson::Value& value) {
  ValidityVisitor visitor;
  return walk_schema(node, value, visitor);
}

}  // namespace ac
