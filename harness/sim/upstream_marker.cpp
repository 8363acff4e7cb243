#include "sim/upstream_marker.hpp"

#include <regex>

namespace ac::sim {
namespace {

const std::regex& marker_pattern() {
  static const std::regex pattern(R"(\s?\[ac:[a-z0-9._-]+:[0-9]+\])");
  return pattern;
}

template <typename Visit>
void each_string(rapidjson::Value& v, const Visit& visit, int depth = 0) {
  if (depth > 200) return;
  if (v.IsString()) {
    visit(v);
  } else if (v.IsArray()) {
    for (auto& item : v.GetArray()) each_string(item, visit, depth + 1);
  } else if (v.IsObject()) {
    for (auto& m : v.GetObject()) each_string(m.value, visit, depth + 1);
  }
}

}  // namespace

std::string find_marker(const rapidjson::Value& body) {
  std::string found;
  each_string(const_cast<rapidjson::Value&>(body), [&](rapidjson::Value& s) {
    const std::string text(s.GetString(), s.GetStringLength());
    if (text.find("[ac:") == std::string::npos) return;
    for (std::sregex_iterator it(text.begin(), text.end(), marker_pattern()), end; it != end; ++it) {
      std::string m = it->str();
      found = m[0] == '[' ? m : m.substr(1);
    }
  });
  return found;
}

void strip_markers(rapidjson::Value& body, rapidjson::Document::AllocatorType& alloc) {
  each_string(body, [&](rapidjson::Value& s) {
    const std::string text(s.GetString(), s.GetStringLength());
    if (text.find("[ac:") == std::string::npos) return;
    const std::string stripped = std::regex_replace(text, marker_pattern(), "");
    s.SetString(stripped.c_str(), static_cast<rapidjson::SizeType>(stripped.size()), alloc);
  });
}

}  // namespace ac::sim
