#include "stream/stream_timing.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace ac {

namespace {
// The latest time in a ring of increasing times that is before `limit`, or 0 (the request).
double latest_before(const double* ring, std::size_t count, std::size_t size, double limit) {
  for (std::size_t i = 0; i < count && i < size; ++i) {
    double t = ring[(count - 1 - i) % size];
    if (t < limit) return t;
  }
  return 0;
}

std::string ms(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.0f ms", v);
  return buf;
}
}  // namespace

void StreamTiming::on_bytes(double at_ms) {
  if (!any_bytes_) first_byte_ = at_ms;
  if (!any_bytes_ || at_ms != last_byte_) byte_ring_[byte_ring_count_++ % kRing] = at_ms;
  any_bytes_ = true;
  last_byte_ = at_ms;
}

void StreamTiming::on_event(double at_ms, bool content) {
  if (!any_event_) {
    first_event_ = at_ms;
  } else {
    max_gap_ = std::max(max_gap_, at_ms - last_event_);
  }
  if (content) {
    if (content_ == 0) {
      first_content_ = at_ms;
      // The silence ends at the first content delta; it began at the last event or byte that
      // arrived clearly earlier (outside the burst), or at the request itself (time 0).
      double limit = at_ms - rule_.max_spread_ms;
      double start = std::max(latest_before(ring_, ring_count_, kRing, limit),
                              latest_before(byte_ring_, byte_ring_count_, kRing, limit));
      silence_before_content_ = at_ms - start;
    }
    last_content_ = at_ms;
    ++content_;
  }
  ring_[ring_count_ % kRing] = at_ms;
  ++ring_count_;
  any_event_ = true;
  last_event_ = at_ms;
  if (!any_bytes_) on_bytes(at_ms);
}

void StreamTiming::judge(const std::map<std::string, double>& bounds, bool require_incremental,
                         FindingCollector& out) const {
  const BufferedRule& rule = rule_;
  for (const auto& [key, max] : bounds) {
    double value = 0;
    bool measured = true;
    if (key == "first_byte") value = first_byte_, measured = any_bytes_;
    else if (key == "first_event") value = first_event_, measured = any_event_;
    else if (key == "first_content") value = first_content_, measured = content_ > 0;
    else if (key == "max_gap") value = max_gap_, measured = any_event_;
    else if (key == "total") value = last_byte_, measured = any_bytes_;
    else {
      Finding f;
      f.check = "stream-timing";
      f.severity = Severity::Warning;
      f.message = "unknown timing bound `" + key + "` (known: first_byte, first_event, first_content, max_gap, total)";
      out.add("timing-unknown:" + key, f);
      continue;
    }
    Finding f;
    f.check = "stream-timing";
    f.pointer = "/timings/" + key + "_ms";
    f.expected = "<= " + ms(max);
    if (!measured) {
      f.actual = "never";
      f.message = "the case bounds " + key + " at " + ms(max) + " but it never happened";
      out.add("timing:" + key, f);
    } else if (value > max) {
      f.actual = ms(value);
      f.message = key + " took " + ms(value) + ", over the case's bound of " + ms(max);
      out.add("timing:" + key, f);
    }
  }
  if (require_incremental && content_ >= rule.min_deltas && last_content_ - first_content_ <= rule.max_spread_ms &&
      silence_before_content_ >= rule.min_silence_ms) {
    Finding f;
    f.check = "stream-timing";
    f.pointer = "/timings/first_content_ms";
    f.expected = "content deltas spread over time";
    f.actual = std::to_string(content_) + " deltas within " + ms(last_content_ - first_content_);
    f.message = "the stream was buffered: " + std::to_string(content_) + " content deltas arrived within " +
                ms(last_content_ - first_content_) + " after " + ms(silence_before_content_) +
                " of silence; a real client sees no streaming";
    if (silence_before_content_ < rule.breaking_silence_ms) {
      f.severity = Severity::Warning;
      f.message += " (a warning under " + ms(rule.breaking_silence_ms) +
                   " of silence: a busy machine can delay reading a paced stream that long)";
    }
    out.add("timing:buffered", f);
  }
}

}  // namespace ac
