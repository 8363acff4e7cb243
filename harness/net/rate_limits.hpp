#pragma once
#include <ctime>
#include <optional>
#include <string>

#include "model/header.hpp"

namespace ac {

// What one response's `anthropic-ratelimit-*` headers say about the endpoint's limits. The API
// sends {requests,tokens,input-tokens,output-tokens}-{limit,remaining,reset} on every response;
// `-reset` is an RFC 3339 time; its limits replenish continuously (a token bucket per minute).
struct RateLimitReading {
  std::optional<double> requests_per_minute;  // requests-limit
  double headroom = 1;       // the smallest remaining/limit over the four kinds (1 when unknown)
  std::string tightest;      // the kind with that headroom, e.g. "output-tokens"
  double hold_s = 0;         // a kind is exhausted (remaining 0): seconds until its reset
  std::string exhausted;     // which kind
  bool present() const { return requests_per_minute.has_value() || !tightest.empty() || !exhausted.empty(); }
};

// Below this fraction left of any limit, the pace slows.
constexpr double kLowHeadroom = 0.2;

RateLimitReading read_rate_limits(const Headers& headers, std::time_t now);

// "2026-12-04T20:31:07Z", "2026-12-04T20:31:07.250+01:00" as seconds since the epoch; nullopt when
// it is not RFC 3339.
std::optional<double> parse_rfc3339(const std::string& text);

// The pace (requests started per second, 0 = unlimited) a pool should keep after `reading`, never
// above `ceiling` (0 = none). With ample headroom: what the request limit sustains (90 % of it, as
// the bucket refills per minute), or the ceiling. Below 20 % headroom on any kind the pace slows in
// proportion, so the run drains the bucket gently instead of running into 429s.
double adapted_pace(const RateLimitReading& reading, double ceiling);

}  // namespace ac
