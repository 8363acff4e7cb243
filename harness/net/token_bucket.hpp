#pragma once
#include <chrono>

namespace ac {

// Rate limit of one pool: `rate` tokens per second, holding at most `capacity` tokens. A start
// takes a token. With capacity 1 (what the transport uses) starts are spaced 1/rate s apart, the
// safest reading of a provider's "N requests per second".
class TokenBucket {
 public:
  using Clock = std::chrono::steady_clock;

  TokenBucket() = default;  // unlimited
  TokenBucket(double rate_per_s, double capacity, Clock::time_point now);

  bool limited() const { return rate_ > 0; }
  // Takes a token if one is there.
  bool try_take(Clock::time_point now);
  // A new pace (0 = unlimited) from `now` on; tokens already earned are kept.
  void set_rate(double rate_per_s, Clock::time_point now);
  double rate() const { return rate_; }
  // When the next token will be there (now if one is).
  Clock::time_point next_token(Clock::time_point now);

 private:
  void refill(Clock::time_point now);

  double rate_ = 0;
  double capacity_ = 1;
  double tokens_ = 1;
  Clock::time_point updated_{};
};

}  // namespace ac
