#include "sim/upstream_script.hpp"

#include <rapidjson/document.h>

#include "util/json_render.hpp"

namespace ac::sim {
namespace {

std::optional<long> whole(const rapidjson::Value& object, const char* key) {
  auto it = object.FindMember(key);
  if (it == object.MemberEnd() || !it->value.IsNumber()) return std::nullopt;
  return static_cast<long>(it->value.GetDouble());
}

std::string string_of(const rapidjson::Value& object, const char* key) {
  auto it = object.FindMember(key);
  return it != object.MemberEnd() && it->value.IsString() ? it->value.GetString() : "";
}

void read_reply(const rapidjson::Value& v, UpstreamReplyScript& out) {
  if (auto it = v.FindMember("text"); it != v.MemberEnd() && it->value.IsString()) out.text = it->value.GetString();
  if (auto it = v.FindMember("tool_call"); it != v.MemberEnd() && it->value.IsObject()) {
    out.tool_name = string_of(it->value, "name");
    auto args = it->value.FindMember("arguments");
    if (args != it->value.MemberEnd())  // a string is sent as it is (even when not JSON: a fault to script)
      out.tool_arguments = args->value.IsString() ? args->value.GetString() : to_json(args->value);
  }
  out.finish_reason = string_of(v, "finish_reason");
  if (auto it = v.FindMember("usage"); it != v.MemberEnd() && it->value.IsObject()) {
    out.prompt_tokens = whole(it->value, "prompt_tokens");
    out.completion_tokens = whole(it->value, "completion_tokens");
  }
}

std::optional<std::string> read_fault(const rapidjson::Value& v, UpstreamFaultScript& out) {
  const std::string kind = string_of(v, "kind");
  if (kind == "status")
    out.kind = FaultKind::status;
  else if (kind == "unreachable")
    out.kind = FaultKind::unreachable;
  else if (kind == "stall")
    out.kind = FaultKind::stall;
  else if (kind == "cut")
    out.kind = FaultKind::cut;
  else if (kind == "malformed")
    out.kind = FaultKind::malformed;
  else
    return "fault.kind: unknown kind '" + kind + "'";
  if (auto n = whole(v, "status")) out.status = static_cast<int>(*n);
  out.error = string_of(v, "error");
  if (auto it = v.FindMember("retry_after"); it != v.MemberEnd() && it->value.IsNumber())
    out.retry_after = it->value.GetDouble();
  if (auto n = whole(v, "after_chunks")) out.after_chunks = *n;
  if (auto it = v.FindMember("stall_ms"); it != v.MemberEnd() && it->value.IsNumber())
    out.stall_ms = it->value.GetDouble();
  if (auto n = whole(v, "times")) out.times = *n;
  return std::nullopt;
}

}  // namespace

const char* to_string(FaultKind kind) {
  switch (kind) {
    case FaultKind::none: return "";
    case FaultKind::status: return "status";
    case FaultKind::unreachable: return "unreachable";
    case FaultKind::stall: return "stall";
    case FaultKind::cut: return "cut";
    case FaultKind::malformed: return "malformed";
  }
  return "";
}

std::optional<std::string> parse_upstream_script(const std::string& json, UpstreamScript& out) {
  if (json.empty()) return std::nullopt;
  rapidjson::Document doc;
  doc.Parse(json.c_str(), json.size());
  if (doc.HasParseError() || !doc.IsObject()) return std::string("the upstream script is not a JSON object");
  if (auto it = doc.FindMember("reply"); it != doc.MemberEnd() && it->value.IsObject()) {
    out.has_reply = true;
    read_reply(it->value, out.reply);
  }
  if (auto it = doc.FindMember("fault"); it != doc.MemberEnd() && it->value.IsObject())
    return read_fault(it->value, out.fault);
  return std::nullopt;
}

}  // namespace ac::sim
