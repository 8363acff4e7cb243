#pragma once
#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include <rapidjson/document.h>

#include "schema/registry.hpp"
#include "model/case.hpp"
#include "model/diagnostic.hpp"
#include "model/exchange.hpp"
#include "model/finding.hpp"
#include "stream/grammar.hpp"
#include "stream/stream_timing.hpp"

namespace ac {

struct StreamJudgeOptions {
  std::size_t max_event_bytes = 1 << 20;  // an event over it is a finding, skipped unbuffered
  std::size_t record_events = 200;        // events kept (with arrival times) for reports
  bool judge_timing = true;               // false for files: no arrival times to judge
  // Added beyond the first contract:
  std::size_t record_data_bytes = 4096;   // each recorded event's data is cut here
  std::size_t max_findings = 200;         // a systematically broken stream is summarised
  std::size_t max_folded_text_bytes = 16u << 20;  // text kept in the folded message (100x a long real answer)
  BufferedRule buffered;                  // what counts as a buffered stream
};

// Judges one event stream, fed incrementally (from the transport, or a file), against a grammar
// loaded from data, the per-event schemas it names, folding and invariants, and timing.
// Findings name the event number and name, with pointers like "/events/3/data/index"; problems
// of the folded message point under "/folded/...".
class StreamJudge {
 public:
  StreamJudge(const Grammar& grammar, const SchemaRegistry& schemas, const StreamExpectation& expect,
              StreamJudgeOptions options = {});
  ~StreamJudge();
  StreamJudge(const StreamJudge&) = delete;
  StreamJudge& operator=(const StreamJudge&) = delete;

  // Bytes as received; `at_ms` is their arrival time since the request was sent.
  void feed(const char* data, std::size_t size, double at_ms);
  // End of input; `connection_completed` is false if the transport cut it. Idempotent.
  void finish(bool connection_completed);

  const Findings& findings() const;
  const std::vector<EventRecord>& recorded_events() const;  // first N events with arrival times
  std::size_t event_count() const;
  double first_event_ms() const;
  double first_content_ms() const;
  double max_gap_ms() const;
  const rapidjson::Document& folded() const;  // the folded message (Null if none)

  // Added: the in-band error the stream ended with, e.g. "overloaded_error: Overloaded", or "".
  bool ended_with_error() const;
  const std::string& error_summary() const;
  const std::string& error_type() const;  // that error's `error.type` ("" when none or unreadable)
  bool completed() const;  // a terminal event arrived
  const StreamTiming& timing() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Every schema the grammar names must exist in the registry; problems located in the grammar.
Diagnostics check_grammar_schemas(const Grammar& grammar, const SchemaRegistry& schemas);

// `apiconform check-stream FILE`: the same parser, grammar, schemas, folding and invariants on a
// recorded transcript, without timing. An unreadable file gives one "sse" finding.
Findings judge_stream_file(const std::string& path, const Grammar& grammar, const SchemaRegistry& schemas,
                           StreamJudgeOptions options = {}, const StreamExpectation* expect = nullptr);

// Same, also returning the folded message and the event count (for a summary line).
struct StreamFileVerdict {
  Findings findings;
  std::size_t events = 0;
  bool completed = false;
  std::string error_summary;
  rapidjson::Document folded;
};
StreamFileVerdict judge_stream_file_verbose(const std::string& path, const Grammar& grammar,
                                            const SchemaRegistry& schemas, StreamJudgeOptions options = {},
                                            const StreamExpectation* expect = nullptr);

}  // namespace ac
