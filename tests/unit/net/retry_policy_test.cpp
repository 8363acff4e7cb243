#include <gtest/gtest.h>

#include "net/retry.hpp"
#include "net/token_bucket.hpp"

namespace ac {
namespace {

TEST(RetryAfter, SecondsMillisecondsAndDates) {
  std::time_t now = 1'700'000'000;
  EXPECT_EQ(requested_retry_delay({{"retry-after", "3"}}, now), 3.0);
  EXPECT_EQ(requested_retry_delay({{"Retry-After", " 1.5 "}}, now), 1.5);
  EXPECT_EQ(requested_retry_delay({{"retry-after-ms", "250"}, {"retry-after", "9"}}, now), 0.25);
  // Tue, 14 Nov 2023 22:13:20 GMT is 1'700'000'000.
  EXPECT_EQ(requested_retry_delay({{"retry-after", "Tue, 14 Nov 2023 22:13:30 GMT"}}, now), 10.0);
  EXPECT_EQ(requested_retry_delay({{"retry-after", "Tue, 14 Nov 2023 22:00:00 GMT"}}, now), 0.0);
  EXPECT_EQ(requested_retry_delay({{"retry-after", "-4"}}, now), 0.0);
  EXPECT_FALSE(requested_retry_delay({{"retry-after", "soon"}}, now));
  EXPECT_FALSE(requested_retry_delay({{"x-other", "3"}}, now));
  // An unreadable retry-after-ms falls back to retry-after.
  EXPECT_EQ(requested_retry_delay({{"retry-after-ms", "x"}, {"retry-after", "2"}}, now), 2.0);
}

TEST(Backoff, DoublesUpToTheCap) {
  RetryPolicy policy;
  policy.base_delay_s = 0.5;
  policy.max_delay_s = 3;
  policy.jitter = 0;
  std::mt19937 random(1);
  EXPECT_EQ(backoff_delay(policy, 0, random), 0.5);
  EXPECT_EQ(backoff_delay(policy, 1, random), 1.0);
  EXPECT_EQ(backoff_delay(policy, 2, random), 2.0);
  EXPECT_EQ(backoff_delay(policy, 3, random), 3.0);
  EXPECT_EQ(backoff_delay(policy, 40, random), 3.0);
}

TEST(Backoff, JitterStaysWithinItsBand) {
  RetryPolicy policy;
  policy.base_delay_s = 1;
  policy.max_delay_s = 100;
  policy.jitter = 0.2;
  std::mt19937 random(7);
  bool varied = false;
  double first = backoff_delay(policy, 2, random);
  for (int i = 0; i < 200; ++i) {
    double d = backoff_delay(policy, 2, random);
    EXPECT_GE(d, 3.2);
    EXPECT_LE(d, 4.8);
    varied = varied || d != first;
  }
  EXPECT_TRUE(varied);
}

TEST(DecideRetry, OnlyRetryableStatusesAndWithinLimits) {
  RetryPolicy policy;
  policy.max_retries = 2;
  policy.jitter = 0;
  std::mt19937 random(1);
  for (int status : {429, 500, 502, 503, 504, 529}) EXPECT_TRUE(decide_retry(policy, status, {}, 0, 0, random).retry) << status;
  for (int status : {200, 400, 401, 404, 408, 409, 413, 501}) EXPECT_FALSE(decide_retry(policy, status, {}, 0, 0, random).retry) << status;
  EXPECT_TRUE(decide_retry(policy, 429, {}, 0, 0, random).retry);
  EXPECT_TRUE(decide_retry(policy, 503, {}, 1, 0, random).retry);
  auto exhausted = decide_retry(policy, 529, {}, 2, 0, random);
  EXPECT_FALSE(exhausted.retry);
  EXPECT_EQ(exhausted.note, "gave up after 2 retries (HTTP 529 each time)");
  auto asked = decide_retry(policy, 429, {{"retry-after", "7"}}, 0, 0, random);
  EXPECT_TRUE(asked.retry);
  EXPECT_EQ(asked.delay_s, 7);
  policy.max_retries = 0;
  auto off = decide_retry(policy, 429, {}, 0, 0, random);
  EXPECT_FALSE(off.retry);
  EXPECT_EQ(off.note, "");
}

TEST(DecideRetry, ACaseMayAskForMoreStatuses) {
  RetryPolicy policy;
  std::mt19937 random(1);
  EXPECT_FALSE(decide_retry(policy, 404, {}, 0, 0, random).retry);
  policy.also_retry = {404};
  EXPECT_TRUE(decide_retry(policy, 404, {}, 0, 0, random).retry);
  EXPECT_EQ(decide_retry(policy, 404, {}, 2, 0, random).note, "gave up after 2 retries (HTTP 404 each time)");
}

TEST(DecideRetry, XShouldRetryFalseVetoesARetryableStatus) {
  RetryPolicy policy;
  std::mt19937 random(1);
  auto vetoed = decide_retry(policy, 529, {{"X-Should-Retry", "false"}}, 0, 0, random);
  EXPECT_FALSE(vetoed.retry);
  EXPECT_EQ(vetoed.note, "not retried: the server said x-should-retry: false");
  EXPECT_TRUE(decide_retry(policy, 529, {{"x-should-retry", "true"}}, 0, 0, random).retry);
}

TEST(DecideRetry, CapacityStatusesAreTheOnesThatLeaveACaseUnjudged) {
  for (int status : {429, 503, 529}) EXPECT_TRUE(is_capacity_status(status)) << status;
  for (int status : {200, 400, 500, 502, 504}) EXPECT_FALSE(is_capacity_status(status)) << status;
}

TEST(DecideTransientRetry, BacksOffWithinTheLimitThenSaysWhy) {
  RetryPolicy policy;
  policy.max_retries = 2;
  policy.base_delay_s = 0.5;
  policy.jitter = 0;
  std::mt19937 random(1);
  auto first = decide_transient_retry(policy, "in-band overloaded_error", 0, random);
  EXPECT_TRUE(first.retry);
  EXPECT_EQ(first.delay_s, 0.5);
  EXPECT_EQ(decide_transient_retry(policy, "in-band overloaded_error", 1, random).delay_s, 1.0);
  auto done = decide_transient_retry(policy, "in-band overloaded_error", 2, random);
  EXPECT_FALSE(done.retry);
  EXPECT_EQ(done.note, "gave up after 2 retries (in-band overloaded_error each time)");
  policy.max_retries = 0;
  EXPECT_FALSE(decide_transient_retry(policy, "no response", 0, random).retry);
}

TEST(FormatSeconds, ReadsLikeAPersonWroteIt) {
  EXPECT_EQ(format_seconds(2), "2");
  EXPECT_EQ(format_seconds(0.5), "0.5");
  EXPECT_EQ(format_seconds(0.3), "0.3");
  EXPECT_EQ(format_seconds(1.2345), "1.235");
  EXPECT_EQ(format_seconds(120), "120");
}

TEST(TokenBucketTest, SpacesTakesByOneOverTheRate) {
  auto t0 = TokenBucket::Clock::time_point{} + std::chrono::hours(1);
  TokenBucket bucket(4, 1, t0);  // 4 per second: one token every 250 ms
  EXPECT_TRUE(bucket.try_take(t0));
  EXPECT_FALSE(bucket.try_take(t0));
  auto next = bucket.next_token(t0);
  EXPECT_NEAR(std::chrono::duration<double>(next - t0).count(), 0.25, 0.001);
  EXPECT_FALSE(bucket.try_take(t0 + std::chrono::milliseconds(200)));
  EXPECT_TRUE(bucket.try_take(t0 + std::chrono::milliseconds(251)));
  // A long pause does not build up a burst: capacity is one.
  EXPECT_TRUE(bucket.try_take(t0 + std::chrono::seconds(10)));
  EXPECT_FALSE(bucket.try_take(t0 + std::chrono::seconds(10)));
}

TEST(TokenBucketTest, UnlimitedAlwaysGives) {
  TokenBucket bucket;
  auto now = TokenBucket::Clock::now();
  for (int i = 0; i < 100; ++i) EXPECT_TRUE(bucket.try_take(now));
  EXPECT_EQ(bucket.next_token(now), now);
}

}  // namespace
}  // namespace ac
