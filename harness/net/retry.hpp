#pragma once
#include <chrono>
#include <optional>
#include <random>
#include <string>

#include "model/header.hpp"
#include "net/transport.hpp"

namespace ac {

// 429 (rate limited), 500, 502, 503, 504 (a server or its edge failing for the moment) and 529
// (overloaded) say "try again later", as the official SDKs read them. Every attempt stays in the
// outcome's history, so a retried failure is still visible in the report.
bool is_retryable_status(int status);

// 429, 503 and 529: the endpoint had no capacity for the request. When that persists after every
// retry, the case could not be judged (verdict `error`), which is not a conformance failure.
bool is_capacity_status(int status);

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

// `retries_done`: how many retries were already made for this request. `x-should-retry: false`
// (sent by the real API, obeyed by its SDKs before any status rule) vetoes a retry.
RetryDecision decide_retry(const RetryPolicy& policy, int status, const Headers& headers, int retries_done,
                           std::time_t now, std::mt19937& random);

// After an attempt that answered nothing (a connection failure before the first byte) or that ended
// with a transient in-band error (`why`, e.g. "in-band overloaded_error"): backoff, within limits.
RetryDecision decide_transient_retry(const RetryPolicy& policy, const std::string& why, int retries_done,
                                     std::mt19937& random);

// "2", "0.5", "1.25": seconds as a person writes them in a sentence.
std::string format_seconds(double seconds);

}  // namespace ac
