#pragma once
#include <optional>
#include <string>
#include <vector>

#include "sim/api_error.hpp"
#include "sim/api_surface.hpp"
#include "sim/fault_catalog.hpp"
#include "sim/reply.hpp"
#include "sim/stream_script.hpp"

namespace ac::sim {

// How one streamed answer is to be sent: steering from SimOptions and request headers.
struct StreamSettings {
  FaultSet faults;
  double pace_ms = 0;                     // delay before every event but the first
  std::optional<ApiError> error_event;    // send an in-band `error` event, then close
  long error_after = -1;                  // events sent before it; -1 = after the first delta
  double buffer_ms = 1000;                // "buffered": hold-back before the single write
  double stall_ms = 60000;                // "stall": how long to hold the connection open
  std::string request_id;                 // for the error event's request_id
  StreamFormat format = StreamFormat::anthropic;  // the dialect's stream format
};

struct StreamWrite {
  std::string bytes;
  double delay_ms = 0;  // wait before writing
};

enum class StreamEnd { finish, cut, stall };

// The bytes to send, in writes, and how the response ends.
struct StreamPlan {
  std::string content_type;
  std::vector<StreamWrite> writes;
  StreamEnd end = StreamEnd::finish;
  double stall_ms = 0;
};

// Everything from the reply to the bytes on the wire: events, faults, framing, pacing.
StreamPlan plan_stream(const Reply& reply, const StreamSettings& settings);

// The data-only OpenAI chat.completion.chunk frames for `reply` (fault "openai-chunks"),
// without the final `[DONE]`. `bare`: only id, object and choices[].delta.content, text only
// (StreamFormat::openai_chunks_bare).
std::vector<SseEvent> openai_chunk_events(const Reply& reply, bool bare = false);

}  // namespace ac::sim
