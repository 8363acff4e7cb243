#pragma once
#include <cstddef>
#include <map>
#include <string>

#include "stream/finding_collector.hpp"

namespace ac {

// When is a stream "buffered": several content deltas arriving together after a long silence.
struct BufferedRule {
  std::size_t min_deltas = 4;   // fewer content deltas prove nothing
  double max_spread_ms = 10;    // all of them within this window...
  double min_silence_ms = 200;  // ...after at least this much silence
  // Below this much silence the finding is a warning: a reader on a loaded machine can be kept
  // off the CPU for a few hundred ms and then read a well-paced stream in one go. A buffering
  // proxy in front of a real model holds back a second or more.
  double breaking_silence_ms = 750;
};

// Arrival times of one stream, kept in constant memory.
class StreamTiming {
 public:
  explicit StreamTiming(BufferedRule rule = {}) : rule_(rule) {}
  void on_bytes(double at_ms);
  void on_event(double at_ms, bool content);

  double first_byte_ms() const { return first_byte_; }
  double first_event_ms() const { return first_event_; }
  double first_content_ms() const { return first_content_; }
  double max_gap_ms() const { return max_gap_; }
  double total_ms() const { return last_byte_; }
  std::size_t content_events() const { return content_; }

  // Checks the case's bounds (keys first_byte, first_event, first_content, max_gap, total) and,
  // when `require_incremental`, that the stream was not buffered.
  void judge(const std::map<std::string, double>& bounds, bool require_incremental, FindingCollector& out) const;

 private:
  static constexpr std::size_t kRing = 16;
  bool any_bytes_ = false, any_event_ = false;
  double first_byte_ = 0, last_byte_ = 0;
  double first_event_ = 0, last_event_ = 0, max_gap_ = 0;
  double first_content_ = 0, last_content_ = 0;
  double silence_before_content_ = 0;
  std::size_t content_ = 0;
  double ring_[kRing] = {};  // the last event times, to measure the silence before the first content
  std::size_t ring_count_ = 0;
  // The last arrival times of bytes: a server writing slowly (one byte per write) is not silent
  // even while no event completes, so it must not look buffered.
  double byte_ring_[kRing] = {};
  std::size_t byte_ring_count_ = 0;
  BufferedRule rule_;
};

}  // namespace ac
