#pragma once
#include <optional>
#include <string>

namespace ac::sim {

// What a case scripts its upstream to answer (the case file's `upstream:`, handed over as JSON
// text; docs/upstream.md, "Scripts"). Words are OpenAI's (finish_reason, prompt_tokens) whatever
// the dialect: the dialect file maps them.
struct UpstreamReplyScript {
  std::optional<std::string> text;    // absent: the dialect's default (none with a tool call)
  std::string tool_name;              // empty: no tool call
  std::string tool_arguments = "{}";  // JSON text, sent as the call's arguments string
  std::string finish_reason;          // empty: stop, or tool_calls with a tool call
  std::optional<long> prompt_tokens;  // absent: the dialect's default
  std::optional<long> completion_tokens;
};

enum class FaultKind { none, status, unreachable, stall, cut, malformed };

struct UpstreamFaultScript {
  FaultKind kind = FaultKind::none;
  int status = 0;                     // kind status: the HTTP status (a named error brings its own)
  std::string error;                  // a named error of the dialect ("overloaded")
  std::optional<double> retry_after;  // seconds, as the retry-after header
  long after_chunks = 1;              // kind cut: stream writes sent before the cut
  double stall_ms = 30000;            // kind stall: silence before the first byte
  long times = -1;                    // the first N forwarded requests get the fault, later ones the reply; -1 = all
};

struct UpstreamScript {
  UpstreamReplyScript reply;
  bool has_reply = false;  // `reply:` was written (else the dialect's default behaviour)
  UpstreamFaultScript fault;
};

// Reads the JSON text of a case's `upstream:` (the loader has checked its shape); "" = no script.
// Returns an error message for JSON it cannot read.
std::optional<std::string> parse_upstream_script(const std::string& json, UpstreamScript& out);

const char* to_string(FaultKind kind);

}  // namespace ac::sim
