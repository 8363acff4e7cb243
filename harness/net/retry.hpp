#pragma once
#include <chrono>
#include <optional>
#include <random>
#include <string>

#include "model/header.hpp"
#include "net/transport.hpp"

namespace ac {

// 429 (rate limited), 503 (unavailable) and 529 (overloaded) say "try again later"; nothing else
// is retried, so that a conformance failure is never hidden by a second chance.
bool is_retryable_status(int status);

// The wait a response asks for, in seconds: `retry-after-ms` (milliseconds) first, then
// `retry-after` as delta-seconds or an HTTP-date (relative to `now`). nullopt when absent or
// unreadable; never negative.
std::optional<double> requested_retry_delay(const Headers& headers, std::time_t now);

// Exponential backoff before retry number `retry` (0 for the first retry): base·2^retry, capped at
// max_delay_s, then spread by ±jitter so that many clients do not come back in lockstep.
double backoff_delay(const RetryPolicy& policy, int retry, std::mt19937& random);

// What to do after an attempt answered with a retryable status.
struct RetryDecision {
  bool retry = false;
  double delay_s = 0;
  std::string note;  // why it was not retried, when that needs saying
};

// `retries_done`: how many retries were already made for this request.
RetryDecision decide_retry(const RetryPolicy& policy, int status, const Headers& headers, int retries_done,
                           std::time_t now, std::mt19937& random);

// "2", "0.5", "1.25": seconds as a person writes them in a sentence.
std::string format_seconds(double seconds);

}  // namespace ac
