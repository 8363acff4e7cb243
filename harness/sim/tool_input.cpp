#include "sim/tool_input.hpp"

#include <cmath>
#include <cstring>

#include <rapidjson/document.h>

#include "util/json_render.hpp"

namespace ac::sim {
namespace {

using Alloc = rapidjson::Document::AllocatorType;
constexpr int kMaxDepth = 12;

rapidjson::Value sample(const rapidjson::Value& schema, Alloc& alloc, int depth);

std::string first_type(const rapidjson::Value& schema) {
  auto type = schema.FindMember("type");
  if (type == schema.MemberEnd()) {
    if (schema.HasMember("properties")) return "object";
    if (schema.HasMember("items")) return "array";
    return "string";
  }
  if (type->value.IsString()) return type->value.GetString();
  if (type->value.IsArray()) {
    // Prefer a non-null type so the value says something.
    for (const auto& t : type->value.GetArray()) {
      if (t.IsString() && std::strcmp(t.GetString(), "null") != 0) return t.GetString();
    }
    return "null";
  }
  return "string";
}

double number_member(const rapidjson::Value& schema, const char* key, double fallback) {
  auto it = schema.FindMember(key);
  return it != schema.MemberEnd() && it->value.IsNumber() ? it->value.GetDouble() : fallback;
}

rapidjson::Value sample_string(const rapidjson::Value& schema, Alloc& alloc) {
  auto format = schema.FindMember("format");
  std::string text = "example";
  if (format != schema.MemberEnd() && format->value.IsString()) {
    std::string f = format->value.GetString();
    if (f == "date-time") text = "2025-01-01T00:00:00Z";
    else if (f == "date") text = "2025-01-01";
    else if (f == "time") text = "00:00:00Z";
    else if (f == "email") text = "user@example.com";
    else if (f == "uri" || f == "url") text = "https://example.com/";
    else if (f == "uuid") text = "00000000-0000-4000-8000-000000000000";
    else if (f == "ipv4") text = "192.0.2.1";
  }
  auto min_length = static_cast<std::size_t>(number_member(schema, "minLength", 0));
  auto max_length = static_cast<std::size_t>(number_member(schema, "maxLength", 1e9));
  while (text.size() < min_length) text += "x";
  if (text.size() > max_length) text.resize(max_length);
  return rapidjson::Value(text.c_str(), static_cast<rapidjson::SizeType>(text.size()), alloc);
}

rapidjson::Value sample_number(const rapidjson::Value& schema, bool integer) {
  double low = number_member(schema, "minimum", -1e300);
  double high = number_member(schema, "maximum", 1e300);
  auto exclusive_low = schema.FindMember("exclusiveMinimum");
  if (exclusive_low != schema.MemberEnd() && exclusive_low->value.IsNumber()) {
    low = exclusive_low->value.GetDouble() + (integer ? 1 : 0.5);
  }
  auto exclusive_high = schema.FindMember("exclusiveMaximum");
  if (exclusive_high != schema.MemberEnd() && exclusive_high->value.IsNumber()) {
    high = exclusive_high->value.GetDouble() - (integer ? 1 : 0.5);
  }
  double value = 1;
  if (value < low) value = integer ? std::ceil(low) : low;
  if (value > high) value = integer ? std::floor(high) : high;
  if (integer) return rapidjson::Value(static_cast<int64_t>(value));
  return rapidjson::Value(value);
}

rapidjson::Value sample_object(const rapidjson::Value& schema, Alloc& alloc, int depth) {
  rapidjson::Value object(rapidjson::kObjectType);
  auto required = schema.FindMember("required");
  auto properties = schema.FindMember("properties");
  if (required == schema.MemberEnd() || !required->value.IsArray()) return object;
  for (const auto& name : required->value.GetArray()) {
    if (!name.IsString()) continue;
    rapidjson::Value value;
    const rapidjson::Value* property = nullptr;
    if (properties != schema.MemberEnd() && properties->value.IsObject()) {
      auto it = properties->value.FindMember(name.GetString());
      if (it != properties->value.MemberEnd()) property = &it->value;
    }
    if (property && property->IsObject()) value = sample(*property, alloc, depth + 1);
    else value.SetString("example", alloc);
    object.AddMember(rapidjson::Value(name.GetString(), alloc), value, alloc);
  }
  return object;
}

rapidjson::Value sample_array(const rapidjson::Value& schema, Alloc& alloc, int depth) {
  rapidjson::Value array(rapidjson::kArrayType);
  auto items = schema.FindMember("items");
  auto count = static_cast<int>(number_member(schema, "minItems", 0));
  for (int i = 0; i < count && i < 100; ++i) {
    if (items != schema.MemberEnd() && items->value.IsObject()) {
      rapidjson::Value item = sample(items->value, alloc, depth + 1);
      // A number item repeated would break uniqueItems; offset it by position.
      if (item.IsInt64()) item.SetInt64(item.GetInt64() + i);
      else if (item.IsString()) {
        std::string text = std::string(item.GetString()) + (i ? std::to_string(i) : "");
        item.SetString(text.c_str(), alloc);
      }
      array.PushBack(item, alloc);
    } else {
      array.PushBack(rapidjson::Value(i), alloc);
    }
  }
  return array;
}

const rapidjson::Value* first_branch(const rapidjson::Value& schema) {
  for (const char* key : {"anyOf", "oneOf", "allOf"}) {
    auto it = schema.FindMember(key);
    if (it != schema.MemberEnd() && it->value.IsArray() && !it->value.Empty() &&
        it->value[0].IsObject()) {
      return &it->value[0];
    }
  }
  return nullptr;
}

rapidjson::Value sample(const rapidjson::Value& schema, Alloc& alloc, int depth) {
  if (depth > kMaxDepth) return rapidjson::Value();
  auto constant = schema.FindMember("const");
  if (constant != schema.MemberEnd()) return rapidjson::Value(constant->value, alloc);
  auto choices = schema.FindMember("enum");
  if (choices != schema.MemberEnd() && choices->value.IsArray() && !choices->value.Empty()) {
    return rapidjson::Value(choices->value[0], alloc);
  }
  if (!schema.HasMember("type")) {
    if (const auto* branch = first_branch(schema)) return sample(*branch, alloc, depth + 1);
  }
  const std::string type = first_type(schema);
  if (type == "object") return sample_object(schema, alloc, depth);
  if (type == "array") return sample_array(schema, alloc, depth);
  if (type == "integer") return sample_number(schema, true);
  if (type == "number") return sample_number(schema, false);
  if (type == "boolean") return rapidjson::Value(true);
  if (type == "null") return rapidjson::Value();
  return sample_string(schema, alloc);
}

}  // namespace

std::string tool_input_json(const std::string& input_schema_json) {
  rapidjson::Document schema;
  schema.Parse(input_schema_json.c_str(), input_schema_json.size());
  if (schema.HasParseError() || !schema.IsObject()) return "{}";
  rapidjson::Document out;
  rapidjson::Value value = sample_object(schema, out.GetAllocator(), 0);
  return to_json(value);
}

}  // namespace ac::sim
