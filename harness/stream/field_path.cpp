#include "stream/field_path.hpp"

namespace ac {

FieldPath FieldPath::parse(const std::string& dotted) {
  FieldPath p;
  p.text = dotted;
  std::size_t start = 0;
  while (start <= dotted.size() && !dotted.empty()) {
    std::size_t dot = dotted.find('.', start);
    if (dot == std::string::npos) dot = dotted.size();
    p.keys.push_back(dotted.substr(start, dot - start));
    start = dot + 1;
  }
  return p;
}

std::string FieldPath::pointer() const {
  std::string out;
  for (const auto& k : keys) {
    out += '/';
    for (char c : k) {
      if (c == '~') out += "~0";
      else if (c == '/') out += "~1";
      else out += c;
    }
  }
  return out;
}

const rapidjson::Value* resolve(const FieldPath& path, const rapidjson::Value& root) {
  const rapidjson::Value* v = &root;
  for (const auto& k : path.keys) {
    if (!v->IsObject()) return nullptr;
    auto it = v->FindMember(rapidjson::StringRef(k.data(), k.size()));
    if (it == v->MemberEnd()) return nullptr;
    v = &it->value;
  }
  return v;
}

rapidjson::Value* resolve(const FieldPath& path, rapidjson::Value& root) {
  return const_cast<rapidjson::Value*>(resolve(path, static_cast<const rapidjson::Value&>(root)));
}

rapidjson::Value& make_path(const FieldPath& path, rapidjson::Value& root, rapidjson::Document::AllocatorType& a) {
  rapidjson::Value* v = &root;
  for (const auto& k : path.keys) {
    if (!v->IsObject()) v->SetObject();
    auto it = v->FindMember(rapidjson::StringRef(k.data(), k.size()));
    if (it == v->MemberEnd()) {
      v->AddMember(rapidjson::Value(k.c_str(), static_cast<rapidjson::SizeType>(k.size()), a), rapidjson::Value(),
                   a);
      v = &(v->MemberEnd() - 1)->value;
    } else {
      v = &it->value;
    }
  }
  return *v;
}

}  // namespace ac
