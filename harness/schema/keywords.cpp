#include "schema/keywords.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <string>

namespace ac {

using rapidjson::Value;

std::uint8_t schema_type_bit(std::string_view name) {
  static const std::pair<std::string_view, std::uint8_t> kNames[] = {
      {"null", kSchemaNull},     {"boolean", kSchemaBoolean}, {"object", kSchemaObject},   {"array", kSchemaArray},
      {"string", kSchemaString}, {"number", kSchemaNumber},   {"integer", kSchemaInteger},
  };
  for (const auto& n : kNames) {
    if (n.first == name) return n.second;
  }
  return 0;
}

bool in_enum(const Value& choices, const Value& v) {
  for (const Value& e : choices.GetArray()) {
    if (instances_equal(e, v)) return true;
  }
  return false;
}

bool is_multiple_of(double x, double divisor) {
  if (divisor <= 0) return true;  // not a usable divisor: the keyword says nothing
  double q = x / divisor;
  return std::fabs(q - std::round(q)) <= 1e-9 * std::max(1.0, std::fabs(q));
}

std::size_t string_length(const Value& s) {
  std::size_t n = 0;
  const char* p = s.GetString();
  for (rapidjson::SizeType i = 0; i < s.GetStringLength(); ++i) n += (static_cast<unsigned char>(p[i]) & 0xC0) != 0x80;
  return n;
}

bool pattern_matches(const std::regex& re, const Value& s) {
  return std::regex_search(s.GetString(), s.GetString() + s.GetStringLength(), re);
}

namespace {

bool day_fits_month(int month, int day) {
  if (month == 2) return day <= 29;
  int limit = 31;
  if ((month <= 7 && month % 2 == 0) || (month > 7 && month % 2 != 0)) limit = 30;
  return day <= limit;
}

bool date_matches(const std::regex& re, const std::string& s) {
  std::smatch m;
  return std::regex_match(s, m, re) && day_fits_month(std::stoi(m[2].str()), std::stoi(m[3].str()));
}

}  // namespace

bool format_matches(SchemaFormat format, const Value& v) {
  // The expressions are Valijson's (validation_visitor.hpp), so the oracle and we agree.
  static const std::regex kDate("^([0-9]+)-(0[1-9]|1[012])-(0[1-9]|[12][0-9]|3[01])$");
  static const std::regex kTime(
      "^([01][0-9]|2[0-3]):([0-5][0-9]):([0-5][0-9]|60)(\\.[0-9]+)?(([Zz])|([\\+|\\-]([01][0-9]|2[0-3]):[0-5][0-9]))$");
  static const std::regex kDateTime(
      "^([0-9]+)-(0[1-9]|1[012])-(0[1-9]|[12][0-9]|3[01])[Tt]([01][0-9]|2[0-3]):([0-5][0-9]):([0-5][0-9]|60)(\\.[0-9]+)?(("
      "[Zz])|([\\+|\\-]([01][0-9]|2[0-3]):[0-5][0-9]))$");
  const std::string s(v.GetString(), v.GetStringLength());
  switch (format) {
    case SchemaFormat::kNone: return true;
    case SchemaFormat::kDate: return date_matches(kDate, s);
    case SchemaFormat::kTime: return std::regex_match(s, kTime);
    case SchemaFormat::kDateTime: return date_matches(kDateTime, s);
  }
  return true;
}

const char* format_name(SchemaFormat format) {
  switch (format) {
    case SchemaFormat::kDate: return "date";
    case SchemaFormat::kTime: return "time";
    case SchemaFormat::kDateTime: return "date-time";
    case SchemaFormat::kNone: break;
  }
  return "";
}

const SchemaNode* declared_property(const SchemaNode& n, const Value& name) {
  for (const SchemaNode::Property& p : n.properties) {
    if (p.name->GetStringLength() == name.GetStringLength() &&
        std::memcmp(p.name->GetString(), name.GetString(), name.GetStringLength()) == 0)
      return p.schema;
  }
  return nullptr;
}

bool first_duplicate(const Value& array, rapidjson::SizeType& i, rapidjson::SizeType& j) {
  const rapidjson::SizeType n = array.Size();
  for (i = 0; i < n; ++i) {
    for (j = i + 1; j < n; ++j) {
      if (instances_equal(array[i], array[j])) return true;
    }
  }
  return false;
}

}  // namespace ac
