// Validation of `messages` and `system` (reference §2.2, §2.3, §4.3).
#include <algorithm>
#include <cstring>
#include <regex>
#include <set>

#include "util/json_render.hpp"
#include "sim/request_parse_parts.hpp"
#include "util/join.hpp"

namespace ac::sim::parse {
namespace {

const char* const kBlockTypes[] = {
    "text", "image", "document", "search_result", "tool_use", "tool_result", "thinking",
    "redacted_thinking", "server_tool_use", "web_search_tool_result", "web_fetch_tool_result",
    "code_execution_tool_result", "bash_code_execution_tool_result",
    "text_editor_code_execution_tool_result", "tool_search_tool_result", "container_upload"};
const char* const kImageTypes[] = {"image/jpeg", "image/png", "image/gif", "image/webp"};

bool one_of(const char* value, const char* const* begin, const char* const* end) {
  for (auto it = begin; it != end; ++it) {
    if (std::strcmp(*it, value) == 0) return true;
  }
  return false;
}

std::string expected_tags() {
  std::string tags;
  for (const char* type : kBlockTypes) append_joined(tags, ", ", std::string("'") + type + "'");
  return tags;
}

bool valid_tool_id(const std::string& id) {
  static const std::regex kId("^[a-zA-Z0-9_-]+$");
  return std::regex_match(id, kId);
}

Error require_string(const rapidjson::Value& object, const std::string& path, const char* key,
                     std::string* out = nullptr) {
  auto it = object.FindMember(key);
  if (it == object.MemberEnd()) return field_required(path + "." + key);
  if (!it->value.IsString()) return wrong_type(path + "." + key, "string");
  if (out) *out = it->value.GetString();
  return std::nullopt;
}

Error parse_image_source(const rapidjson::Value& block, const std::string& path) {
  auto source = block.FindMember("source");
  if (source == block.MemberEnd()) return field_required(path + ".source");
  const auto& s = source->value;
  const std::string spath = path + ".source";
  if (!s.IsObject()) return wrong_type(spath, "dictionary");
  std::string type;
  if (auto error = require_string(s, spath, "type", &type)) return error;
  if (type == "base64") {
    std::string media;
    if (auto error = require_string(s, spath, "media_type", &media)) return error;
    if (!one_of(media.c_str(), std::begin(kImageTypes), std::end(kImageTypes))) {
      return invalid_request(spath + ".base64.media_type: Input should be 'image/jpeg', "
                             "'image/png', 'image/gif' or 'image/webp'");
    }
    std::string data;
    if (auto error = require_string(s, spath, "data", &data)) return error;
    if (data.empty()) return invalid_request(spath + ".base64.data: image data must be non-empty");
    return only_members(s, spath + ".base64", {"type", "media_type", "data"});
  }
  if (type == "url") {
    if (auto error = require_string(s, spath, "url")) return error;
    return only_members(s, spath + ".url", {"type", "url"});
  }
  if (type == "file") return require_string(s, spath, "file_id");
  return invalid_request(spath + ": Input tag '" + type +
                         "' found using 'type' does not match any of the expected tags: "
                         "'base64', 'url', 'file'");
}

// The text of a tool_result's `content` (string, or text blocks among others).
Error parse_tool_result(const rapidjson::Value& block, const std::string& path, InputBlock& out) {
  if (auto error = require_string(block, path, "tool_use_id", &out.id)) return error;
  if (!valid_tool_id(out.id)) {
    return invalid_request(path + ".tool_use_id: String should match pattern '^[a-zA-Z0-9_-]+$'");
  }
  auto is_error = block.FindMember("is_error");
  if (is_error != block.MemberEnd()) {
    if (!is_error->value.IsBool()) return wrong_type(path + ".is_error", "boolean");
    out.is_error = is_error->value.GetBool();
  }
  auto content = block.FindMember("content");
  if (content == block.MemberEnd()) return std::nullopt;
  if (content->value.IsString()) {
    out.text = content->value.GetString();
    return std::nullopt;
  }
  if (!content->value.IsArray()) return wrong_type(path + ".content", "list");
  for (rapidjson::SizeType i = 0; i < content->value.Size(); ++i) {
    const auto& item = content->value[i];
    std::string ipath = path + ".content." + std::to_string(i);
    if (!item.IsObject()) return wrong_type(ipath, "dictionary");
    std::string type;
    if (auto error = require_string(item, ipath, "type", &type)) return error;
    if (type == "text") {
      std::string text;
      if (auto error = require_string(item, ipath, "text", &text)) return error;
      if (text.empty()) return invalid_request("messages: text content blocks must be non-empty");
      append_joined(out.text, " ", text);
    } else if (type == "image") {
      if (auto error = parse_image_source(item, ipath)) return error;
    }
  }
  return std::nullopt;
}

Error parse_block(const rapidjson::Value& block, const std::string& path, InputBlock& out) {
  if (!block.IsObject()) return wrong_type(path, "dictionary");
  if (auto error = require_string(block, path, "type", &out.type)) return error;
  if (!one_of(out.type.c_str(), std::begin(kBlockTypes), std::end(kBlockTypes))) {
    return invalid_request(path + ": Input tag '" + out.type +
                           "' found using 'type' does not match any of the expected tags: " +
                           expected_tags());
  }
  if (out.type == "text") {
    if (auto error = require_string(block, path, "text", &out.text)) return error;
    if (out.text.empty()) return invalid_request("messages: text content blocks must be non-empty");
    return only_members(block, path + ".text", {"type", "text", "cache_control", "citations"});
  }
  if (out.type == "image") return parse_image_source(block, path + ".image");
  if (out.type == "tool_use") {
    if (auto error = require_string(block, path, "id", &out.id)) return error;
    if (!valid_tool_id(out.id)) {
      return invalid_request(path + ".id: String should match pattern '^[a-zA-Z0-9_-]+$'");
    }
    if (auto error = require_string(block, path, "name", &out.name)) return error;
    auto input = block.FindMember("input");
    if (input == block.MemberEnd()) return field_required(path + ".input");
    if (!input->value.IsObject()) return wrong_type(path + ".input", "dictionary");
    out.text = to_json(input->value);
    return std::nullopt;
  }
  if (out.type == "tool_result") return parse_tool_result(block, path, out);
  if (out.type == "thinking") {
    if (auto error = require_string(block, path, "thinking", &out.text)) return error;
    return require_string(block, path, "signature");
  }
  if (out.type == "redacted_thinking") return require_string(block, path, "data");
  if (out.type == "document" && !block.HasMember("source")) return field_required(path + ".source");
  return std::nullopt;
}

Error parse_content(const rapidjson::Value& content, const std::string& path, InputMessage& out) {
  if (content.IsString()) {
    if (content.GetStringLength() > 0) {
      InputBlock block;
      block.type = "text";
      block.text = content.GetString();
      out.blocks.push_back(block);
    }
    return std::nullopt;
  }
  if (!content.IsArray()) return wrong_type(path + ".content", "list");
  for (rapidjson::SizeType i = 0; i < content.Size(); ++i) {
    InputBlock block;
    if (auto error = parse_block(content[i], path + ".content." + std::to_string(i), block)) {
      return error;
    }
    out.blocks.push_back(std::move(block));
  }
  return std::nullopt;
}

Error parse_message(const rapidjson::Value& message, const std::string& path,
                    const RequestRules& rules, InputMessage& out) {
  if (!message.IsObject()) return wrong_type(path, "dictionary");
  if (auto error = only_members(message, path, {"role", "content"})) return error;
  auto role = message.FindMember("role");
  if (role == message.MemberEnd() && !rules.role_required) {
    out.role = "user";  // a dialect where role is optional: the caller speaks
  } else if (role == message.MemberEnd()) {
    return field_required(path + ".role");
  } else if
(!role->value.IsString() || (std::strcmp(role->value.GetString(), "user") != 0 &&
                                         std::strcmp(role->value.GetString(), "assistant") != 0)) {
    return invalid_request(path + ".role: Input should be 'user' or 'assistant'");
  } else {
    out.role = role->value.GetString();
  }
  auto content = message.FindMember("content");
  if (content == message.MemberEnd() && !rules.content_required) return std::nullopt;
  if (content == message.MemberEnd()) return field_required(path + ".content");
  return parse_content(content->value, path, out);
}

std::set<std::string> ids_of(const InputMessage& message, const char* type) {
  std::set<std::string> ids;
  for (const auto& block : message.blocks) {
    if (block.type == type) ids.insert(block.id);
  }
  return ids;
}

// Every tool_result answers a tool_use of the message just before it, and every tool_use of an
// assistant turn that is followed by a user turn gets its tool_result there (observed 400s).
Error check_tool_pairing(const std::vector<InputMessage>& messages) {
  for (std::size_t i = 0; i < messages.size(); ++i) {
    auto results = ids_of(messages[i], "tool_result");
    auto offered = i > 0 ? ids_of(messages[i - 1], "tool_use") : std::set<std::string>{};
    for (const auto& id : results) {
      if (!offered.count(id)) {
        return invalid_request("messages." + std::to_string(i) +
                               ": unexpected `tool_use_id` found in `tool_result` blocks: " + id +
                               ". Each `tool_result` block must have a corresponding `tool_use` "
                               "block in the previous message.");
      }
    }
    auto uses = ids_of(messages[i], "tool_use");
    if (uses.empty() || i + 1 >= messages.size()) continue;
    auto answered = ids_of(messages[i + 1], "tool_result");
    for (const auto& id : uses) {
      if (!answered.count(id)) {
        return invalid_request("messages." + std::to_string(i) +
                               ": `tool_use` ids were found without `tool_result` blocks "
                               "immediately after: " + id + ". Each `tool_use` block must have a "
                               "corresponding `tool_result` block in the next message.");
      }
    }
  }
  return std::nullopt;
}

}  // namespace

Error only_members(const rapidjson::Value& object, const std::string& path,
                   std::initializer_list<const char*> allowed) {
  for (const auto& member : object.GetObject()) {
    bool known = false;
    for (const char* name : allowed) known = known || std::strcmp(name, member.name.GetString()) == 0;
    if (!known) return extra_input(path + "." + member.name.GetString());
  }
  return std::nullopt;
}

int cache_breakpoints(const rapidjson::Value& value) {
  int count = 0;
  if (value.IsObject()) {
    for (const auto& member : value.GetObject()) {
      const char* name = member.name.GetString();
      if (std::strcmp(name, "cache_control") == 0 && member.value.IsObject()) {
        ++count;
      } else if (std::strcmp(name, "input_schema") != 0 && std::strcmp(name, "input") != 0) {
        // Tool schemas and inputs are user data: a property named cache_control is no breakpoint.
        count += cache_breakpoints(member.value);
      }
    }
  } else if (value.IsArray()) {
    for (const auto& item : value.GetArray()) count += cache_breakpoints(item);
  }
  return count;
}

Error parse_messages(const rapidjson::Value& messages, const RequestRules& rules,
                     MessageRequest& out) {
  if (!messages.IsArray()) return wrong_type("messages", "list");
  if (messages.Empty()) return invalid_request("messages: at least one message is required");
  for (rapidjson::SizeType i = 0; i < messages.Size(); ++i) {
    InputMessage message;
    const std::string path = "messages." + std::to_string(i);
    if (auto error = parse_message(messages[i], path, rules, message)) return error;
    bool final_assistant = i + 1 == messages.Size() && message.role == "assistant";
    bool content_left_out = !rules.content_required && messages[i].IsObject() &&
                            !messages[i].HasMember("content");
    if (message.blocks.empty() && !final_assistant && !content_left_out) {
      return invalid_request("messages." + std::to_string(i) +
                             ": all messages must have non-empty content except for the optional "
                             "final assistant message");
    }
    out.messages.push_back(std::move(message));
  }
  return check_tool_pairing(out.messages);
}

Error parse_system(const rapidjson::Value& system, MessageRequest& out) {
  if (system.IsString()) {
    out.system = system.GetString();
    return std::nullopt;
  }
  if (!system.IsArray()) return wrong_type("system", "string");
  for (rapidjson::SizeType i = 0; i < system.Size(); ++i) {
    const auto& block = system[i];
    std::string path = "system." + std::to_string(i);
    if (!block.IsObject()) return wrong_type(path, "dictionary");
    std::string type, text;
    if (auto error = require_string(block, path, "type", &type)) return error;
    if (type != "text") {
      return invalid_request(path + ".type: Input should be 'text'");
    }
    if (auto error = require_string(block, path, "text", &text)) return error;
    if (text.empty()) return invalid_request("system: text content blocks must be non-empty");
    if (auto error = only_members(block, path, {"type", "text", "cache_control", "citations"})) {
      return error;
    }
    append_joined(out.system, "\n", text);
  }
  return std::nullopt;
}

namespace {

Error check_image_list(const rapidjson::Value& content, const std::string& path,
                       const RequestRules& rules) {
  if (!content.IsArray()) return std::nullopt;
  for (rapidjson::SizeType i = 0; i < content.Size(); ++i) {
    const auto& block = content[i];
    const std::string bpath = path + "." + std::to_string(i);
    if (!block.IsObject() || !block.HasMember("type") || !block["type"].IsString()) continue;
    const std::string type = block["type"].GetString();
    if (type == "tool_result" && block.HasMember("content")) {
      if (auto error = check_image_list(block["content"], bpath + ".tool_result.content", rules)) {
        return error;
      }
    }
    if (type != "image" || !block.HasMember("source") || !block["source"].IsObject()) continue;
    const auto& source = block["source"];
    if (!source.HasMember("type") || !source["type"].IsString()) continue;
    const std::string kind = source["type"].GetString();
    if (std::find(rules.image_sources.begin(), rules.image_sources.end(), kind) !=
        rules.image_sources.end()) {
      continue;
    }
    std::string tags;
    for (const auto& allowed : rules.image_sources) tags += (tags.empty() ? "'" : ", '") + allowed + "'";
    return invalid_request(bpath + ".image.source: Input tag '" + kind +
                           "' found using 'type' does not match any of the expected tags: " + tags);
  }
  return std::nullopt;
}

}  // namespace

Error check_image_sources(const rapidjson::Value& messages, const RequestRules& rules) {
  if (!messages.IsArray()) return std::nullopt;
  for (rapidjson::SizeType i = 0; i < messages.Size(); ++i) {
    const auto& message = messages[i];
    if (!message.IsObject() || !message.HasMember("content")) continue;
    const std::string path = "messages." + std::to_string(i) + ".content";
    if (auto error = check_image_list(message["content"], path, rules)) return error;
  }
  return std::nullopt;
}

}  // namespace ac::sim::parse
