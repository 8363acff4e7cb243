#include "sim/request_parse.hpp"
#include "sim/version_rules.hpp"

#include <algorithm>
#include <cstring>
#include <vector>

#include "sim/request_parse_parts.hpp"

namespace ac::sim {
namespace {

using parse::Error;

// Top-level members of the 2023-06-01 request schema, plus the optional 2026 additions the API
// accepts under any version (reference §2.1); anything else is "Extra inputs are not permitted".
const std::vector<const char*> kMessagesFields = {
    "model", "messages", "max_tokens", "system", "temperature", "top_p", "top_k",
    "stop_sequences", "stream", "metadata", "tools", "tool_choice", "thinking", "service_tier",
    "cache_control", "container", "inference_geo", "output_config", "speed",
    "context_management", "mcp_servers"};
const std::vector<const char*> kCountTokensFields = {
    "model", "messages", "system", "tools", "tool_choice", "thinking",
    "cache_control", "output_config", "context_management", "mcp_servers"};
const char* const kSamplingFields[] = {"temperature", "top_p", "top_k"};

bool is_sampling(const char* name) {
  for (const char* field : kSamplingFields) {
    if (std::strcmp(field, name) == 0) return true;
  }
  return false;
}

Error check_members(const rapidjson::Value& body, Endpoint endpoint, const std::string& version) {
  const auto& allowed = endpoint == Endpoint::count_tokens ? kCountTokensFields : kMessagesFields;
  for (const auto& member : body.GetObject()) {
    const char* name = member.name.GetString();
    bool known = std::any_of(allowed.begin(), allowed.end(),
                             [&](const char* field) { return std::strcmp(field, name) == 0; });
    // 2026-10-21 removed the sampling parameters: 400 even at their default values (§0).
    if (!known || (version == kVersion2026 && is_sampling(name))) {
      return parse::extra_input(name);
    }
  }
  return std::nullopt;
}

Error parse_model(const rapidjson::Value& body, MessageRequest& out) {
  auto it = body.FindMember("model");
  if (it == body.MemberEnd()) return parse::field_required("model");
  if (!it->value.IsString()) return parse::wrong_type("model", "string");
  if (it->value.GetStringLength() == 0) {
    return invalid_request("model: String should have at least 1 character");
  }
  out.model = it->value.GetString();
  return std::nullopt;
}

Error parse_max_tokens(const rapidjson::Value& body, const RequestRules& rules,
                       MessageRequest& out) {
  auto it = body.FindMember("max_tokens");
  if (it == body.MemberEnd() && !rules.max_tokens_required) {
    out.max_tokens = rules.default_max_tokens;
    out.max_tokens_defaulted = true;
    return std::nullopt;
  }
  if (it == body.MemberEnd()) return parse::field_required("max_tokens");
  if (!rules.max_tokens_integer && it->value.IsNumber() && !it->value.IsInt64()) {
    // A dialect documenting max_tokens as "number": a fraction is cut to a whole token count.
    double value = it->value.GetDouble();
    if (value < 1) return invalid_request("max_tokens: Input should be greater than or equal to 1");
    out.max_tokens = static_cast<long>(std::min(value, static_cast<double>(1L << 40)));
    return std::nullopt;
  }
  if (!it->value.IsInt64()) return parse::wrong_type("max_tokens", "integer");
  if (it->value.GetInt64() < 1) {
    return invalid_request("max_tokens: Input should be greater than or equal to 1");
  }
  out.max_tokens = static_cast<long>(std::min<int64_t>(it->value.GetInt64(), 1L << 40));
  return std::nullopt;
}

Error check_unit_interval(const rapidjson::Value& body, const char* name, double max = 1) {
  auto it = body.FindMember(name);
  if (it == body.MemberEnd()) return std::nullopt;
  if (!it->value.IsNumber()) return parse::wrong_type(name, "number");
  double value = it->value.GetDouble();
  if (value < 0) {
    return invalid_request(std::string(name) + ": Input should be greater than or equal to 0");
  }
  if (value > max) {
    std::string bound = max == 1 ? "1" : std::to_string(max);
    bound.erase(bound.find_last_not_of('0') + 1);
    if (!bound.empty() && bound.back() == '.') bound.pop_back();
    return invalid_request(std::string(name) + ": Input should be less than or equal to " + bound);
  }
  return std::nullopt;
}

Error check_sampling(const rapidjson::Value& body, const RequestRules& rules,
                     const MessageRequest& out) {
  if (auto error = check_unit_interval(body, "temperature", rules.temperature_max)) return error;
  if (auto error = check_unit_interval(body, "top_p")) return error;
  auto top_k = body.FindMember("top_k");
  if (top_k != body.MemberEnd()) {
    if (!top_k->value.IsInt64()) return parse::wrong_type("top_k", "integer");
    if (top_k->value.GetInt64() < 0) {
      return invalid_request("top_k: Input should be greater than or equal to 0");
    }
  }
  auto temperature = body.FindMember("temperature");
  if (out.thinking && temperature != body.MemberEnd() && temperature->value.GetDouble() != 1.0) {
    return invalid_request("temperature may only be set to 1 when thinking is enabled.");
  }
  return std::nullopt;
}

Error parse_stop_sequences(const rapidjson::Value& body, MessageRequest& out) {
  auto it = body.FindMember("stop_sequences");
  if (it == body.MemberEnd()) return std::nullopt;
  if (!it->value.IsArray()) return parse::wrong_type("stop_sequences", "list");
  for (rapidjson::SizeType i = 0; i < it->value.Size(); ++i) {
    const auto& item = it->value[i];
    std::string path = "stop_sequences." + std::to_string(i);
    if (!item.IsString()) return parse::wrong_type(path, "string");
    std::string text = item.GetString();
    if (text.find_first_not_of(" \t\r\n") == std::string::npos) {
      return invalid_request("stop_sequences: each stop sequence must contain non-whitespace");
    }
    out.stop_sequences.push_back(text);
  }
  return std::nullopt;
}

Error parse_flags(const rapidjson::Value& body, MessageRequest& out) {
  auto stream = body.FindMember("stream");
  if (stream != body.MemberEnd()) {
    if (!stream->value.IsBool()) return parse::wrong_type("stream", "boolean");
    out.stream = stream->value.GetBool();
  }
  auto tier = body.FindMember("service_tier");
  if (tier != body.MemberEnd()) {
    const auto& v = tier->value;
    if (!v.IsString() || (std::strcmp(v.GetString(), "auto") != 0 &&
                          std::strcmp(v.GetString(), "standard_only") != 0)) {
      return invalid_request("service_tier: Input should be 'auto' or 'standard_only'");
    }
  }
  return std::nullopt;
}

Error parse_metadata(const rapidjson::Value& body) {
  auto it = body.FindMember("metadata");
  if (it == body.MemberEnd()) return std::nullopt;
  if (!it->value.IsObject()) return parse::wrong_type("metadata", "dictionary");
  if (auto error = parse::only_members(it->value, "metadata", {"user_id"})) return error;
  auto user = it->value.FindMember("user_id");
  if (user != it->value.MemberEnd() && !user->value.IsNull()) {
    if (!user->value.IsString()) return parse::wrong_type("metadata.user_id", "string");
    if (user->value.GetStringLength() > 256) {
      return invalid_request("metadata.user_id: String should have at most 256 characters");
    }
  }
  return std::nullopt;
}

// The members that hold conversation content, shared by both endpoints.
Error parse_content(const rapidjson::Value& body, const RequestRules& rules,
                    MessageRequest& out) {
  int breakpoints = parse::cache_breakpoints(body);
  auto messages = body.FindMember("messages");
  if (messages == body.MemberEnd()) return parse::field_required("messages");
  if (auto error = parse::check_image_sources(messages->value, rules)) return error;
  if (auto error = parse::parse_messages(messages->value, rules, out)) return error;
  auto system = body.FindMember("system");
  if (system != body.MemberEnd()) {
    // A dialect may accept only one of the two forms of system.
    if (system->value.IsString() && !rules.system_string) {
      return parse::wrong_type("system", "list");
    }
    if (system->value.IsArray() && !rules.system_blocks) return parse::wrong_type("system", "string");
    if (auto error = parse::parse_system(system->value, out)) return error;
  }
  auto tools = body.FindMember("tools");
  if (tools != body.MemberEnd()) {
    if (auto error = parse::parse_tools(tools->value, out)) return error;
  }
  auto choice = body.FindMember("tool_choice");
  if (choice != body.MemberEnd()) {
    auto error = rules.tool_choice == ToolChoiceForm::openai
                     ? parse::parse_openai_tool_choice(choice->value, out)
                     : parse::parse_tool_choice(choice->value, out);
    if (error) return error;
  }
  auto thinking = body.FindMember("thinking");
  if (thinking != body.MemberEnd()) {
    if (auto error = parse::parse_thinking(thinking->value, out)) return error;
  }
  if (breakpoints > 4) {
    return invalid_request("A maximum of 4 blocks with cache_control may be provided. Found " +
                           std::to_string(breakpoints) + ".");
  }
  return std::nullopt;
}

}  // namespace

std::optional<ApiError> parse_request(const rapidjson::Value& body, Endpoint endpoint,
                                      const std::string& version, const RequestRules& rules,
                                      MessageRequest& out) {
  out = MessageRequest{};
  if (!body.IsObject()) return invalid_request("body: Input should be a valid dictionary");
  if (auto error = check_members(body, endpoint, version)) return error;
  if (auto error = parse_model(body, out)) return error;
  if (endpoint == Endpoint::messages) {
    if (auto error = parse_max_tokens(body, rules, out)) return error;
  }
  if (auto error = parse_content(body, rules, out)) return error;
  if (auto error = check_version_content_rules(body, version)) return error;
  if (endpoint != Endpoint::messages) return std::nullopt;
  if (out.thinking && out.thinking_budget > 0 && out.thinking_budget >= out.max_tokens) {
    return invalid_request("`max_tokens` must be greater than `thinking.budget_tokens`.");
  }
  if (auto error = check_sampling(body, rules, out)) return error;
  if (auto error = parse_stop_sequences(body, out)) return error;
  if (auto error = parse_flags(body, out)) return error;
  return parse_metadata(body);
}

}  // namespace ac::sim
