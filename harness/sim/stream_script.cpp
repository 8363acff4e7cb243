#include "sim/stream_script.hpp"

#include "sim/reply_json.hpp"
#include "sim/tokens.hpp"

namespace ac::sim {

SseEvent make_event(const std::string& name) {
  SseEvent event;
  event.name = name;
  event.data.SetObject();
  event.data.AddMember("type", rapidjson::Value(name.c_str(), event.data.GetAllocator()),
                       event.data.GetAllocator());
  return event;
}

std::vector<std::string> split_words(const std::string& text, std::size_t words_per_piece) {
  std::vector<std::string> pieces;
  auto spans = word_spans(text);
  std::size_t start = 0;
  for (std::size_t i = words_per_piece; i < spans.size(); i += words_per_piece) {
    // Cut where the separating whitespace begins: " word" pieces, like the real deltas.
    std::size_t cut = spans[i - 1].second;
    pieces.push_back(text.substr(start, cut - start));
    start = cut;
  }
  if (start < text.size() || pieces.empty()) pieces.push_back(text.substr(start));
  return pieces;
}

std::vector<std::string> split_bytes(const std::string& text, std::size_t size) {
  std::vector<std::string> pieces;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = std::min(text.size(), start + size);
    while (end < text.size() && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) ++end;
    pieces.push_back(text.substr(start, end - start));
    start = end;
  }
  return pieces;
}

namespace {

SseEvent indexed(const std::string& name, int index) {
  SseEvent event = make_event(name);
  event.data.AddMember("index", index, event.data.GetAllocator());
  return event;
}

SseEvent delta_event(int index, const char* delta_type, const char* field,
                     const std::string& value) {
  SseEvent event = indexed("content_block_delta", index);
  auto& alloc = event.data.GetAllocator();
  rapidjson::Value delta(rapidjson::kObjectType);
  delta.AddMember("type", rapidjson::StringRef(delta_type), alloc);
  delta.AddMember(rapidjson::StringRef(field),
                  rapidjson::Value(value.c_str(), static_cast<rapidjson::SizeType>(value.size()), alloc),
                  alloc);
  event.data.AddMember("delta", delta, alloc);
  return event;
}

std::vector<SseEvent> block_events(const ReplyBlock& block, int index) {
  std::vector<SseEvent> events;
  SseEvent start = indexed("content_block_start", index);
  start.data.AddMember("content_block", block_json(block, true, start.data.GetAllocator()),
                       start.data.GetAllocator());
  events.push_back(std::move(start));
  if (index == 0) events.push_back(make_event("ping"));
  if (block.type == "text") {
    for (const auto& piece : split_words(block.text, 2)) {
      events.push_back(delta_event(index, "text_delta", "text", piece));
    }
  } else if (block.type == "thinking") {
    for (const auto& piece : split_words(block.text, 2)) {
      events.push_back(delta_event(index, "thinking_delta", "thinking", piece));
    }
    events.push_back(delta_event(index, "signature_delta", "signature", block.signature));
  } else if (block.type == "tool_use") {
    events.push_back(delta_event(index, "input_json_delta", "partial_json", ""));
    for (const auto& piece : split_bytes(block.input_json, 6)) {
      events.push_back(delta_event(index, "input_json_delta", "partial_json", piece));
    }
  }
  events.push_back(indexed("content_block_stop", index));
  return events;
}

SseEvent message_delta(const Reply& reply) {
  SseEvent event = make_event("message_delta");
  auto& alloc = event.data.GetAllocator();
  rapidjson::Value delta(rapidjson::kObjectType);
  delta.AddMember("stop_reason", rapidjson::Value(reply.stop_reason.c_str(), alloc), alloc);
  delta.AddMember("stop_sequence", stop_sequence_json(reply, alloc), alloc);
  event.data.AddMember("delta", delta, alloc);
  rapidjson::Value usage = usage_json(reply.input_tokens, reply.output_tokens, alloc);
  usage.RemoveMember("service_tier");
  event.data.AddMember("usage", usage, alloc);
  return event;
}

}  // namespace

StreamScript build_stream_script(const Reply& reply) {
  StreamScript script;
  SseEvent start = make_event("message_start");
  start.data.AddMember("message", message_json(reply, true, start.data.GetAllocator()),
                       start.data.GetAllocator());
  script.prologue.push_back(std::move(start));
  script.prologue.push_back(make_event("ping"));
  for (std::size_t i = 0; i < reply.blocks.size(); ++i) {
    script.blocks.push_back(block_events(reply.blocks[i], static_cast<int>(i)));
  }
  script.epilogue.push_back(message_delta(reply));
  script.epilogue.push_back(make_event("message_stop"));
  return script;
}

}  // namespace ac::sim
