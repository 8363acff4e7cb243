#include "sse/sse_parser.hpp"

#include <cstring>

namespace ac {

namespace {

const unsigned char kBom[3] = {0xEF, 0xBB, 0xBF};

// Known field names are at most 5 bytes; a longer name is an unknown field, so it need not be kept.
constexpr std::size_t kMaxFieldName = 8;
// A `retry:` value longer than this cannot be a sensible number of milliseconds.
constexpr std::size_t kMaxRetryDigits = 15;

// First CR or LF in [p, end), or end. memchr is vectorised; data lines almost never hold a CR.
const char* find_eol(const char* p, const char* end) {
  const void* lf = std::memchr(p, '\n', static_cast<std::size_t>(end - p));
  const char* stop = lf ? static_cast<const char*>(lf) : end;
  const void* cr = std::memchr(p, '\r', static_cast<std::size_t>(stop - p));
  return cr ? static_cast<const char*>(cr) : stop;
}

bool all_digits(const std::string& s) {
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

}  // namespace

const char* to_string(SseProblemKind kind) {
  switch (kind) {
    case SseProblemKind::Oversize: return "oversize";
    case SseProblemKind::Unterminated: return "unterminated";
    case SseProblemKind::NoData: return "no-data";
  }
  return "unknown";
}

SseParser::SseParser(SseSink& sink, SseOptions options) : sink_(sink), options_(options) {}

void SseParser::feed(const char* data, std::size_t size, double at_ms) {
  if (finished_ || size == 0) return;
  at_ms_ = at_ms;
  const char* p = data;
  const char* end = data + size;
  // A BOM may itself be split across chunks: match it byte by byte before anything else.
  while (p < end && bom_ < 3) {
    if (static_cast<unsigned char>(*p) == kBom[bom_]) {
      ++p;
      if (++bom_ == 3) {
        bom_ = kBomSkipped;
        bytes_ += 3;
      }
      continue;
    }
    int matched = bom_;
    bom_ = kBomNone;
    const char* replay = reinterpret_cast<const char*>(kBom);
    process(replay, replay + matched);
  }
  if (p < end) process(p, end);
}

void SseParser::count(std::size_t n) {
  bytes_ += n;
  if (!in_frame_) return;
  frame_bytes_ += n;
  if (!skipping_ && frame_bytes_ > options_.max_event_bytes) {
    // Drop what was kept so memory stays bounded; the rest of the frame is only counted.
    skipping_ = true;
    data_.clear();
    name_.clear();
  }
}

void SseParser::process(const char* p, const char* end) {
  while (p < end) {
    if (after_cr_) {
      after_cr_ = false;
      if (*p == '\n') {  // the LF of a CRLF, possibly in the next chunk
        ++p;
        ++bytes_;
        continue;
      }
    }
    switch (state_) {
      case State::LineStart: {
        char c = *p;
        if (c == '\n' || c == '\r') {
          ++p;
          ++bytes_;
          after_cr_ = c == '\r';
          ++line_;
          dispatch();
          continue;
        }
        if (c == ':') {
          ++p;
          ++bytes_;
          ++comments_;
          state_ = State::Comment;
          continue;
        }
        if (!in_frame_) {
          in_frame_ = true;
          frame_line_ = line_;
          frame_offset_ = bytes_;
          frame_bytes_ = 0;
        }
        field_.clear();
        field_too_long_ = false;
        state_ = State::Field;
        continue;
      }
      case State::Field: {
        const char* q = p;
        while (q < end && *q != ':' && *q != '\n' && *q != '\r') ++q;
        std::size_t n = static_cast<std::size_t>(q - p);
        if (field_.size() + n > kMaxFieldName)
          field_too_long_ = true;
        else
          field_.append(p, n);
        count(n);
        p = q;
        if (p == end) return;
        if (*p == ':') {
          ++p;
          count(1);
          begin_field();
          state_ = State::ValueStart;
        } else {
          begin_field();  // a field without colon: the whole line is the name, the value is empty
          state_ = State::Value;
        }
        continue;
      }
      case State::ValueStart:
        state_ = State::Value;
        if (*p == ' ') {
          ++p;
          count(1);
        }
        continue;
      case State::Value: {
        const char* nl = find_eol(p, end);
        std::size_t n = static_cast<std::size_t>(nl - p);
        count(n);
        append_value(p, n);
        p = nl;
        if (p == end) return;
        after_cr_ = *p == '\r';
        ++p;
        count(1);
        ++line_;
        end_line();
        state_ = State::LineStart;
        continue;
      }
      case State::Comment: {
        const char* nl = find_eol(p, end);
        bytes_ += static_cast<std::size_t>(nl - p);
        p = nl;
        if (p == end) return;
        after_cr_ = *p == '\r';
        ++p;
        ++bytes_;
        ++line_;
        state_ = State::LineStart;
        continue;
      }
    }
  }
}

void SseParser::begin_field() {
  if (field_too_long_) {
    target_ = Target::Ignore;
  } else if (field_ == "data") {
    target_ = Target::Data;
    if (has_data_ && !skipping_) data_ += '\n';
    has_data_ = true;
  } else if (field_ == "event") {
    target_ = Target::Event;
    name_.clear();
    has_name_ = true;
  } else if (field_ == "id") {
    target_ = Target::Id;
    pending_id_.clear();
  } else if (field_ == "retry") {
    target_ = Target::Retry;
    retry_text_.clear();
  } else {
    target_ = Target::Ignore;
  }
}

void SseParser::append_value(const char* p, std::size_t n) {
  if (n == 0 || skipping_) return;
  switch (target_) {
    case Target::Data: data_.append(p, n); break;
    case Target::Event: name_.append(p, n); break;
    case Target::Id: pending_id_.append(p, n); break;
    case Target::Retry:
      if (retry_text_.size() + n > kMaxRetryDigits)
        retry_text_ = "x";  // too long: invalid, ignored like any non-digit value
      else
        retry_text_.append(p, n);
      break;
    case Target::Ignore: break;
  }
}

void SseParser::end_line() {
  if (target_ == Target::Id && !skipping_ && pending_id_.find('\0') == std::string::npos) last_id_ = pending_id_;
  // A frame over the cap is discarded whole, its retry too (however the bytes were chunked).
  if (target_ == Target::Retry && !skipping_ && all_digits(retry_text_)) retry_ms_ = std::stoll(retry_text_);
  target_ = Target::Ignore;
}

// A problem with the frame being read: what every kind says of it (its number, where it starts,
// its size, when it ended). Counts the frame.
SseProblem SseParser::frame_problem(SseProblemKind kind) {
  SseProblem pr;
  pr.kind = kind;
  pr.index = index_++;
  pr.line = frame_line_;
  pr.offset = frame_offset_;
  pr.size = frame_bytes_;
  pr.at_ms = at_ms_;
  return pr;
}

void SseParser::dispatch() {
  if (!in_frame_) return;  // a blank line between frames, or after comments only
  if (skipping_) {
    sink_.on_problem(frame_problem(SseProblemKind::Oversize));
  } else if (has_data_) {
    SseEvent ev;
    ev.name = name_;
    ev.data = data_;
    ev.id = last_id_;
    ev.index = index_++;
    ev.line = frame_line_;
    ev.offset = frame_offset_;
    ev.at_ms = at_ms_;
    sink_.on_event(ev);
  } else if (has_name_) {
    SseProblem pr = frame_problem(SseProblemKind::NoData);
    pr.name = name_;
    sink_.on_problem(pr);
  }
  // A frame of only id/retry/unknown fields legitimately dispatches nothing (WHATWG).
  reset_frame();
}

void SseParser::reset_frame() {
  data_.clear();
  name_.clear();
  has_data_ = false;
  has_name_ = false;
  in_frame_ = false;
  skipping_ = false;
  frame_bytes_ = 0;
}

void SseParser::finish(double at_ms) {
  if (finished_) return;
  at_ms_ = at_ms;
  if (bom_ > 0 && bom_ < 3) {  // the input was a BOM prefix only: it is text after all
    int matched = bom_;
    bom_ = kBomNone;
    const char* replay = reinterpret_cast<const char*>(kBom);
    process(replay, replay + matched);
  }
  finished_ = true;
  bool mid_line = state_ != State::LineStart && state_ != State::Comment;
  if (state_ == State::Field) begin_field();
  if (mid_line) end_line();
  if (in_frame_) {
    SseProblem pr = frame_problem(SseProblemKind::Unterminated);
    pr.name = name_;
    pr.data = data_;
    pr.has_data = has_data_;
    pr.last_line_complete = !mid_line;
    pr.oversize = skipping_;
    sink_.on_problem(pr);
  }
  reset_frame();
  state_ = State::LineStart;
}

}  // namespace ac
