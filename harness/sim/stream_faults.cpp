#include "sim/stream_faults.hpp"

#include <algorithm>
#include <cstring>

#include "sim/tokens.hpp"

namespace ac::sim {
namespace {

bool is_named(const SseEvent& event, const char* type) {
  if (!event.data.IsObject()) return false;  // moved out by an earlier fault
  auto it = event.data.FindMember("type");
  return it != event.data.MemberEnd() && it->value.IsString() &&
         std::strcmp(it->value.GetString(), type) == 0;
}

rapidjson::Value* delta_of(SseEvent& event) {
  auto it = event.data.FindMember("delta");
  return it != event.data.MemberEnd() && it->value.IsObject() ? &it->value : nullptr;
}

void drop_pings(StreamScript& script) {
  auto is_ping = [](const SseEvent& e) { return is_named(e, "ping"); };
  script.prologue.erase(std::remove_if(script.prologue.begin(), script.prologue.end(), is_ping),
                        script.prologue.end());
  for (auto& block : script.blocks) {
    block.erase(std::remove_if(block.begin(), block.end(), is_ping), block.end());
  }
}

// text deltas become input_json_delta; any other block's deltas become text_delta.
void wrong_delta_type(StreamScript& script) {
  if (script.blocks.empty()) return;
  for (auto& event : script.blocks.front()) {
    rapidjson::Value* delta = delta_of(event);
    if (!delta) continue;
    auto& alloc = event.data.GetAllocator();
    std::string type = (*delta)["type"].GetString();
    std::string payload;
    for (const char* field : {"text", "partial_json", "thinking", "signature"}) {
      if (delta->HasMember(field)) payload = (*delta)[field].GetString();
    }
    delta->SetObject();
    const char* new_type = type == "text_delta" ? "input_json_delta" : "text_delta";
    const char* field = type == "text_delta" ? "partial_json" : "text";
    delta->AddMember("type", rapidjson::StringRef(new_type), alloc);
    delta->AddMember(rapidjson::StringRef(field), rapidjson::Value(payload.c_str(), alloc), alloc);
  }
}

// "oops" right after the opening brace breaks the JSON for every parser, lenient ones included.
void invalid_partial_json(StreamScript& script) {
  for (auto& block : script.blocks) {
    for (auto& event : block) {
      rapidjson::Value* delta = delta_of(event);
      if (!delta || std::strcmp((*delta)["type"].GetString(), "input_json_delta") != 0) continue;
      std::string piece = (*delta)["partial_json"].GetString();
      auto brace = piece.find('{');
      if (brace == std::string::npos) continue;
      piece.insert(brace + 1, "oops");
      (*delta)["partial_json"].SetString(piece.c_str(), event.data.GetAllocator());
      return;
    }
  }
}

void zero_usage(StreamScript& script) {
  auto zero = [](rapidjson::Value& usage) {
    for (auto& member : usage.GetObject()) {
      if (member.value.IsInt64()) member.value.SetInt(0);
    }
  };
  for (auto& event : script.prologue) {
    if (is_named(event, "message_start")) zero(event.data["message"]["usage"]);
  }
  for (auto& event : script.epilogue) {
    if (is_named(event, "message_delta")) zero(event.data["usage"]);
  }
}

void name_mismatch(StreamScript& script) {
  for (auto& block : script.blocks) {
    for (auto& event : block) {
      if (rapidjson::Value* delta = delta_of(event)) event.name = (*delta)["type"].GetString();
    }
  }
}

void non_json(StreamScript& script) {
  for (auto& block : script.blocks) {
    for (auto& event : block) {
      rapidjson::Value* delta = delta_of(event);
      if (!delta) continue;
      std::string payload = "content_block_delta";
      for (const char* field : {"text", "partial_json", "thinking"}) {
        if (delta->HasMember(field)) payload = std::string(field) + "=" + (*delta)[field].GetString();
      }
      event.raw = payload;
      return;
    }
  }
}

void index_gap(StreamScript& script) {
  if (script.blocks.empty()) return;
  for (auto& event : script.blocks.back()) {
    auto it = event.data.FindMember("index");
    if (it != event.data.MemberEnd()) it->value.SetInt(it->value.GetInt() + 1);
  }
}

void drop_block_stops(StreamScript& script) {
  for (auto& block : script.blocks) {
    if (!block.empty() && is_named(block.back(), "content_block_stop")) block.pop_back();
  }
}

// Start and first delta of block 0, start and first delta of block 1, then the rest of each.
void append_blocks(StreamScript& script, bool interleave, std::vector<SseEvent>& out) {
  std::size_t first = 0;
  if (interleave && script.blocks.size() >= 2) {
    auto& a = script.blocks[0];
    auto& b = script.blocks[1];
    std::size_t head_a = std::min<std::size_t>(2, a.size());
    std::size_t head_b = std::min<std::size_t>(2, b.size());
    for (std::size_t i = 0; i < head_a; ++i) out.push_back(std::move(a[i]));
    for (std::size_t i = 0; i < head_b; ++i) out.push_back(std::move(b[i]));
    for (std::size_t i = head_a; i < a.size(); ++i) out.push_back(std::move(a[i]));
    for (std::size_t i = head_b; i < b.size(); ++i) out.push_back(std::move(b[i]));
    first = 2;
  }
  for (std::size_t k = first; k < script.blocks.size(); ++k) {
    for (auto& event : script.blocks[k]) out.push_back(std::move(event));
  }
}

void append_epilogue(StreamScript& script, const FaultSet& faults, std::vector<SseEvent>& out) {
  for (auto& event : script.epilogue) {
    if (faults.has("no-message-stop") && is_named(event, "message_stop")) continue;
    if (faults.has("wrong-order") && is_named(event, "message_delta")) continue;
    out.push_back(std::move(event));
  }
  if (faults.has("events-after-stop")) {
    out.push_back(make_event("ping"));
    for (const auto& event : script.epilogue) {
      if (!is_named(event, "message_delta")) continue;
      SseEvent again;
      again.name = event.name;
      again.data.CopyFrom(event.data, again.data.GetAllocator());
      out.push_back(std::move(again));
    }
  }
}

// message_delta goes right before the last content_block_stop (or, without one, before the
// last block event).
void move_message_delta_early(StreamScript& script, std::vector<SseEvent>& out) {
  SseEvent* delta = nullptr;
  for (auto& event : script.epilogue) {
    if (is_named(event, "message_delta")) delta = &event;
  }
  if (!delta) return;
  std::size_t at = out.size();
  for (std::size_t i = out.size(); i-- > 0;) {
    if (is_named(out[i], "content_block_stop")) {
      at = i;
      break;
    }
  }
  if (at == out.size() && at > 0 && !script.blocks.empty()) at = out.size() - 1;
  out.insert(out.begin() + static_cast<std::ptrdiff_t>(at), std::move(*delta));
}

}  // namespace

Reply prepare_reply_for_faults(Reply reply, const FaultSet& faults) {
  if (!faults.has("interleaved") || reply.blocks.size() != 1 || reply.blocks[0].type != "text") {
    return reply;
  }
  const std::string text = reply.blocks[0].text;
  auto spans = word_spans(text);
  std::size_t cut = spans.size() >= 2 ? spans[spans.size() / 2].first : text.size() / 2;
  if (cut == 0 || cut >= text.size()) return reply;
  reply.blocks[0].text = text.substr(0, cut);
  ReplyBlock second;
  second.type = "text";
  second.text = text.substr(cut);
  reply.blocks.push_back(second);
  return reply;
}

std::vector<SseEvent> apply_event_faults(StreamScript script, const FaultSet& faults) {
  if (faults.has("no-pings")) drop_pings(script);
  if (faults.has("wrong-delta-type")) wrong_delta_type(script);
  if (faults.has("invalid-partial-json")) invalid_partial_json(script);
  if (faults.has("zero-usage")) zero_usage(script);
  if (faults.has("name-mismatch")) name_mismatch(script);
  if (faults.has("non-json")) non_json(script);
  if (faults.has("index-gap")) index_gap(script);
  if (faults.has("no-block-stop")) drop_block_stops(script);
  std::vector<SseEvent> out;
  for (auto& event : script.prologue) out.push_back(std::move(event));
  append_blocks(script, faults.has("interleaved"), out);
  if (faults.has("wrong-order")) move_message_delta_early(script, out);
  append_epilogue(script, faults, out);
  return out;
}

}  // namespace ac::sim
