#pragma once
#include <cstddef>
#include <cstdint>
#include <regex>
#include <string_view>

#include <rapidjson/document.h>

#include "schema/compiled.hpp"

// What each draft-7 keyword means, written once: the validity walk and the explaining walk
// (schema/walk.hpp) both decide through these functions, so they cannot disagree.
namespace ac {

enum SchemaType : std::uint8_t {
  kSchemaNull = 1,
  kSchemaBoolean = 2,
  kSchemaObject = 4,
  kSchemaArray = 8,
  kSchemaString = 16,
  kSchemaNumber = 32,
  kSchemaInteger = 64,
};

// The bit of a `type` name; 0 for a name draft 7 does not know.
std::uint8_t schema_type_bit(std::string_view name);

// `type`: an integer-valued number is both "integer" and "number". "integer" means a number
// written without fraction or exponent, as Valijson decides it (1.0 is a number only).
inline bool type_matches(std::uint8_t types, const rapidjson::Value& v) {
  std::uint8_t have = 0;
  switch (v.GetType()) {
    case rapidjson::kNullType: have = kSchemaNull; break;
    case rapidjson::kFalseType:
    case rapidjson::kTrueType: have = kSchemaBoolean; break;
    case rapidjson::kObjectType: have = kSchemaObject; break;
    case rapidjson::kArrayType: have = kSchemaArray; break;
    case rapidjson::kStringType: have = kSchemaString; break;
    case rapidjson::kNumberType: have = v.IsInt64() || v.IsUint64() ? kSchemaNumber | kSchemaInteger : kSchemaNumber; break;
  }
  return (types & have) != 0;
}

// `enum`, `const`, `uniqueItems`: instance equality (numbers by value, 1 == 1.0; objects
// regardless of member order), as RapidJSON's operator== decides it.
inline bool instances_equal(const rapidjson::Value& a, const rapidjson::Value& b) { return a == b; }
bool in_enum(const rapidjson::Value& choices, const rapidjson::Value& v);

// `multipleOf`, with a relative tolerance: 0.3 / 0.1 is 2.9999999999999996 in binary floating
// point, and a reader means "is a multiple".
bool is_multiple_of(double x, double divisor);

// `minLength`/`maxLength` count characters (code points), not bytes.
std::size_t string_length(const rapidjson::Value& s);

// `pattern` and `patternProperties`: an ECMAScript search (not a full match), as draft 7 says.
bool pattern_matches(const std::regex& re, const rapidjson::Value& s);

// `format` date, time, date-time: Valijson's rules (RFC 3339 shapes, day within its month).
bool format_matches(SchemaFormat format, const rapidjson::Value& s);
const char* format_name(SchemaFormat format);

// `properties`: the schema declared for a member name (the first, if written twice), or null.
const SchemaNode* declared_property(const SchemaNode& n, const rapidjson::Value& name);

// `required` and `dependencies`: whether an object has a member of that name.
inline bool has_member(const rapidjson::Value& object, const rapidjson::Value& name) { return object.HasMember(name); }

// `uniqueItems`: the first pair of equal items (i < j), or false.
bool first_duplicate(const rapidjson::Value& array, rapidjson::SizeType& i, rapidjson::SizeType& j);

}  // namespace ac
