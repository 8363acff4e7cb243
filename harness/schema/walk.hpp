#pragma once
#include <cstddef>
#include <vector>

#include <rapidjson/document.h>

#include "schema/compiled.hpp"
#include "schema/keywords.hpp"

// The draft-7 walk over compiled nodes, written once. It decides which keywords fail (through
// schema/keywords.hpp) and hands each failure to a visitor, which says whether to go on:
//
// - the validity visitor (schema/valid.cpp) stops at the first failure and builds nothing;
// - the explaining visitor (schema/explain.cpp) records a located, worded error and goes on,
//   and for anyOf/oneOf works out which branch came closest.
//
// A Visitor provides:
//   bool fail(const SchemaFailure&);                        // false: stop the walk
//   bool descend(const SchemaNode&, const Value&);          // the same value (allOf, then/else, ...)
//   bool descend(const SchemaNode&, const Value&, rapidjson::SizeType index);   // an item
//   bool descend(const SchemaNode&, const Value&, const Value& name);           // a member
//   bool no_branch(const char* keyword, const SchemaNode&, const std::vector<const SchemaNode*>&,
//                  const Value&, std::size_t matched);     // anyOf matched 0, oneOf 0 or 2+
// and walk() returns false once a visitor said stop.
namespace ac {

// A keyword that failed, as the walk hands it to its visitor. Built only on failure.
struct SchemaFailure {
  const char* keyword;               // "type", "minimum", "required", "additionalProperties", ...
  const SchemaNode& node;            // whose keyword it is
  const rapidjson::Value& value;     // the value it judged
  const rapidjson::Value* name = nullptr;  // required/dependencies: the missing property;
                                           // additionalProperties: the unexpected member's name
  const rapidjson::Value* part = nullptr;  // additionalProperties: the member's value;
                                           // additionalItems: the first extra item;
                                           // dependencies: the property that needs `name`
  std::size_t a = 0, b = 0;          // lengths and counts (the value's), uniqueItems: the equal pair
};

// The validity walk (schema/valid.cpp): `value` satisfies `node`. Thread-safe: reads only; no
// allocation except inside std::regex.
bool schema_valid(const SchemaNode& node, const rapidjson::Value& value);

namespace schema_walk {

using rapidjson::SizeType;
using rapidjson::Value;

template <class V>
bool number(const SchemaNode& n, const Value& v, V& vis) {
  const double x = v.GetDouble();
  if (n.minimum && x < *n.minimum && !vis.fail({"minimum", n, v})) return false;
  if (n.maximum && x > *n.maximum && !vis.fail({"maximum", n, v})) return false;
  if (n.exclusive_minimum && x <= *n.exclusive_minimum && !vis.fail({"exclusiveMinimum", n, v})) return false;
  if (n.exclusive_maximum && x >= *n.exclusive_maximum && !vis.fail({"exclusiveMaximum", n, v})) return false;
  if (n.multiple_of && !is_multiple_of(x, *n.multiple_of) && !vis.fail({"multipleOf", n, v})) return false;
  return true;
}

template <class V>
bool string(const SchemaNode& n, const Value& v, V& vis) {
  if (n.min_length || n.max_length) {
    const std::size_t length = string_length(v);
    if (n.min_length && length < *n.min_length && !vis.fail({"minLength", n, v, nullptr, nullptr, length})) return false;
    if (n.max_length && length > *n.max_length && !vis.fail({"maxLength", n, v, nullptr, nullptr, length})) return false;
  }
  if (n.pattern && !pattern_matches(*n.pattern, v) && !vis.fail({"pattern", n, v})) return false;
  if (n.format != SchemaFormat::kNone && !format_matches(n.format, v) && !vis.fail({"format", n, v})) return false;
  return true;
}

template <class V>
bool array(const SchemaNode& n, const Value& v, V& vis) {
  const SizeType size = v.Size();
  if (n.min_items && size < *n.min_items && !vis.fail({"minItems", n, v, nullptr, nullptr, size})) return false;
  if (n.max_items && size > *n.max_items && !vis.fail({"maxItems", n, v, nullptr, nullptr, size})) return false;
  if (n.items_is_tuple) {
    const SizeType fixed = static_cast<SizeType>(n.tuple_items.size());
    for (SizeType i = 0; i < size && i < fixed; ++i) {
      if (!vis.descend(*n.tuple_items[i], v[i], i)) return false;
    }
    if (n.additional_items && size > fixed) {
      if (n.additional_items->always_false) {
        if (!vis.fail({"additionalItems", n, v, nullptr, &v[fixed], fixed, size})) return false;
      } else {
        for (SizeType i = fixed; i < size; ++i) {
          if (!vis.descend(*n.additional_items, v[i], i)) return false;
        }
      }
    }
  } else if (n.items) {
    for (SizeType i = 0; i < size; ++i) {
      if (!vis.descend(*n.items, v[i], i)) return false;
    }
  }
  SizeType first = 0, second = 0;
  if (n.unique_items && first_duplicate(v, first, second) && !vis.fail({"uniqueItems", n, v, nullptr, nullptr, first, second}))
    return false;
  if (n.contains) {
    bool any = false;
    for (SizeType i = 0; i < size && !any; ++i) any = schema_valid(*n.contains, v[i]);
    if (!any && !vis.fail({"contains", n, v})) return false;
  }
  return true;
}

template <class V>
bool object(const SchemaNode& n, const Value& v, V& vis) {
  const SizeType size = v.MemberCount();
  if (n.min_properties && size < *n.min_properties && !vis.fail({"minProperties", n, v, nullptr, nullptr, size})) return false;
  if (n.max_properties && size > *n.max_properties && !vis.fail({"maxProperties", n, v, nullptr, nullptr, size})) return false;
  for (const Value* name : n.required) {
    if (!has_member(v, *name) && !vis.fail({"required", n, v, name})) return false;
  }
  for (const auto& m : v.GetObject()) {
    bool declared = false;
    if (const SchemaNode* p = declared_property(n, m.name)) {
      declared = true;
      if (!vis.descend(*p, m.value, m.name)) return false;
    }
    for (const SchemaNode::PatternProperty& pp : n.pattern_properties) {
      if (!pattern_matches(*pp.regex, m.name)) continue;
      declared = true;
      if (!vis.descend(*pp.schema, m.value, m.name)) return false;
    }
    if (declared || !n.additional_properties) continue;
    if (n.additional_properties->always_false) {
      if (!vis.fail({"additionalProperties", n, v, &m.name, &m.value})) return false;
    } else if (!vis.descend(*n.additional_properties, m.value, m.name)) {
      return false;
    }
  }
  for (const auto& d : n.property_dependencies) {
    if (!has_member(v, *d.first)) continue;
    for (const Value* need : d.second) {
      if (!has_member(v, *need) && !vis.fail({"dependencies", n, v, need, d.first})) return false;
    }
  }
  for (const auto& d : n.schema_dependencies) {
    if (has_member(v, *d.first) && !vis.descend(*d.second, v)) return false;
  }
  if (n.property_names) {
    for (const auto& m : v.GetObject()) {
      if (!vis.descend(*n.property_names, m.name, m.name)) return false;
    }
  }
  return true;
}

// How many of `branches` the value satisfies, counting no further than `enough`.
inline std::size_t matching_branches(const std::vector<const SchemaNode*>& branches, const Value& v, std::size_t enough) {
  std::size_t matched = 0;
  for (const SchemaNode* s : branches) {
    if (schema_valid(*s, v) && ++matched >= enough) break;
  }
  return matched;
}

template <class V>
bool combinators(const SchemaNode& n, const Value& v, V& vis) {
  for (const SchemaNode* s : n.all_of) {
    if (!vis.descend(*s, v)) return false;
  }
  if (!n.any_of.empty()) {
    const std::size_t matched = matching_branches(n.any_of, v, 1);
    if (matched == 0 && !vis.no_branch("anyOf", n, n.any_of, v, matched)) return false;
  }
  if (!n.one_of.empty()) {
    const std::size_t matched = matching_branches(n.one_of, v, 2);
    if (matched != 1 && !vis.no_branch("oneOf", n, n.one_of, v, matched)) return false;
  }
  if (n.not_schema && schema_valid(*n.not_schema, v) && !vis.fail({"not", n, v})) return false;
  if (n.if_schema) {
    const SchemaNode* branch = schema_valid(*n.if_schema, v) ? n.then_schema : n.else_schema;
    if (branch && !vis.descend(*branch, v)) return false;
  }
  return true;
}

}  // namespace schema_walk

// Every keyword of `n` on `v`, in a fixed order: type, enum/const (only when the type is right,
// so a wrong type is one error, not three), the keywords of the value's own type, then the
// combinators.
template <class V>
bool walk_schema(const SchemaNode& n, const rapidjson::Value& v, V& vis) {
  if (n.always_false) return vis.fail({"false", n, v});
  if (n.types && !type_matches(n.types, v)) {
    if (!vis.fail({"type", n, v})) return false;
  } else {
    if (n.enum_values && !in_enum(*n.enum_values, v) && !vis.fail({"enum", n, v})) return false;
    if (n.const_value && !instances_equal(*n.const_value, v) && !vis.fail({"const", n, v})) return false;
  }
  switch (v.GetType()) {
    case rapidjson::kNumberType:
      if (!schema_walk::number(n, v, vis)) return false;
      break;
    case rapidjson::kStringType:
      if (!schema_walk::string(n, v, vis)) return false;
      break;
    case rapidjson::kArrayType:
      if (!schema_walk::array(n, v, vis)) return false;
      break;
    case rapidjson::kObjectType:
      if (!schema_walk::object(n, v, vis)) return false;
      break;
    default:
      break;
  }
  return schema_walk::combinators(n, v, vis);
}

}  // namespace ac
