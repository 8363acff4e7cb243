#include <algorithm>
#include <map>

#include "check/check_input.hpp"
#include "check/json_text.hpp"

namespace ac {

namespace {

// Where the Messages API puts the tool declarations and the tool calls. A tool_use block must
// name a declared tool, and its input must satisfy that tool's input_schema: a gateway that
// rewrites or truncates tool arguments breaks every agent built on it.
const char* kToolsMember = "tools";
const char* kSchemaMember = "input_schema";
const char* kContentMember = "content";
const char* kToolUseType = "tool_use";

std::map<std::string, const rapidjson::Value*> declared_tools(const rapidjson::Document& request) {
  std::map<std::string, const rapidjson::Value*> tools;
  if (!request.IsObject()) return tools;
  auto list = request.FindMember(kToolsMember);
  if (list == request.MemberEnd() || !list->value.IsArray()) return tools;
  for (const auto& tool : list->value.GetArray()) {
    if (!tool.IsObject()) continue;
    auto name = tool.FindMember("name");
    auto schema = tool.FindMember(kSchemaMember);
    if (name != tool.MemberEnd() && name->value.IsString() && schema != tool.MemberEnd())
      tools[name->value.GetString()] = &schema->value;
  }
  return tools;
}

void check_block(const rapidjson::Value& block, std::size_t index, const std::map<std::string, const rapidjson::Value*>& tools,
                 const std::string& prefix, Findings& out) {
  auto name = block.FindMember("name");
  auto input = block.FindMember("input");
  std::string where = prefix + "/content/" + std::to_string(index);
  if (name == block.MemberEnd() || !name->value.IsString() || input == block.MemberEnd()) return;  // the schema says so
  auto tool = tools.find(name->value.GetString());
  if (tool == tools.end()) {
    out.push_back(Finding{"tool-input", where + "/name", "a tool the request declared", json_text(name->value),
                          "the reply calls a tool the request did not declare", Severity::Breaking});
    return;
  }
  // The schema is compiled as a schema file is, and its errors read as every other schema error.
  std::string schema_name = std::string(name->value.GetString(), name->value.GetStringLength()) + ".input_schema";
  std::replace(schema_name.begin(), schema_name.end(), '#', '_');  // '#' would start a fragment
  Diagnostics problems;
  auto schema = SchemaRegistry::from_json(schema_name, *tool->second, problems);
  if (!problems.empty()) {
    out.push_back(Finding{"tool-input", where, "", "",
                          "the request's input_schema could not be used: " + problems.front().message, Severity::Warning});
    return;
  }
  for (const SchemaError& e : schema->validate(schema_name, input->value))
    out.push_back(schema_finding(e, "tool-input", where + "/input", Severity::Breaking));
}

void check_message(const rapidjson::Value& message, const std::map<std::string, const rapidjson::Value*>& tools,
                   const std::string& prefix, Findings& out) {
  if (!message.IsObject()) return;
  auto content = message.FindMember(kContentMember);
  if (content == message.MemberEnd() || !content->value.IsArray()) return;
  for (rapidjson::SizeType i = 0; i < content->value.Size(); ++i) {
    const auto& block = content->value[i];
    if (!block.IsObject()) continue;
    auto type = block.FindMember("type");
    if (type != block.MemberEnd() && type->value.IsString() && std::string(type->value.GetString()) == kToolUseType)
      check_block(block, i, tools, prefix, out);
  }
}

}  // namespace

void check_tool_input(const CheckInput& in, Findings& out) {
  if (in.exchange.status < 200 || in.exchange.status >= 300) return;
  // Most requests declare no tools: skip parsing them. A body that spells the key with \u
  // escapes still gets parsed.
  static const std::string kToolsKey = std::string("\"") + kToolsMember + "\"";
  const std::string_view text = in.request_body;
  if (text.find(kToolsKey) == std::string::npos && text.find("\\u") == std::string::npos) return;
  rapidjson::Document request;
  request.Parse(text.data(), text.size());
  if (request.HasParseError()) return;
  auto tools = declared_tools(request);
  if (tools.empty()) return;
  if (in.body && !in.expect.stream) check_message(*in.body, tools, "", out);
  if (in.folded) check_message(*in.folded, tools, "/folded", out);
}

}  // namespace ac
