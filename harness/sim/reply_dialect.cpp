#include "sim/reply_dialect.hpp"

#include <rapidjson/document.h>

#include "util/json_render.hpp"
#include "sim/reply_json.hpp"

namespace ac::sim {
namespace {

using Alloc = rapidjson::Document::AllocatorType;

// The reply's text blocks joined: the only content an OpenAI-like `message.content` string can
// carry (tool calls and thinking have no documented representation there).
std::string reply_text(const Reply& reply) {
  std::string text;
  for (const auto& block : reply.blocks) {
    if (block.type == "text") text += block.text;
  }
  return text;
}

rapidjson::Value openai_data(const Reply& reply, Alloc& alloc) {
  rapidjson::Value message(rapidjson::kObjectType);
  message.AddMember("role", "assistant", alloc);
  message.AddMember("content", rapidjson::Value(reply_text(reply).c_str(), alloc), alloc);
  rapidjson::Value choice(rapidjson::kObjectType);
  choice.AddMember("index", 0, alloc);
  choice.AddMember("message", message, alloc);
  rapidjson::Value choices(rapidjson::kArrayType);
  choices.PushBack(choice, alloc);
  rapidjson::Value data(rapidjson::kObjectType);
  data.AddMember("id", rapidjson::Value(reply.id.c_str(), alloc), alloc);
  data.AddMember("model", rapidjson::Value(reply.model.c_str(), alloc), alloc);
  data.AddMember("choices", choices, alloc);
  return data;
}

}  // namespace

std::string answered_model(const ApiSurface& surface, const std::string& id) {
  auto it = surface.answer_model.find(id);
  return it == surface.answer_model.end() ? id : it->second;
}

std::string render_answer(const Reply& reply, const ApiSurface& surface) {
  rapidjson::Document doc;
  auto& alloc = doc.GetAllocator();
  if (surface.message_body == MessageBody::success_code_openai) {
    doc.SetObject();
    doc.AddMember("success", true, alloc);
    doc.AddMember("code", "200", alloc);
    doc.AddMember("message", "successful", alloc);
    doc.AddMember("data", openai_data(reply, alloc), alloc);
    return to_json(doc);
  }
  rapidjson::Value message = message_json(reply, false, alloc);
  for (const auto& field : surface.omit_message_fields) {
    auto it = message.FindMember(field.c_str());
    if (it != message.MemberEnd()) message.EraseMember(it);  // keeps the other fields' order
  }
  return to_json(message);
}

}  // namespace ac::sim
