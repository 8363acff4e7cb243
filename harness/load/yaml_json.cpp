// YAML -> JSON with the types a person means: YAML 1.2 core schema for plain scalars.
#include <cstdio>
#include <set>

#include "load/located_yaml.hpp"
#include "util/json_render.hpp"

namespace ac {

namespace {

bool all_of(const std::string& s, std::size_t from, bool (*pred)(char)) {
  if (from >= s.size()) return false;
  for (std::size_t i = from; i < s.size(); ++i)
    if (!pred(s[i])) return false;
  return true;
}
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_octal(char c) { return c >= '0' && c <= '7'; }
bool is_hex(char c) { return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }

// JSON forbids leading zeros and a leading '+'; YAML allows both.
std::string strip_zeros(const std::string& digits) {
  std::size_t i = 0;
  while (i + 1 < digits.size() && digits[i] == '0') ++i;
  return digits.substr(i);
}

bool radix_to_json(const std::string& digits, int base, std::string& out) {
  if (digits.size() > 16) return false;  // beyond 64 bits it cannot be a JSON integer we trust
  unsigned long long v = std::stoull(digits, nullptr, base);
  out = std::to_string(v);
  return true;
}

}  // namespace

bool yaml_int_to_json(const std::string& s, std::string& out) {
  if (s.size() > 2 && s[0] == '0' && s[1] == 'o' && all_of(s, 2, is_octal)) return radix_to_json(s.substr(2), 8, out);
  if (s.size() > 2 && s[0] == '0' && s[1] == 'x' && all_of(s, 2, is_hex)) return radix_to_json(s.substr(2), 16, out);
  std::size_t start = (!s.empty() && (s[0] == '-' || s[0] == '+')) ? 1 : 0;
  if (!all_of(s, start, is_digit)) return false;
  out = (s[0] == '-' ? "-" : "") + strip_zeros(s.substr(start));
  return true;
}

bool yaml_number_to_json(const std::string& s, std::string& out) {
  if (yaml_int_to_json(s, out)) return true;
  // [-+]? ( \.[0-9]+ | [0-9]+ ( \.[0-9]* )? ) ( [eE] [-+]? [0-9]+ )?
  std::size_t i = 0;
  std::string sign;
  if (i < s.size() && (s[i] == '-' || s[i] == '+')) sign = s[i++] == '-' ? "-" : "";
  std::string whole, fraction, exponent;
  while (i < s.size() && is_digit(s[i])) whole += s[i++];
  bool dot = i < s.size() && s[i] == '.';
  if (dot) {
    ++i;
    while (i < s.size() && is_digit(s[i])) fraction += s[i++];
  }
  if (whole.empty() && fraction.empty()) return false;
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    exponent += s[i++];
    if (i < s.size() && (s[i] == '-' || s[i] == '+')) exponent += s[i++];
    std::size_t digits = 0;
    while (i < s.size() && is_digit(s[i])) exponent += s[i++], ++digits;
    if (digits == 0) return false;
  }
  if (i != s.size()) return false;
  out = sign + (whole.empty() ? "0" : strip_zeros(whole));
  if (dot) out += "." + (fraction.empty() ? std::string("0") : fraction);
  out += exponent;
  return true;
}

bool yaml_bool(const std::string& s, bool& out) {
  if (s == "true" || s == "True" || s == "TRUE") return out = true, true;
  if (s == "false" || s == "False" || s == "FALSE") return out = false, true;
  return false;
}

namespace {

constexpr int kMaxJsonDepth = 200;
// Aliases can make a small file expand without bound.
constexpr std::size_t kMaxValues = 1000000;
constexpr std::size_t kMaxBytes = 64u << 20;

struct Converter {
  std::string& out;
  std::string& error;
  YAML::Mark& error_at;
  std::size_t values = 0;

  bool fail(const YAML::Node& at, std::string message) {
    error = std::move(message);
    error_at = at.Mark();
    return false;
  }

  bool scalar(const YAML::Node& n) {
    const std::string& tag = n.Tag();
    const std::string& s = n.Scalar();
    std::string number;
    bool b = false;
    const bool typed = tag == "?" || tag == "tag:yaml.org,2002:int" || tag == "tag:yaml.org,2002:float" ||
                       tag == "tag:yaml.org,2002:bool" || tag == "tag:yaml.org,2002:null";
    if (typed && (s == "~" || s == "null" || s == "Null" || s == "NULL" || (s.empty() && tag != "!")))
      out += "null";
    else if (typed && yaml_bool(s, b))
      out += b ? "true" : "false";
    else if (typed && yaml_number_to_json(s, number))
      out += number;
    else
      out += json_quote(s);
    return true;
  }

  bool value(const YAML::Node& n, int depth) {
    if (depth > kMaxJsonDepth) return fail(n, "nested more than " + std::to_string(kMaxJsonDepth) + " levels deep");
    if (++values > kMaxValues || out.size() > kMaxBytes) return fail(n, "too large once its aliases are expanded");
    switch (n.Type()) {
      case YAML::NodeType::Null: out += "null"; return true;
      case YAML::NodeType::Scalar: return scalar(n);
      case YAML::NodeType::Sequence: {
        out += '[';
        bool first = true;
        for (const auto& item : n) {
          if (!first) out += ',';
          first = false;
          if (!value(item, depth + 1)) return false;
        }
        out += ']';
        return true;
      }
      case YAML::NodeType::Map: return map(n, depth);
      default: out += "null"; return true;
    }
  }

  bool map(const YAML::Node& n, int depth) {
    out += '{';
    std::set<std::string> seen;
    for (const auto& kv : n) {
      if (!kv.first.IsScalar()) return fail(kv.first, "a JSON object key must be a plain string");
      const std::string& key = kv.first.Scalar();
      if (!seen.insert(key).second) return fail(kv.first, "key `" + key + "` is given twice");
      if (seen.size() > 1) out += ',';
      out += json_quote(key) + ':';
      if (!value(kv.second, depth + 1)) return false;
    }
    out += '}';
    return true;
  }
};

}  // namespace

bool yaml_to_json(const YAML::Node& node, std::string& out, std::string& error, YAML::Mark& error_at) {
  out.clear();
  Converter c{out, error, error_at};
  if (c.value(node, 0)) return true;
  out.clear();
  return false;
}

bool yaml_to_json(const YAML::Node& node, YamlFile& f, std::string& out) {
  std::string error;
  YAML::Mark at;
  if (yaml_to_json(node, out, error, at)) return true;
  f.error(f.at(at), "cannot convert to JSON: " + error);
  return false;
}

}  // namespace ac
