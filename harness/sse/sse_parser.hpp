#pragma once
#include <cstddef>
#include <string>
#include <string_view>

namespace ac {

// One dispatched event. The views point into the parser's buffers and are valid only during the
// SseSink callback that receives them (the buffers are reused for the next event).
struct SseEvent {
  std::string_view name;  // the `event:` value; empty when the event had no `event:` line
  std::string_view data;  // every `data:` line of the event, joined with '\n'; a NUL byte follows it
  std::string_view id;    // last event id in force (WHATWG: it persists across events)
  std::size_t index = 0;  // 0-based position among the stream's frames (skipped frames count too)
  std::size_t line = 0;   // 1-based line where the frame began
  std::size_t offset = 0; // byte offset in the stream where the frame began
  double at_ms = 0;       // arrival time of the chunk that completed it
};

enum class SseProblemKind {
  Oversize,      // the frame exceeded max_event_bytes; it was skipped without being buffered
  Unterminated,  // the stream ended inside a frame (no blank line after it)
  NoData,        // a frame with an `event:` name but no `data:` line: WHATWG clients drop it
};

const char* to_string(SseProblemKind kind);

// A framing problem. For Unterminated, `data`/`name` hold the frame as it would have been
// dispatched (its last line taken as complete) so the caller can judge it and say so; it is
// never passed to on_event.
struct SseProblem {
  SseProblemKind kind = SseProblemKind::Unterminated;
  std::size_t index = 0;
  std::size_t line = 0;
  std::size_t offset = 0;
  std::size_t size = 0;         // bytes of the frame (for Oversize: all of it, though none was kept)
  std::string_view name;
  std::string_view data;
  bool has_data = false;        // Unterminated: the frame had at least one data line
  bool last_line_complete = true;  // Unterminated: false when the input stopped mid-line
  bool oversize = false;        // Unterminated: the frame was also over the size cap
  double at_ms = 0;
};

class SseSink {
 public:
  virtual ~SseSink() = default;
  virtual void on_event(const SseEvent& event) = 0;
  virtual void on_problem(const SseProblem& problem) = 0;
};

struct SseOptions {
  std::size_t max_event_bytes = 1 << 20;  // per frame, counting its raw lines
};

// Incremental text/event-stream parser following the WHATWG rules: LF, CRLF and CR line ends
// (a CR at the end of one chunk and LF at the start of the next are one line end), a leading
// UTF-8 BOM, comments, a field without colon, one leading space stripped from the value,
// `data` lines joined with '\n', `id` (ignored when it contains NUL) and `retry` (digits only),
// dispatch only at a blank line. Any split of the input into chunks gives the same events.
// Memory is constant apart from one frame's buffers, which the size cap bounds.
class SseParser {
 public:
  explicit SseParser(SseSink& sink, SseOptions options = {});

  void feed(const char* data, std::size_t size, double at_ms);
  // End of input; reports a frame still being assembled as Unterminated. Idempotent.
  void finish(double at_ms);

  std::size_t bytes() const { return bytes_; }
  std::size_t frames() const { return index_; }  // dispatched + reported frames
  std::size_t comments() const { return comments_; }
  long long retry_ms() const { return retry_ms_; }  // -1 when no valid `retry:` was seen
  const std::string& last_event_id() const { return last_id_; }
  bool had_bom() const { return bom_ == kBomSkipped; }

 private:
  enum class State { LineStart, Field, ValueStart, Value, Comment };
  enum class Target { Data, Event, Id, Retry, Ignore };
  static constexpr int kBomSkipped = 4;
  static constexpr int kBomNone = 5;

  void process(const char* p, const char* end);
  const char* scan_line(const char* p, const char* end, bool keep);
  void begin_field();
  void append_value(const char* p, std::size_t n);
  void end_line();
  void dispatch();
  SseProblem frame_problem(SseProblemKind kind);
  void reset_frame();
  void count(std::size_t n);

  SseSink& sink_;
  SseOptions options_;
  State state_ = State::LineStart;
  Target target_ = Target::Ignore;
  bool after_cr_ = false;
  int bom_ = 0;  // bytes of a BOM matched so far (0..3), or kBomSkipped / kBomNone
  bool finished_ = false;
  double at_ms_ = 0;

  std::string field_;   // current field name (bounded: long names are unknown fields anyway)
  bool field_too_long_ = false;
  std::string name_;
  std::string data_;
  std::string pending_id_;
  std::string retry_text_;
  std::string last_id_;
  bool has_data_ = false;
  bool has_name_ = false;
  bool in_frame_ = false;
  bool skipping_ = false;   // over the cap: the rest of the frame is counted, not kept
  std::size_t frame_bytes_ = 0;
  std::size_t frame_line_ = 0;
  std::size_t frame_offset_ = 0;

  std::size_t bytes_ = 0;
  std::size_t line_ = 1;
  std::size_t index_ = 0;
  std::size_t comments_ = 0;
  long long retry_ms_ = -1;
};

}  // namespace ac
