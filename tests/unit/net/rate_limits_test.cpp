#include <gtest/gtest.h>

#include "net/rate_limits.hpp"
#include "net/token_bucket.hpp"

namespace ac {
namespace {

// 2023-11-14T22:13:20Z
constexpr std::time_t kNow = 1'700'000'000;

TEST(Rfc3339, ReadsTheFormsTheApiSends) {
  EXPECT_EQ(parse_rfc3339("2023-11-14T22:13:20Z"), 1'700'000'000.0);
  EXPECT_EQ(parse_rfc3339("2023-11-14T22:13:30.5Z"), 1'700'000'010.5);
  EXPECT_EQ(parse_rfc3339("2023-11-14T23:13:20+01:00"), 1'700'000'000.0);
  EXPECT_EQ(parse_rfc3339("1970-01-01T00:00:00Z"), 0.0);
  EXPECT_EQ(parse_rfc3339("2024-02-29T00:00:00Z"), 1'709'164'800.0);  // a leap day
  EXPECT_FALSE(parse_rfc3339("Tue, 14 Nov 2023 22:13:20 GMT"));
  EXPECT_FALSE(parse_rfc3339("2023-11-14T22:13:20"));  // no zone
  EXPECT_FALSE(parse_rfc3339("2023-13-14T22:13:20Z"));
  EXPECT_FALSE(parse_rfc3339("soon"));
}

TEST(RateLimitHeaders, NothingToReadWithoutThem) {
  RateLimitReading r = read_rate_limits({{"content-type", "application/json"}}, kNow);
  EXPECT_FALSE(r.present());
  EXPECT_EQ(r.headroom, 1);
  EXPECT_EQ(r.hold_s, 0);
}

TEST(RateLimitHeaders, TheTightestKindAndTheRequestLimit) {
  RateLimitReading r = read_rate_limits({{"anthropic-ratelimit-requests-limit", "50"},
                                         {"anthropic-ratelimit-requests-remaining", "40"},
                                         {"anthropic-ratelimit-output-tokens-limit", "8000"},
                                         {"anthropic-ratelimit-output-tokens-remaining", "1000"},
                                         {"anthropic-ratelimit-input-tokens-limit", "30000"},
                                         {"anthropic-ratelimit-input-tokens-remaining", "29000"}},
                                        kNow);
  ASSERT_TRUE(r.present());
  EXPECT_EQ(r.requests_per_minute, 50.0);
  EXPECT_EQ(r.tightest, "output-tokens");
  EXPECT_DOUBLE_EQ(r.headroom, 0.125);
  EXPECT_EQ(r.hold_s, 0);
}

TEST(RateLimitHeaders, AUsedUpLimitHoldsUntilItsReset) {
  RateLimitReading r = read_rate_limits({{"anthropic-ratelimit-requests-limit", "50"},
                                         {"anthropic-ratelimit-requests-remaining", "3"},
                                         {"anthropic-ratelimit-tokens-limit", "38000"},
                                         {"anthropic-ratelimit-tokens-remaining", "0"},
                                         {"anthropic-ratelimit-tokens-reset", "2023-11-14T22:13:32Z"}},
                                        kNow);
  EXPECT_EQ(r.exhausted, "tokens");
  EXPECT_EQ(r.hold_s, 12);
  // A reset that is unreadable or already past still waits a second before looking again.
  EXPECT_EQ(read_rate_limits({{"anthropic-ratelimit-requests-remaining", "0"},
                              {"anthropic-ratelimit-requests-reset", "2023-11-14T22:00:00Z"}},
                             kNow).hold_s,
            1);
  EXPECT_EQ(read_rate_limits({{"anthropic-ratelimit-requests-remaining", "0"}}, kNow).hold_s, 1);
}

TEST(AdaptedPace, PlentyLeftKeepsTheCeilingOrWhatTheLimitSustains) {
  RateLimitReading r;
  EXPECT_EQ(adapted_pace(r, 0), 0);  // unlimited stays unlimited
  EXPECT_EQ(adapted_pace(r, 2), 2);
  r.requests_per_minute = 4000;  // the simulator's: 60/s sustained, far above
  r.headroom = 0.99;
  r.tightest = "requests";
  EXPECT_EQ(adapted_pace(r, 0), 0);
  EXPECT_EQ(adapted_pace(r, 10), 10);
  r.requests_per_minute = 50;  // tier 1: 0.9 * 50 / 60 = 0.75/s
  EXPECT_DOUBLE_EQ(adapted_pace(r, 10), 0.75);
  EXPECT_DOUBLE_EQ(adapted_pace(r, 0.4), 0.4);
}

TEST(AdaptedPace, LittleLeftSlowsInProportion) {
  RateLimitReading r;
  r.requests_per_minute = 50;
  r.tightest = "output-tokens";
  r.headroom = 0.1;  // half of the 20 % threshold: half the sustained pace
  EXPECT_DOUBLE_EQ(adapted_pace(r, 10), 0.375);
  r.headroom = 0;  // never stops altogether (the pause does that)
  EXPECT_DOUBLE_EQ(adapted_pace(r, 10), 0.75 * 0.05);
  RateLimitReading no_limit;  // tokens low, no request limit, unlimited pool: 1/s scaled
  no_limit.tightest = "tokens";
  no_limit.headroom = 0.1;
  EXPECT_DOUBLE_EQ(adapted_pace(no_limit, 0), 0.5);
}

TEST(TokenBucket, ANewRateKeepsWhatWasEarned) {
  using Clock = TokenBucket::Clock;
  Clock::time_point t0{};
  TokenBucket bucket(1, 1, t0);
  EXPECT_TRUE(bucket.try_take(t0));
  bucket.set_rate(10, t0);  // ten times faster: the next token in 0.1 s
  EXPECT_FALSE(bucket.try_take(t0 + std::chrono::milliseconds(50)));
  EXPECT_TRUE(bucket.try_take(t0 + std::chrono::milliseconds(110)));
  bucket.set_rate(0, t0 + std::chrono::milliseconds(110));
  EXPECT_FALSE(bucket.limited());
  EXPECT_TRUE(bucket.try_take(t0 + std::chrono::milliseconds(110)));
  bucket.set_rate(1, t0 + std::chrono::milliseconds(110));  // limited again: starts with a token
  EXPECT_TRUE(bucket.try_take(t0 + std::chrono::milliseconds(110)));
  EXPECT_FALSE(bucket.try_take(t0 + std::chrono::milliseconds(120)));
}

}  // namespace
}  // namespace ac
