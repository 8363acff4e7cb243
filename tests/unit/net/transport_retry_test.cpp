#include <gtest/gtest.h>

#include "net_test_support.hpp"
#include "support/local_server.hpp"

namespace ac::test {
namespace {

Script overloaded(int status, Headers headers = {}) {
  return Script::json(status, R"({"type":"error","error":{"type":"rate_limit_error","message":"slow down"}})",
                      std::move(headers));
}

TransportOptions with_retries(int max_retries) {
  TransportOptions options;
  options.retry = quick_retries(max_retries);
  return options;
}

TEST(TransportRetry, RetriesA429HonouringRetryAfterAndCountsAttempts) {
  LocalServer server(Script::json(200, R"({"ok":true})"));
  server.enqueue(overloaded(429, {{"retry-after", "1"}}));
  server.enqueue(overloaded(429, {{"retry-after-ms", "300"}}));
  auto done = run_one(get(server.url("/v1/messages")), with_retries(3));
  EXPECT_EQ(done.outcome.error, "");
  EXPECT_EQ(done.outcome.status, 200);
  EXPECT_EQ(done.outcome.attempts, 3);
  EXPECT_EQ(done.sink->restarts, 2);
  EXPECT_EQ(done.sink->body(), R"({"ok":true})");  // only the final attempt's body is kept
  auto requests = server.requests();
  ASSERT_EQ(requests.size(), 3u);
  EXPECT_GE(requests[1].at_ms - requests[0].at_ms, 1000);  // retry-after: 1 (seconds)
  EXPECT_GE(requests[2].at_ms - requests[1].at_ms, 300);   // retry-after-ms: 300
  ASSERT_EQ(done.outcome.history.size(), 3u);
  EXPECT_EQ(done.outcome.history[0].status, 429);
  EXPECT_DOUBLE_EQ(done.outcome.history[1].waited_ms, 1000);
  EXPECT_DOUBLE_EQ(done.outcome.history[2].waited_ms, 300);
  EXPECT_EQ(done.outcome.history[2].status, 200);
}

TEST(TransportRetry, RetryAfterAsAnHttpDate) {
  LocalServer server;
  server.enqueue(overloaded(429, {{"Retry-After", "Thu, 01 Jan 1970 00:00:00 GMT"}}));  // in the past: now
  auto out = run_one(get(server.url("/")), with_retries(2)).outcome;
  EXPECT_EQ(out.status, 200);
  EXPECT_EQ(out.attempts, 2);
  EXPECT_EQ(out.history[1].waited_ms, 0);
}

TEST(TransportRetry, OffWithZeroRetries) {
  LocalServer server(overloaded(429, {{"retry-after", "0"}}));
  auto out = run_one(get(server.url("/")), with_retries(0)).outcome;
  EXPECT_EQ(out.error, "");
  EXPECT_EQ(out.status, 429);
  EXPECT_EQ(out.attempts, 1);
  EXPECT_EQ(server.request_count(), 1);
}

TEST(TransportRetry, PerRequestPolicyOverridesTheTransport) {
  LocalServer server(overloaded(429));
  HttpRequest request = get(server.url("/"));
  request.retry = quick_retries(0);
  auto out = run_one(request, with_retries(3)).outcome;
  EXPECT_EQ(out.attempts, 1);
}

TEST(TransportRetry, Retries503And529) {
  LocalServer server;
  server.enqueue(overloaded(503));
  server.enqueue(overloaded(529));
  auto out = run_one(get(server.url("/")), with_retries(2)).outcome;
  EXPECT_EQ(out.status, 200);
  EXPECT_EQ(out.attempts, 3);
  EXPECT_EQ(server.request_count(), 3);
  EXPECT_EQ(out.history[0].status, 503);
  EXPECT_EQ(out.history[1].status, 529);
}

TEST(TransportRetry, ServerErrorsOfTheMomentAreRetried) {
  LocalServer server;
  server.enqueue(overloaded(500));
  server.enqueue(overloaded(502));
  server.enqueue(overloaded(504));
  auto out = run_one(get(server.url("/")), with_retries(3)).outcome;
  EXPECT_EQ(out.status, 200);
  EXPECT_EQ(out.attempts, 4);
  EXPECT_EQ(out.history[0].status, 500);
  EXPECT_EQ(out.history[1].status, 502);
  EXPECT_EQ(out.history[2].status, 504);
}

TEST(TransportRetry, OtherStatusesAreNotRetried) {
  for (int status : {400, 404, 413, 501}) {
    LocalServer server(overloaded(status));
    auto out = run_one(get(server.url("/")), with_retries(3)).outcome;
    EXPECT_EQ(out.status, status);
    EXPECT_EQ(out.attempts, 1) << status;
    EXPECT_EQ(out.retry_note, "");
  }
}

TEST(TransportRetry, XShouldRetryFalseIsObeyed) {
  LocalServer server(overloaded(529, {{"x-should-retry", "false"}}));
  auto out = run_one(get(server.url("/")), with_retries(3)).outcome;
  EXPECT_EQ(out.attempts, 1);
  EXPECT_EQ(out.retry_note, "not retried: the server said x-should-retry: false");
}

TEST(TransportRetry, GivesUpAfterMaxRetriesWithTheLastAnswer) {
  LocalServer server(overloaded(429));
  auto out = run_one(get(server.url("/")), with_retries(2)).outcome;
  EXPECT_EQ(out.status, 429);
  EXPECT_EQ(out.attempts, 3);
  EXPECT_EQ(server.request_count(), 3);
  EXPECT_EQ(out.retry_note, "gave up after 2 retries (HTTP 429 each time)");
}

TEST(TransportRetry, TooLongARetryAfterIsNotWaitedFor) {
  LocalServer server(overloaded(429, {{"retry-after", "120"}}));
  TransportOptions options = with_retries(2);
  options.retry.max_retry_after_s = 60;
  auto out = run_one(get(server.url("/")), options).outcome;
  EXPECT_EQ(out.attempts, 1);
  EXPECT_EQ(out.retry_note, "not retried: the server asked to wait 120 s, above the 60 s limit");
}

TEST(TransportRetry, ConnectionFailuresBeforeAnyResponseAreRetried) {
  for (Script failure : {Script().close(), Script().reset()}) {
    LocalServer server(Script::json(200, R"({"ok":true})"));
    server.enqueue(failure);
    auto out = run_one(get(server.url("/")), with_retries(2)).outcome;
    EXPECT_EQ(out.error, "");
    EXPECT_EQ(out.status, 200);
    EXPECT_EQ(out.attempts, 2);
    ASSERT_EQ(out.history.size(), 2u);
    EXPECT_EQ(out.history[0].status, 0);
    EXPECT_NE(out.history[0].error, "");
  }
}

TEST(TransportRetry, ARefusedConnectionIsRetriedThenReported) {
  HttpRequest request = get("http://127.0.0.1:9/");  // the discard port: nothing listens
  auto out = run_one(request, with_retries(2)).outcome;
  EXPECT_CONTAINS(out.error, "connection refused");
  EXPECT_EQ(out.attempts, 3);
  EXPECT_EQ(out.retry_note, "gave up after 2 retries (no response each time)");
}

TEST(TransportRetry, AResponseCutAfterItBeganIsNotRetried) {
  // Bytes arrived: the server answered, and what it answered is judged (a cut stream is a finding).
  LocalServer server(Script::partial(200, {}, std::string(500, 'x'), 120, Script::Cut::Reset));
  auto out = run_one(get(server.url("/")), with_retries(2)).outcome;
  EXPECT_NE(out.error, "");
  EXPECT_EQ(out.attempts, 1);
  EXPECT_EQ(server.request_count(), 1);
}

TEST(TransportRetry, SetUpErrorsAreNotRetried) {
  auto out = run_one(get("ftp://127.0.0.1/"), with_retries(2)).outcome;
  EXPECT_NE(out.error, "");
  EXPECT_EQ(out.attempts, 1);
}

// A sink that finds the body it was given a transient failure the first `times` attempts.
struct InBandErrorSink : RecordingSink {
  int times = 1;
  std::string transient_error() const override { return restarts < times ? "in-band overloaded_error" : ""; }
};

TEST(TransportRetry, AnInBandTransientErrorTheSinkReportsIsRetried) {
  LocalServer server(Script::json(200, R"({"ok":true})"));
  auto sink = std::make_shared<InBandErrorSink>();
  Transport transport(with_retries(2));
  TransferOutcome outcome;
  transport.submit(get(server.url("/")), sink, [&](TransferOutcome o) { outcome = std::move(o); });
  transport.run();
  EXPECT_EQ(outcome.attempts, 2);
  EXPECT_EQ(sink->restarts, 1);
  ASSERT_EQ(outcome.history.size(), 2u);
  EXPECT_EQ(outcome.history[0].status, 200);
  EXPECT_EQ(outcome.history[0].error, "in-band overloaded_error");
  EXPECT_EQ(outcome.history[1].error, "");
}

TEST(TransportRetry, APersistentInBandErrorGivesUpSayingSo) {
  LocalServer server(Script::json(200, R"({"ok":true})"));
  auto sink = std::make_shared<InBandErrorSink>();
  sink->times = 99;
  Transport transport(with_retries(2));
  TransferOutcome outcome;
  transport.submit(get(server.url("/")), sink, [&](TransferOutcome o) { outcome = std::move(o); });
  transport.run();
  EXPECT_EQ(outcome.attempts, 3);
  EXPECT_EQ(outcome.error, "");  // the transfer itself succeeded; judging it is the caller's
  EXPECT_EQ(outcome.retry_note, "gave up after 2 retries (in-band overloaded_error each time)");
}

TEST(TransportRetry, WaitingForARetryDoesNotBlockOtherTransfers) {
  LocalServer server([](const RecordedRequest& r) {
    if (r.path == "/limited") return overloaded(429, {{"retry-after-ms", "500"}});
    return Script::json(200, "{}");
  });
  TransportOptions options = with_retries(1);
  options.max_concurrency = 1;  // had the wait blocked the loop, "limited" would finish first
  Transport transport(options);
  std::vector<std::string> finished;
  // Another pool: a 429 pauses its own pool (whose other requests would be refused too), not others.
  transport.submit(get(server.url("/limited")), nullptr, [&](TransferOutcome) { finished.push_back("limited"); },
                   "limited");
  for (int i = 0; i < 3; ++i) {
    HttpRequest later = get(server.url("/free"));
    transport.submit(later, nullptr, [&](TransferOutcome) { finished.push_back("free"); }, "free");
  }
  transport.run();
  EXPECT_EQ(finished, (std::vector<std::string>{"free", "free", "free", "limited"}));
}

}  // namespace
}  // namespace ac::test
