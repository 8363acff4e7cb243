#include "sim/version_rules.hpp"

#include <cstring>

#include "sim/api_surface.hpp"

namespace ac::sim {

namespace {

bool is_type(const rapidjson::Value& block, const char* type) {
  if (!block.IsObject()) return false;
  auto it = block.FindMember("type");
  return it != block.MemberEnd() && it->value.IsString() && std::strcmp(it->value.GetString(), type) == 0;
}

bool has_citations(const rapidjson::Value& block) {
  auto it = block.FindMember("citations");
  return it != block.MemberEnd() && it->value.IsArray() && !it->value.Empty();
}

// A user text block with citations, directly or inside a search_result's content.
bool cited_text(const rapidjson::Value& block) {
  if (is_type(block, "text")) return has_citations(block);
  if (!is_type(block, "search_result")) return false;
  auto content = block.FindMember("content");
  if (content == block.MemberEnd() || !content->value.IsArray()) return false;
  for (const auto& inner : content->value.GetArray())
    if (is_type(inner, "text") && has_citations(inner)) return true;
  return false;
}

}  // namespace

std::optional<ApiError> check_version_content_rules(const rapidjson::Value& body, const std::string& version) {
  if (version != kVersion2026 || !body.IsObject()) return std::nullopt;
  auto messages = body.FindMember("messages");
  if (messages == body.MemberEnd() || !messages->value.IsArray()) return std::nullopt;
  for (rapidjson::SizeType i = 0; i < messages->value.Size(); ++i) {
    const auto& message = messages->value[i];
    if (!message.IsObject()) continue;
    auto role = message.FindMember("role");
    auto content = message.FindMember("content");
    if (role == message.MemberEnd() || !role->value.IsString() || content == message.MemberEnd() ||
        !content->value.IsArray())
      continue;
    bool assistant = std::strcmp(role->value.GetString(), "assistant") == 0;
    for (rapidjson::SizeType j = 0; j < content->value.Size(); ++j) {
      const auto& block = content->value[j];
      std::string where = "messages." + std::to_string(i) + ".content." + std::to_string(j);
      if (assistant && is_type(block, "document"))
        return invalid_request(where + ": document blocks are not allowed in assistant messages");
      if (!assistant && cited_text(block))
        return invalid_request(where + ": text blocks with citations are not allowed in user messages");
    }
  }
  return std::nullopt;
}

}  // namespace ac::sim
