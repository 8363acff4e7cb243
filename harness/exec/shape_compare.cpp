#include "exec/shape_compare.hpp"
#include "util/join.hpp"

#include <set>

namespace ac {

namespace {

std::string text_of(const rapidjson::Value* v) {
  if (!v) return "absent";
  if (v->IsString()) return std::string("\"") + v->GetString() + "\"";
  if (v->IsNull()) return "null";
  return "(non-string)";
}

const rapidjson::Value* member(const rapidjson::Value& object, const char* name) {
  if (!object.IsObject()) return nullptr;
  auto it = object.FindMember(name);
  return it == object.MemberEnd() ? nullptr : &it->value;
}

std::string member_names(const rapidjson::Value* object, const std::set<std::string>& names) {
  std::string out;
  for (const auto& n : names) {
    if (object && member(*object, n.c_str())) continue;
    append_joined(out, ", ", n);
  }
  return out;
}

std::set<std::string> names_of(const rapidjson::Value* object) {
  std::set<std::string> out;
  if (!object || !object->IsObject()) return out;
  for (auto it = object->MemberBegin(); it != object->MemberEnd(); ++it) out.insert(it->name.GetString());
  return out;
}

std::string block_types(const rapidjson::Value& message) {
  const rapidjson::Value* content = member(message, "content");
  if (!content || !content->IsArray()) return "(no content array)";
  std::string out = "[";
  for (const auto& block : content->GetArray()) {
    if (out.size() > 1) out += ",";
    out += block.IsObject() && member(block, "type") && member(block, "type")->IsString() ? member(block, "type")->GetString()
                                                                                           : "?";
  }
  return out + "]";
}

}  // namespace

void compare_message_shapes(const rapidjson::Value& folded, const rapidjson::Value& plain, const std::string& partner_id,
                            Findings& out) {
  auto add = [&](const std::string& pointer, std::string expected, std::string actual, const std::string& what) {
    out.push_back(Finding{"stream-vs-json", "/folded" + pointer, std::move(expected), std::move(actual),
                          what + " differs between the stream and the non-streamed reply (" + partner_id + ")",
                          Severity::Breaking});
  };
  for (const char* field : {"type", "role", "model", "stop_reason"}) {
    std::string a = text_of(member(folded, field)), b = text_of(member(plain, field));
    if (a != b) add(std::string("/") + field, b, a, field);
  }
  std::string a = block_types(folded), b = block_types(plain);
  if (a != b) add("/content", "block types " + b, "block types " + a, "the sequence of content blocks");
  // Members present on one side only, either way: a stream that lacks a member the plain reply
  // has, or a plain reply that lacks one the stream carries (e.g. stop_sequence).
  for (const char* object : {"", "usage"}) {
    const rapidjson::Value* fo = *object ? member(folded, object) : &folded;
    const rapidjson::Value* po = *object ? member(plain, object) : &plain;
    std::string where = *object ? std::string("/") + object : std::string("");
    std::string what = std::string("the set of members") + (*object ? std::string(" of ") + object : std::string(""));
    std::string not_streamed = member_names(fo, names_of(po));
    if (!not_streamed.empty()) add(where, "members " + not_streamed, "missing in the stream", what);
    std::string not_plain = member_names(po, names_of(fo));
    if (!not_plain.empty()) add(where, "members " + not_plain, "missing in the non-streamed reply", what);
  }
}

}  // namespace ac
