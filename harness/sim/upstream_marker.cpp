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

namespace {

// A text block that held nothing but the marker: the harness added it (a user turn of tool results
// only has no text to append to), and left empty it is a request the API refuses ("text content
// blocks must be non-empty"), so it goes with its marker.
bool only_a_marker(const rapidjson::Value& block) {
  if (!block.IsObject()) return false;
  auto type = block.FindMember("type");
  auto text = block.FindMember("text");
  if (type == block.MemberEnd() || text == block.MemberEnd() || !type->value.IsString() || !text->value.IsString())
    return false;
  if (std::string(type->value.GetString()) != "text") return false;
  const std::string t(text->value.GetString(), text->value.GetStringLength());
  return t.find("[ac:") != std::string::npos && std::regex_replace(t, marker_pattern(), "").empty();
}

void strip_string(rapidjson::Value& s, rapidjson::Document::AllocatorType& alloc) {
  const std::string text(s.GetString(), s.GetStringLength());
  if (text.find("[ac:") == std::string::npos) return;
  const std::string stripped = std::regex_replace(text, marker_pattern(), "");
  s.SetString(stripped.c_str(), static_cast<rapidjson::SizeType>(stripped.size()), alloc);
}

// One walk: markers cut out of every string, marker-only text blocks taken out of their arrays.
void strip(rapidjson::Value& v, rapidjson::Document::AllocatorType& alloc, int depth = 0) {
  if (depth > 200) return;
  if (v.IsString()) {
    strip_string(v, alloc);
  } else if (v.IsArray()) {
    for (auto it = v.Begin(); it != v.End();) {
      if (only_a_marker(*it)) {
        it = v.Erase(it);
      } else {
        strip(*it, alloc, depth + 1);
        ++it;
      }
    }
  } else if (v.IsObject()) {
    for (auto& m : v.GetObject()) strip(m.value, alloc, depth + 1);
  }
}

}  // namespace

void strip_markers(rapidjson::Value& body, rapidjson::Document::AllocatorType& alloc) { strip(body, alloc); }

}  // namespace ac::sim
