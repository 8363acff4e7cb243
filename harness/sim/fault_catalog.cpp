#include "sim/fault_catalog.hpp"

#include "sim/simulator.hpp"
#include "util/join.hpp"

namespace ac::sim {

const std::vector<FaultInfo>& fault_catalog() {
  static const std::vector<FaultInfo> kFaults = {
      {"data-only", "frames carry only `data:` lines, no `event:` names", false},
      {"openai-chunks", "an OpenAI chat.completion.chunk stream (data-only) ending in `data: [DONE]`", false},
      {"no-message-stop", "the stream ends without `message_stop`", false},
      {"no-block-stop", "`content_block_stop` events are never sent", false},
      {"wrong-order", "`message_delta` is sent before the last content block is closed", false},
      {"index-gap", "the last content block's index is one higher than its position (0, 2, ...)", false},
      {"interleaved", "the second content block starts before the first one stops", false},
      {"wrong-delta-type", "the first block gets deltas of another block type (text <-> input_json_delta)", false},
      {"invalid-partial-json", "a tool_use block's `partial_json` pieces join into invalid JSON (needs a tool_use reply)", false},
      {"zero-usage", "usage reports 0 input and output tokens, in message_start and message_delta", false},
      {"wrong-content-type", "the stream is served as `application/json`", false},
      {"events-after-stop", "a `ping` and another `message_delta` follow `message_stop`", false},
      {"cut", "the connection is cut mid-stream (no chunked terminator)", false},
      {"stall", "sending stops mid-stream while the connection stays open", false},
      {"buffered", "the whole stream is held back, then sent in one write (default after 1000 ms)", false},
      {"name-mismatch", "`content_block_delta` events are named after their delta type (`event: text_delta`)", false},
      {"non-json", "the first `content_block_delta` carries plain text instead of JSON", false},
      {"crlf", "valid: lines end with CRLF", true},
      {"comments", "valid: SSE comment lines before and inside every event", true},
      {"byte-writes", "valid: the stream is written one byte per write", true},
      {"no-pings", "valid: no `ping` events", true},
      {"padded-json", "valid: JSON objects padded with spaces before the final `}`, as the real API does", true},
  };
  return kFaults;
}

std::optional<std::string> FaultSet::add(const std::string& name) {
  for (const auto& fault : fault_catalog()) {
    if (name == fault.name) {
      names_.insert(name);
      return std::nullopt;
    }
  }
  std::string known;
  for (const auto& fault : fault_catalog()) append_joined(known, ", ", fault.name);
  return "unknown fault '" + name + "' (known: " + known + ")";
}

std::optional<std::string> FaultSet::add_list(const std::string& comma_separated) {
  std::size_t start = 0;
  while (start <= comma_separated.size()) {
    auto comma = comma_separated.find(',', start);
    if (comma == std::string::npos) comma = comma_separated.size();
    std::string name = comma_separated.substr(start, comma - start);
    auto first = name.find_first_not_of(" \t");
    if (first != std::string::npos) {
      name = name.substr(first, name.find_last_not_of(" \t") - first + 1);
      if (auto error = add(name)) return error;
    }
    start = comma + 1;
  }
  return std::nullopt;
}

std::vector<std::pair<std::string, std::string>> list_faults() {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& fault : fault_catalog()) out.emplace_back(fault.name, fault.description);
  return out;
}

}  // namespace ac::sim
