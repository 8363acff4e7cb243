#pragma once
#include <string>
#include <vector>

#include <rapidjson/document.h>

#include "sim/reply.hpp"

namespace ac::sim {

struct SseEvent {
  std::string name;          // the `event:` line; empty = a data-only frame
  rapidjson::Document data;  // the `data:` JSON
  std::string raw;           // when set, sent as the data verbatim instead of `data`
};

// The events of one streamed reply, grouped so faults can reorder whole blocks.
struct StreamScript {
  std::vector<SseEvent> prologue;                 // message_start, ping
  std::vector<std::vector<SseEvent>> blocks;      // per block: start, deltas..., stop
  std::vector<SseEvent> epilogue;                 // message_delta, message_stop
};

// The real API's event sequence for `reply` (reference §5): message_start (stop_reason null,
// output_tokens 1), a ping before the first block and one inside it, text in two-word
// text_deltas, tool input as input_json_delta pieces of 6 bytes after an empty first one,
// thinking in thinking_deltas then one signature_delta, message_delta with the final
// stop_reason/stop_sequence/usage, message_stop.
StreamScript build_stream_script(const Reply& reply);

// Splits the text of `text` into pieces of `words_per_piece` words; spaces stay with the
// following word, so the pieces concatenate to the original.
std::vector<std::string> split_words(const std::string& text, std::size_t words_per_piece);

// Splits `text` into pieces of about `size` bytes, never inside a UTF-8 sequence.
std::vector<std::string> split_bytes(const std::string& text, std::size_t size);

SseEvent make_event(const std::string& name);  // data = {"type": name}

}  // namespace ac::sim
