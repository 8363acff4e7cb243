#include "traffic/request_summary.hpp"

#include <cstring>

namespace ac {

namespace {

// True when any object under `v` has member `key`, or a `type` equal to `type_value`.
bool holds(const rapidjson::Value& v, const char* key, const char* type_value) {
  if (v.IsObject()) {
    for (auto it = v.MemberBegin(); it != v.MemberEnd(); ++it) {
      if (std::strcmp(it->name.GetString(), key) == 0) return true;
      if (type_value && std::strcmp(it->name.GetString(), "type") == 0 && it->value.IsString() &&
          std::strcmp(it->value.GetString(), type_value) == 0)
        return true;
      if (holds(it->value, key, type_value)) return true;
    }
  } else if (v.IsArray()) {
    for (const auto& item : v.GetArray())
      if (holds(item, key, type_value)) return true;
  }
  return false;
}

std::string count(std::size_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

}  // namespace

RequestSummary summarise_request(const rapidjson::Value& body) {
  RequestSummary s;
  if (!body.IsObject()) return s;
  std::string text;
  auto add = [&](const std::string& part) { text += (text.empty() ? "" : " \xC2\xB7 ") + part; };
  auto model = body.FindMember("model");
  if (model != body.MemberEnd() && model->value.IsString()) s.model = model->value.GetString();
  auto stream = body.FindMember("stream");
  s.streamed = stream != body.MemberEnd() && stream->value.IsBool() && stream->value.GetBool();
  add(s.streamed ? "streamed" : "not streamed");
  auto messages = body.FindMember("messages");
  if (messages != body.MemberEnd() && messages->value.IsArray())
    add(count(messages->value.Size(), "message", "messages"));
  auto tools = body.FindMember("tools");
  if (tools != body.MemberEnd() && tools->value.IsArray() && !tools->value.Empty())
    add(count(tools->value.Size(), "tool", "tools"));
  if (body.HasMember("thinking")) add("thinking");
  if (messages != body.MemberEnd() && holds(messages->value, "\x01", "image")) add("images");
  if (holds(body, "cache_control", nullptr)) add("cache_control");
  s.text = text;
  return s;
}

}  // namespace ac
