// The non-streaming `Message` body, fields in the order the API sends them.
#include <rapidjson/document.h>

#include "util/json_render.hpp"
#include "sim/reply.hpp"
#include "sim/reply_json.hpp"

namespace ac::sim {

using Alloc = rapidjson::Document::AllocatorType;

rapidjson::Value block_json(const ReplyBlock& block, bool empty, Alloc& alloc) {
  rapidjson::Value out(rapidjson::kObjectType);
  out.AddMember("type", rapidjson::Value(block.type.c_str(), alloc), alloc);
  if (block.type == "text") {
    out.AddMember("text", rapidjson::Value(empty ? "" : block.text.c_str(), alloc), alloc);
  } else if (block.type == "thinking") {
    out.AddMember("thinking", rapidjson::Value(empty ? "" : block.text.c_str(), alloc), alloc);
    out.AddMember("signature", rapidjson::Value(empty ? "" : block.signature.c_str(), alloc), alloc);
  } else if (block.type == "tool_use") {
    out.AddMember("id", rapidjson::Value(block.id.c_str(), alloc), alloc);
    out.AddMember("name", rapidjson::Value(block.name.c_str(), alloc), alloc);
    rapidjson::Document input(&alloc);
    input.Parse(empty ? "{}" : block.input_json.c_str());
    out.AddMember("input", rapidjson::Value(input, alloc), alloc);
  }
  return out;
}

rapidjson::Value usage_json(long input_tokens, long output_tokens, Alloc& alloc) {
  rapidjson::Value usage(rapidjson::kObjectType);
  usage.AddMember("input_tokens", static_cast<int64_t>(input_tokens), alloc);
  usage.AddMember("cache_creation_input_tokens", 0, alloc);
  usage.AddMember("cache_read_input_tokens", 0, alloc);
  usage.AddMember("output_tokens", static_cast<int64_t>(output_tokens), alloc);
  usage.AddMember("service_tier", "standard", alloc);
  return usage;
}

rapidjson::Value message_json(const Reply& reply, bool streaming_start, Alloc& alloc) {
  rapidjson::Value out(rapidjson::kObjectType);
  out.AddMember("id", rapidjson::Value(reply.id.c_str(), alloc), alloc);
  out.AddMember("type", "message", alloc);
  out.AddMember("role", "assistant", alloc);
  out.AddMember("model", rapidjson::Value(reply.model.c_str(), alloc), alloc);
  rapidjson::Value content(rapidjson::kArrayType);
  if (!streaming_start) {
    for (const auto& block : reply.blocks) content.PushBack(block_json(block, false, alloc), alloc);
  }
  out.AddMember("content", content, alloc);
  if (streaming_start) {
    out.AddMember("stop_reason", rapidjson::Value(), alloc);
    out.AddMember("stop_sequence", rapidjson::Value(), alloc);
  } else {
    out.AddMember("stop_reason", rapidjson::Value(reply.stop_reason.c_str(), alloc), alloc);
    out.AddMember("stop_sequence", stop_sequence_json(reply, alloc), alloc);
  }
  // message_start carries a provisional output count of 1, as in the recordings.
  out.AddMember("usage", usage_json(reply.input_tokens, streaming_start ? 1 : reply.output_tokens, alloc),
                alloc);
  return out;
}

rapidjson::Value stop_sequence_json(const Reply& reply, Alloc& alloc) {
  if (reply.stop_reason != "stop_sequence") return rapidjson::Value();
  return rapidjson::Value(reply.stop_sequence.c_str(), alloc);
}

std::string render_message(const Reply& reply) {
  rapidjson::Document doc;
  rapidjson::Value message = message_json(reply, false, doc.GetAllocator());
  return to_json(message);
}

}  // namespace ac::sim
