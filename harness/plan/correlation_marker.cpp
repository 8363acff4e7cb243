#include "plan/correlation_marker.hpp"

#include <rapidjson/document.h>

#include "plan/request_builder.hpp"
#include "util/json_render.hpp"

namespace ac {
namespace {

using Alloc = rapidjson::Document::AllocatorType;

void append(rapidjson::Value& text, const std::string& marker, Alloc& alloc) {
  std::string joined(text.GetString(), text.GetStringLength());
  joined += " " + marker;
  text.SetString(joined.c_str(), static_cast<rapidjson::SizeType>(joined.size()), alloc);
}

rapidjson::Value* last_user_message(rapidjson::Document& doc) {
  if (!doc.IsObject()) return nullptr;
  auto messages = doc.FindMember("messages");
  if (messages == doc.MemberEnd() || !messages->value.IsArray()) return nullptr;
  auto& list = messages->value;
  for (rapidjson::SizeType i = list.Size(); i-- > 0;) {
    auto& m = list[i];
    if (!m.IsObject()) continue;
    auto role = m.FindMember("role");
    if (role != m.MemberEnd() && role->value.IsString() && std::string(role->value.GetString()) == "user") return &m;
  }
  return nullptr;
}

bool mark_message(rapidjson::Value& message, const std::string& marker, Alloc& alloc) {
  auto content = message.FindMember("content");
  if (content == message.MemberEnd()) return false;
  rapidjson::Value& c = content->value;
  if (c.IsString()) {
    append(c, marker, alloc);
    return true;
  }
  if (!c.IsArray()) return false;
  for (rapidjson::SizeType i = c.Size(); i-- > 0;) {
    auto& block = c[i];
    if (!block.IsObject()) continue;
    auto type = block.FindMember("type");
    auto text = block.FindMember("text");
    if (type != block.MemberEnd() && type->value.IsString() && std::string(type->value.GetString()) == "text" &&
        text != block.MemberEnd() && text->value.IsString()) {
      append(text->value, marker, alloc);
      return true;
    }
  }
  // Only tool results or images: a text block after them (the API allows text after tool_result).
  rapidjson::Value block(rapidjson::kObjectType);
  block.AddMember("type", "text", alloc);
  block.AddMember("text", rapidjson::Value(marker.c_str(), alloc), alloc);
  c.PushBack(block, alloc);
  return true;
}

}  // namespace

std::string correlation_marker(const std::string& case_id, long n) {
  return "[ac:" + case_id + ":" + std::to_string(n) + "]";
}

bool add_marker(std::string& body, const std::string& marker) {
  rapidjson::Document doc;
  doc.Parse(body.c_str(), body.size());
  if (doc.HasParseError()) return false;
  rapidjson::Value* message = last_user_message(doc);
  if (!message || !mark_message(*message, marker, doc.GetAllocator())) return false;
  const std::size_t padding = body.size() - (body.find_last_not_of(" \t\r\n") + 1);
  std::string marked = to_json(doc);
  if (padding > 0 && marked.size() < body.size()) marked.append(body.size() - marked.size(), ' ');
  body = std::move(marked);
  return true;
}

bool mark_request(PreparedRequest& request, const std::string& marker, std::size_t max_body_shown) {
  const std::string before = request.sent.body;
  if (!add_marker(request.body, marker)) return false;
  request.sent.body = request.body_prefix(max_body_shown);
  request.sent.body_size = request.body_size();
  // The curl line quotes the body it was built with: the same quoting of the marked one.
  const std::string old_part = " --data-binary " + single_quoted(before);
  const auto at = request.sent.curl.find(old_part);
  if (at != std::string::npos && request.sent.body_size <= max_body_shown)
    request.sent.curl.replace(at, old_part.size(), " --data-binary " + single_quoted(request.sent.body));
  return true;
}

}  // namespace ac
