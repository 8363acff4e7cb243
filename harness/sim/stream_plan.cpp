#include "sim/stream_plan.hpp"

#include <algorithm>
#include <cstring>

#include "util/json_render.hpp"
#include "sim/stream_faults.hpp"

namespace ac::sim {
namespace {

SseEvent error_event(const ApiError& error, const std::string& request_id) {
  SseEvent event = make_event("error");
  auto& alloc = event.data.GetAllocator();
  rapidjson::Value body(rapidjson::kObjectType);
  body.AddMember("details", rapidjson::Value(), alloc);
  body.AddMember("type", rapidjson::Value(error.type.c_str(), alloc), alloc);
  body.AddMember("message", rapidjson::Value(error.message.c_str(), alloc), alloc);
  event.data.AddMember("error", body, alloc);
  event.data.AddMember("request_id", rapidjson::Value(request_id.c_str(), alloc), alloc);
  return event;
}

std::size_t default_error_position(const std::vector<SseEvent>& events) {
  for (std::size_t i = 0; i < events.size(); ++i) {
    const auto& data = events[i].data;
    auto type = data.IsObject() ? data.FindMember("type") : data.MemberEnd();
    if (data.IsObject() && type != data.MemberEnd() && type->value.IsString() &&
        std::strcmp(type->value.GetString(), "content_block_delta") == 0) {
      return i + 1;
    }
  }
  return events.empty() ? 0 : events.size() - 1;
}

// The in-band error replaces everything from its position on (reference §4.4).
void inject_error(std::vector<SseEvent>& events, const StreamSettings& settings) {
  if (!settings.error_event) return;
  std::size_t at = settings.error_after < 0 ? default_error_position(events)
                                            : static_cast<std::size_t>(settings.error_after);
  if (at < events.size()) events.resize(at);
  events.push_back(error_event(*settings.error_event, settings.request_id));
}

std::string data_text(const SseEvent& event, std::size_t position, bool padded) {
  if (!event.raw.empty()) return event.raw;
  std::string json = to_json(event.data);
  // The real API pads objects with 1-15 spaces before the closing brace.
  if (padded && !json.empty() && json.back() == '}') {
    json.insert(json.size() - 1, std::string(1 + position % 15, ' '));
  }
  return json;
}

std::string frame(const SseEvent& event, std::size_t position, const FaultSet& faults) {
  const std::string eol = faults.has("crlf") ? "\r\n" : "\n";
  const bool comments = faults.has("comments");
  std::string out;
  if (comments) out += ": apiconform simulator comment" + eol;
  if (!event.name.empty() && !faults.has("data-only")) out += "event: " + event.name + eol;
  if (comments) out += ":" + eol;
  out += "data: " + data_text(event, position, faults.has("padded-json")) + eol;
  out += eol;
  return out;
}

std::vector<SseEvent> build_events(const Reply& reply, const StreamSettings& settings) {
  const bool bare = settings.format == StreamFormat::openai_chunks_bare;
  if (settings.faults.has("openai-chunks") || settings.format != StreamFormat::anthropic) {
    auto events = openai_chunk_events(reply, bare);
    SseEvent done;
    done.raw = "[DONE]";
    events.push_back(std::move(done));
    return events;
  }
  Reply shaped = prepare_reply_for_faults(reply, settings.faults);
  auto events = apply_event_faults(build_stream_script(shaped), settings.faults);
  inject_error(events, settings);
  return events;
}

void split_into_bytes(StreamPlan& plan) {
  std::vector<StreamWrite> bytes;
  for (const auto& write : plan.writes) {
    for (std::size_t i = 0; i < write.bytes.size(); ++i) {
      bytes.push_back({std::string(1, write.bytes[i]), i == 0 ? write.delay_ms : 0});
    }
  }
  plan.writes = std::move(bytes);
}

}  // namespace

StreamPlan plan_stream(const Reply& reply, const StreamSettings& settings) {
  const FaultSet& faults = settings.faults;
  StreamPlan plan;
  plan.content_type =
      faults.has("wrong-content-type") ? "application/json" : "text/event-stream; charset=utf-8";
  auto events = build_events(reply, settings);
  std::size_t count = events.size();
  if (faults.has("cut") || faults.has("stall")) {
    // Halfway, but always after message_start and some content.
    count = std::min(count, std::max<std::size_t>(4, events.size() / 2));
    plan.end = faults.has("cut") ? StreamEnd::cut : StreamEnd::stall;
    plan.stall_ms = settings.stall_ms;
  }
  for (std::size_t i = 0; i < count; ++i) {
    plan.writes.push_back({frame(events[i], i, faults), i == 0 ? 0 : settings.pace_ms});
  }
  if (faults.has("buffered")) {
    std::string all;
    for (const auto& write : plan.writes) all += write.bytes;
    plan.writes = {{all, settings.buffer_ms}};
  }
  if (faults.has("byte-writes")) split_into_bytes(plan);
  return plan;
}

}  // namespace ac::sim
