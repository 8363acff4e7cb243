// The wrong dialect a mis-built gateway emits: OpenAI chat.completion.chunk frames (reference §8).
#include <functional>

#include "sim/stream_plan.hpp"

namespace ac::sim {
namespace {

const char* finish_reason(const std::string& stop_reason) {
  if (stop_reason == "max_tokens") return "length";
  if (stop_reason == "tool_use") return "tool_calls";
  return "stop";
}

SseEvent chunk(const Reply& reply, const std::function<void(rapidjson::Value&, rapidjson::Document::AllocatorType&)>& fill_choice) {
  SseEvent event;  // no name: data-only, as OpenAI sends it
  auto& doc = event.data;
  auto& alloc = doc.GetAllocator();
  doc.SetObject();
  std::string id = "chatcmpl-" + reply.id.substr(reply.id.find('_') + 1);
  doc.AddMember("id", rapidjson::Value(id.c_str(), alloc), alloc);
  doc.AddMember("object", "chat.completion.chunk", alloc);
  doc.AddMember("created", 1754688908, alloc);
  doc.AddMember("model", rapidjson::Value(reply.model.c_str(), alloc), alloc);
  doc.AddMember("system_fingerprint", "fp_simulated", alloc);
  rapidjson::Value choice(rapidjson::kObjectType);
  choice.AddMember("index", 0, alloc);
  fill_choice(choice, alloc);
  choice.AddMember("logprobs", rapidjson::Value(), alloc);
  rapidjson::Value choices(rapidjson::kArrayType);
  choices.PushBack(choice, alloc);
  doc.AddMember("choices", choices, alloc);
  return event;
}

SseEvent content_chunk(const Reply& reply, const std::string& text, bool first) {
  return chunk(reply, [&](rapidjson::Value& choice, rapidjson::Document::AllocatorType& alloc) {
    rapidjson::Value delta(rapidjson::kObjectType);
    if (first) delta.AddMember("role", "assistant", alloc);
    delta.AddMember("content", rapidjson::Value(text.c_str(), alloc), alloc);
    choice.AddMember("delta", delta, alloc);
    choice.AddMember("finish_reason", rapidjson::Value(), alloc);
  });
}

SseEvent tool_chunk(const Reply& reply, const ReplyBlock& block, int position) {
  return chunk(reply, [&](rapidjson::Value& choice, rapidjson::Document::AllocatorType& alloc) {
    rapidjson::Value function(rapidjson::kObjectType);
    function.AddMember("name", rapidjson::Value(block.name.c_str(), alloc), alloc);
    function.AddMember("arguments", rapidjson::Value(block.input_json.c_str(), alloc), alloc);
    rapidjson::Value call(rapidjson::kObjectType);
    call.AddMember("index", position, alloc);
    call.AddMember("id", rapidjson::Value(("call_" + block.id).c_str(), alloc), alloc);
    call.AddMember("type", "function", alloc);
    call.AddMember("function", function, alloc);
    rapidjson::Value calls(rapidjson::kArrayType);
    calls.PushBack(call, alloc);
    rapidjson::Value delta(rapidjson::kObjectType);
    delta.AddMember("tool_calls", calls, alloc);
    choice.AddMember("delta", delta, alloc);
    choice.AddMember("finish_reason", rapidjson::Value(), alloc);
  });
}

// A gateway's minimal chunk: {"id","object","choices":[{"delta":{"content"}}]}.
SseEvent bare_chunk(const Reply& reply, const std::string& text) {
  SseEvent event;
  auto& doc = event.data;
  auto& alloc = doc.GetAllocator();
  doc.SetObject();
  doc.AddMember("id", rapidjson::Value(reply.id.c_str(), alloc), alloc);
  doc.AddMember("object", "chat.completion.chunk", alloc);
  rapidjson::Value delta(rapidjson::kObjectType);
  delta.AddMember("content", rapidjson::Value(text.c_str(), alloc), alloc);
  rapidjson::Value choice(rapidjson::kObjectType);
  choice.AddMember("delta", delta, alloc);
  rapidjson::Value choices(rapidjson::kArrayType);
  choices.PushBack(choice, alloc);
  doc.AddMember("choices", choices, alloc);
  return event;
}

}  // namespace

std::vector<SseEvent> openai_chunk_events(const Reply& reply, bool bare) {
  std::vector<SseEvent> events;
  if (bare) {
    for (const auto& block : reply.blocks) {
      if (block.type != "text") continue;
      for (const auto& piece : split_words(block.text, 2)) events.push_back(bare_chunk(reply, piece));
    }
    return events;
  }
  events.push_back(content_chunk(reply, "", true));
  int tools = 0;
  for (const auto& block : reply.blocks) {
    if (block.type == "text") {
      for (const auto& piece : split_words(block.text, 2)) {
        events.push_back(content_chunk(reply, piece, false));
      }
    } else if (block.type == "tool_use") {
      events.push_back(tool_chunk(reply, block, tools++));
    }
  }
  events.push_back(chunk(reply, [&](rapidjson::Value& choice, rapidjson::Document::AllocatorType& alloc) {
    choice.AddMember("delta", rapidjson::Value(rapidjson::kObjectType), alloc);
    choice.AddMember("finish_reason", rapidjson::StringRef(finish_reason(reply.stop_reason)), alloc);
  }));
  return events;
}

}  // namespace ac::sim
