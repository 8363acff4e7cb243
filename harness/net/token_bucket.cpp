#include "net/token_bucket.hpp"

#include <algorithm>

namespace ac {

TokenBucket::TokenBucket(double rate_per_s, double capacity, Clock::time_point now)
    : rate_(rate_per_s), capacity_(std::max(1.0, capacity)), tokens_(capacity_), updated_(now) {}

void TokenBucket::refill(Clock::time_point now) {
  if (now <= updated_) return;
  double elapsed = std::chrono::duration<double>(now - updated_).count();
  tokens_ = std::min(capacity_, tokens_ + elapsed * rate_);
  updated_ = now;
}

bool TokenBucket::try_take(Clock::time_point now) {
  if (!limited()) return true;
  refill(now);
  if (tokens_ < 1.0) return false;
  tokens_ -= 1.0;
  return true;
}

void TokenBucket::set_rate(double rate_per_s, Clock::time_point now) {
  if (limited()) {
    refill(now);
  } else {
    tokens_ = capacity_;
    updated_ = now;
  }
  rate_ = std::max(0.0, rate_per_s);
}

TokenBucket::Clock::time_point TokenBucket::next_token(Clock::time_point now) {
  if (!limited()) return now;
  refill(now);
  if (tokens_ >= 1.0) return now;
  auto wait = std::chrono::duration<double>((1.0 - tokens_) / rate_);
  return now + std::chrono::duration_cast<Clock::duration>(wait) + std::chrono::microseconds(1);
}

}  // namespace ac
