// Validation of `tools`, `tool_choice` and `thinking` (reference §2.1, §2.4).
#include <cstring>
#include <regex>
#include <set>

#include "util/json_render.hpp"
#include "sim/request_parse_parts.hpp"

namespace ac::sim::parse {
namespace {

Error parse_custom_tool(const rapidjson::Value& tool, const std::string& path,
                        ToolDefinition& out) {
  static const std::regex kName("^[a-zA-Z0-9_-]{1,128}$");
  const std::string cpath = path + ".custom";
  if (auto error = only_members(tool, cpath,
                                {"name", "description", "input_schema", "cache_control", "type",
                                 "strict", "eager_input_streaming", "allowed_callers",
                                 "defer_loading", "input_examples"})) {
    return error;
  }
  auto name = tool.FindMember("name");
  if (name == tool.MemberEnd()) return field_required(cpath + ".name");
  if (!name->value.IsString()) return wrong_type(cpath + ".name", "string");
  out.name = name->value.GetString();
  if (!std::regex_match(out.name, kName)) {
    return invalid_request(cpath + ".name: String should match pattern '^[a-zA-Z0-9_-]{1,128}$'");
  }
  auto description = tool.FindMember("description");
  if (description != tool.MemberEnd()) {
    if (!description->value.IsString()) return wrong_type(cpath + ".description", "string");
    out.description = description->value.GetString();
  }
  auto schema = tool.FindMember("input_schema");
  if (schema == tool.MemberEnd()) return field_required(cpath + ".input_schema");
  if (!schema->value.IsObject()) return wrong_type(cpath + ".input_schema", "dictionary");
  auto type = schema->value.FindMember("type");
  if (type == schema->value.MemberEnd()) return field_required(cpath + ".input_schema.type");
  if (!type->value.IsString() || std::strcmp(type->value.GetString(), "object") != 0) {
    return invalid_request(cpath + ".input_schema.type: Input should be 'object'");
  }
  out.input_schema_json = to_json(schema->value);
  out.type = "custom";
  return std::nullopt;
}

// Versioned built-in tools (`bash_20250124`, `web_search_20250305`, ...) need only a name here.
Error parse_builtin_tool(const rapidjson::Value& tool, const std::string& path,
                         const std::string& type, ToolDefinition& out) {
  static const std::regex kVersioned("^[a-z_]+_[0-9]{8}$");
  if (!std::regex_match(type, kVersioned)) {
    return invalid_request(path + ": Input tag '" + type +
                           "' found using 'type' does not match any of the expected tags: "
                           "'custom' or a versioned tool type such as 'bash_20250124'");
  }
  auto name = tool.FindMember("name");
  if (name == tool.MemberEnd()) return field_required(path + "." + type + ".name");
  if (!name->value.IsString()) return wrong_type(path + "." + type + ".name", "string");
  out.name = name->value.GetString();
  out.type = type;
  return std::nullopt;
}

}  // namespace

Error parse_tools(const rapidjson::Value& tools, MessageRequest& out) {
  if (!tools.IsArray()) return wrong_type("tools", "list");
  std::set<std::string> names;
  for (rapidjson::SizeType i = 0; i < tools.Size(); ++i) {
    const auto& tool = tools[i];
    std::string path = "tools." + std::to_string(i);
    if (!tool.IsObject()) return wrong_type(path, "dictionary");
    ToolDefinition definition;
    auto type = tool.FindMember("type");
    bool custom = type == tool.MemberEnd() || type->value.IsNull() ||
                  (type->value.IsString() && std::strcmp(type->value.GetString(), "custom") == 0);
    if (!custom && !type->value.IsString()) return wrong_type(path + ".type", "string");
    Error error = custom ? parse_custom_tool(tool, path, definition)
                         : parse_builtin_tool(tool, path, type->value.GetString(), definition);
    if (error) return error;
    if (!names.insert(definition.name).second) {
      return invalid_request("tools: Tool names must be unique.");
    }
    out.tools.push_back(std::move(definition));
  }
  return std::nullopt;
}

Error parse_tool_choice(const rapidjson::Value& choice, MessageRequest& out) {
  if (!choice.IsObject()) return wrong_type("tool_choice", "dictionary");
  auto type = choice.FindMember("type");
  if (type == choice.MemberEnd()) return field_required("tool_choice.type");
  const std::string kind = type->value.IsString() ? type->value.GetString() : "";
  if (kind != "auto" && kind != "any" && kind != "tool" && kind != "none") {
    return invalid_request("tool_choice: Input tag '" + kind +
                           "' found using 'type' does not match any of the expected tags: "
                           "'auto', 'any', 'tool', 'none'");
  }
  const std::string path = "tool_choice." + kind;
  if (kind == "none") {
    if (auto error = only_members(choice, path, {"type"})) return error;
  } else if (kind == "tool") {
    if (auto error = only_members(choice, path, {"type", "name", "disable_parallel_tool_use"})) {
      return error;
    }
  } else if (auto error = only_members(choice, path, {"type", "disable_parallel_tool_use"})) {
    return error;
  }
  auto parallel = choice.FindMember("disable_parallel_tool_use");
  if (parallel != choice.MemberEnd() && !parallel->value.IsBool()) {
    return wrong_type(path + ".disable_parallel_tool_use", "boolean");
  }
  out.tool_choice = kind;
  if (kind == "tool") {
    auto name = choice.FindMember("name");
    if (name == choice.MemberEnd()) return field_required(path + ".name");
    if (!name->value.IsString()) return wrong_type(path + ".name", "string");
    out.tool_choice_name = name->value.GetString();
  }
  if ((kind == "any" || kind == "tool") && out.tools.empty()) {
    return invalid_request("tool_choice: tool_choice may only be specified while providing tools.");
  }
  if (kind == "tool") {
    bool declared = false;
    for (const auto& tool : out.tools) declared = declared || tool.name == out.tool_choice_name;
    if (!declared) {
      return invalid_request("tool_choice.tool.name: tool '" + out.tool_choice_name +
                             "' is not one of the tools provided in `tools`");
    }
  }
  return std::nullopt;
}

Error parse_openai_tool_choice(const rapidjson::Value& choice, MessageRequest& out) {
  static const char* const kExpected =
      "tool_choice: Input should be 'none', 'auto', 'required' or "
      "{\"type\": \"function\", \"function\": {\"name\": ...}}";
  if (choice.IsString()) {
    const std::string kind = choice.GetString();
    if (kind == "none" || kind == "auto") {
      out.tool_choice = kind;
    } else if (kind == "required") {
      out.tool_choice = "any";  // "the model must call one or more tools"
    } else {
      return invalid_request(kExpected);
    }
  } else if (choice.IsObject()) {
    auto type = choice.FindMember("type");
    auto function = choice.FindMember("function");
    if (type == choice.MemberEnd() || !type->value.IsString() ||
        std::strcmp(type->value.GetString(), "function") != 0 || function == choice.MemberEnd() ||
        !function->value.IsObject()) {
      return invalid_request(kExpected);
    }
    if (auto error = only_members(choice, "tool_choice", {"type", "function"})) return error;
    auto name = function->value.FindMember("name");
    if (name == function->value.MemberEnd()) return field_required("tool_choice.function.name");
    if (!name->value.IsString()) return wrong_type("tool_choice.function.name", "string");
    out.tool_choice = "tool";
    out.tool_choice_name = name->value.GetString();
  } else {
    return invalid_request(kExpected);
  }
  if ((out.tool_choice == "any" || out.tool_choice == "tool") && out.tools.empty()) {
    return invalid_request("tool_choice: tool_choice may only be specified while providing tools.");
  }
  if (out.tool_choice == "tool") {
    bool declared = false;
    for (const auto& tool : out.tools) declared = declared || tool.name == out.tool_choice_name;
    if (!declared) {
      return invalid_request("tool_choice.function.name: tool '" + out.tool_choice_name +
                             "' is not one of the tools provided in `tools`");
    }
  }
  return std::nullopt;
}

Error parse_thinking(const rapidjson::Value& thinking, MessageRequest& out) {
  if (!thinking.IsObject()) return wrong_type("thinking", "dictionary");
  auto type = thinking.FindMember("type");
  if (type == thinking.MemberEnd()) return field_required("thinking.type");
  const std::string kind = type->value.IsString() ? type->value.GetString() : "";
  if (kind == "disabled") return only_members(thinking, "thinking.disabled", {"type"});
  if (kind == "adaptive") {
    out.thinking = true;
    return only_members(thinking, "thinking.adaptive", {"type", "display"});
  }
  if (kind != "enabled") {
    return invalid_request("thinking: Input tag '" + kind +
                           "' found using 'type' does not match any of the expected tags: "
                           "'enabled', 'disabled', 'adaptive'");
  }
  if (auto error = only_members(thinking, "thinking.enabled", {"type", "budget_tokens", "display"})) {
    return error;
  }
  auto budget = thinking.FindMember("budget_tokens");
  if (budget == thinking.MemberEnd()) return field_required("thinking.enabled.budget_tokens");
  if (!budget->value.IsInt64()) return wrong_type("thinking.enabled.budget_tokens", "integer");
  if (budget->value.GetInt64() < 1024) {
    return invalid_request(
        "thinking.enabled.budget_tokens: Input should be greater than or equal to 1024");
  }
  out.thinking = true;
  out.thinking_budget = static_cast<long>(budget->value.GetInt64());
  return std::nullopt;
}

}  // namespace ac::sim::parse
