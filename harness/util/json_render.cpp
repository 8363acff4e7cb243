#include "util/json_render.hpp"
#include "util/utf8.hpp"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

namespace ac {
namespace {

// A RapidJSON output stream that keeps the first `limit` bytes and notes that more came.
struct BoundedStream {
  typedef char Ch;
  std::string out;
  std::size_t limit;
  bool cut = false;
  void Put(char c) {
    if (out.size() < limit) {
      out += c;
    } else {
      cut = true;
    }
  }
  void Flush() {}
};

}  // namespace

std::string to_json(const rapidjson::Value& value) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
  value.Accept(writer);
  return std::string(buffer.GetString(), buffer.GetSize());
}

std::string json_excerpt(const rapidjson::Value& value, std::size_t max_bytes, std::string_view marker) {
  if (max_bytes == std::string::npos) return to_json(value);
  BoundedStream stream;
  // One byte past the limit tells cut_utf8 that something follows it.
  stream.limit = max_bytes + 1;
  rapidjson::Writer<BoundedStream> writer(stream);
  value.Accept(writer);
  return cut_utf8(stream.out, max_bytes, marker);
}

std::string json_quote(std::string_view text) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
  writer.String(text.data(), static_cast<rapidjson::SizeType>(text.size()));
  return std::string(buffer.GetString(), buffer.GetSize());
}

const char* json_type_name(const rapidjson::Value& value) {
  switch (value.GetType()) {
    case rapidjson::kNullType: return "null";
    case rapidjson::kFalseType:
    case rapidjson::kTrueType: return "boolean";
    case rapidjson::kObjectType: return "object";
    case rapidjson::kArrayType: return "array";
    case rapidjson::kStringType: return "string";
    case rapidjson::kNumberType: return value.IsInt64() || value.IsUint64() ? "integer" : "number";
  }
  return "unknown";
}

}  // namespace ac
