#include "schema/pointer.hpp"

#include <cstdlib>

namespace ac {

void append_pointer_token(std::string& pointer, std::string_view token) {
  pointer += '/';
  for (char c : token) {
    if (c == '~') {
      pointer += "~0";
    } else if (c == '/') {
      pointer += "~1";
    } else {
      pointer += c;
    }
  }
}

void append_pointer_index(std::string& pointer, std::size_t index) {
  pointer += '/';
  pointer += std::to_string(index);
}

bool split_pointer(std::string_view pointer, std::vector<std::string>& tokens) {
  tokens.clear();
  if (pointer.empty()) return true;
  if (pointer[0] != '/') return false;
  std::string current;
  for (std::size_t i = 1; i <= pointer.size(); ++i) {
    if (i == pointer.size() || pointer[i] == '/') {
      tokens.push_back(current);
      current.clear();
    } else if (pointer[i] == '~') {
      if (i + 1 >= pointer.size() || (pointer[i + 1] != '0' && pointer[i + 1] != '1')) return false;
      current += pointer[i + 1] == '0' ? '~' : '/';
      ++i;
    } else {
      current += pointer[i];
    }
  }
  return true;
}

namespace {
bool parse_index(const std::string& token, rapidjson::SizeType& index) {
  if (token.empty() || token.size() > 9) return false;
  if (token.size() > 1 && token[0] == '0') return false;  // RFC 6901: no leading zeros
  for (char c : token) {
    if (c < '0' || c > '9') return false;
  }
  index = static_cast<rapidjson::SizeType>(std::strtoul(token.c_str(), nullptr, 10));
  return true;
}
}  // namespace

const rapidjson::Value* resolve_pointer(const rapidjson::Value& root, std::string_view pointer) {
  std::vector<std::string> tokens;
  if (!split_pointer(pointer, tokens)) return nullptr;
  const rapidjson::Value* node = &root;
  for (const std::string& token : tokens) {
    if (node->IsObject()) {
      auto it = node->FindMember(rapidjson::Value(rapidjson::StringRef(token.data(), token.size())));
      if (it == node->MemberEnd()) return nullptr;
      node = &it->value;
    } else if (node->IsArray()) {
      rapidjson::SizeType index = 0;
      if (!parse_index(token, index) || index >= node->Size()) return nullptr;
      node = &(*node)[index];
    } else {
      return nullptr;
    }
  }
  return node;
}

namespace {
int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}
}  // namespace

bool percent_decode(std::string_view in, std::string& out) {
  out.clear();
  for (std::size_t i = 0; i < in.size(); ++i) {
    if (in[i] != '%') {
      out += in[i];
      continue;
    }
    if (i + 2 >= in.size()) return false;
    int hi = hex_digit(in[i + 1]);
    int lo = hex_digit(in[i + 2]);
    if (hi < 0 || lo < 0) return false;
    out += static_cast<char>(hi * 16 + lo);
    i += 2;
  }
  return true;
}

bool join_relative(const std::string& from_file, std::string_view relative, std::string& out) {
  std::vector<std::string> parts;
  auto push_segments = [&parts](std::string_view path) {
    std::size_t start = 0;
    while (start <= path.size()) {
      std::size_t end = path.find('/', start);
      if (end == std::string_view::npos) end = path.size();
      std::string_view seg = path.substr(start, end - start);
      if (seg == "..") {
        if (parts.empty()) return false;
        parts.pop_back();
      } else if (!seg.empty() && seg != ".") {
        parts.emplace_back(seg);
      }
      start = end + 1;
    }
    return true;
  };
  std::size_t slash = from_file.rfind('/');
  if (!relative.empty() && relative[0] == '/') return false;  // absolute paths are not "under root"
  if (slash != std::string::npos && !push_segments(std::string_view(from_file).substr(0, slash))) return false;
  if (!push_segments(relative)) return false;
  out.clear();
  for (const std::string& p : parts) {
    if (!out.empty()) out += '/';
    out += p;
  }
  return !out.empty();
}

}  // namespace ac
