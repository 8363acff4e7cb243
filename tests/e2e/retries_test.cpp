// User story: a rate-limited endpoint is retried as the official SDKs do, the verdict is the
// last attempt's, and the reports say it was retried and how.
#include <gtest/gtest.h>

#include "e2e_helpers.hpp"
#include "support/local_server.hpp"

namespace ac::test {
namespace {

const char* kGoodReply =
    R"({"id":"msg_1","type":"message","role":"assistant","model":"m","content":[{"type":"text","text":"hi"}],)"
    R"("stop_reason":"end_turn","stop_sequence":null,"usage":{"input_tokens":3,"output_tokens":2}})";
const char* kRateLimited = R"({"type":"error","error":{"type":"rate_limit_error","message":"slow down"}})";

TEST(Retries, A429HonoursRetryAfterAndTheFinalAttemptIsJudged) {
  LocalServer server(Script::json(200, kGoodReply, {{"request-id", "req_1"}}));
  server.enqueue(Script::json(429, kRateLimited, {{"retry-after", "0"}}));
  server.enqueue(Script::json(529, R"({"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}})"));
  TempDir dir;
  dir.write("cases/basic.yaml", kBasicCase);
  ProcessResult r = run_apiconform({"run", "--base-url", server.base_url(), "--key-env", "E2E_KEY", "--cases",
                                    dir.file("cases"), "--out", dir.file("out"), "--format", "junit", "--no-progress", "--no-preflight"},
                                   {{"E2E_KEY", "sk-e2e-retry-key-0000000000"}});
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_EQ(server.request_count(), 3);
  ResultsFile file = read_results_or_fail(dir.file("out/results.json"));
  ASSERT_EQ(file.results.size(), 1u);
  const Exchange& x = file.results[0].exchange;
  EXPECT_EQ(file.results[0].verdict, Verdict::Pass);
  EXPECT_EQ(x.attempts, 3);
  ASSERT_EQ(x.attempt_log.size(), 3u);
  EXPECT_EQ(x.attempt_log[0].status, 429);
  EXPECT_EQ(x.attempt_log[1].status, 529);
  EXPECT_EQ(x.attempt_log[2].status, 200);
  std::string junit = read_file(dir.file("out/junit.xml"));
  EXPECT_NE(junit.find("attempt_history"), std::string::npos) << junit;
  EXPECT_NE(junit.find("429 → waited"), std::string::npos) << junit;
}

// A 429 that stays (here: retrying is off) means the endpoint had no capacity: the case could not
// be judged, which is an error of the run (exit 3), not a conformance failure.
TEST(Retries, RetriesZeroLeavesARateLimitedCaseUnjudged) {
  LocalServer server(Script::json(200, kGoodReply));
  server.enqueue(Script::json(429, kRateLimited, {{"retry-after", "0"}}));
  TempDir dir;
  dir.write("cases/basic.yaml", kBasicCase);
  ProcessResult r = run_apiconform({"run", "--base-url", server.base_url(), "--key-env", "E2E_KEY", "--cases",
                                    dir.file("cases"), "--out", dir.file("out"), "--retries", "0", "--no-progress", "--no-preflight"},
                                   {{"E2E_KEY", "sk-e2e-retry-key-0000000000"}});
  EXPECT_EQ(r.exit_code, 3) << r.out << r.err;
  EXPECT_EQ(server.request_count(), 1);
  ResultsFile file = read_results_or_fail(dir.file("out/results.json"));
  ASSERT_EQ(file.results.size(), 1u);
  EXPECT_EQ(file.results[0].exchange.status, 429);
  EXPECT_EQ(file.results[0].verdict, Verdict::Error);
  EXPECT_EQ(file.results[0].reason, "HTTP 429: the endpoint had no capacity for the request, so the case could not be judged");
}

TEST(Retries, ACaseWithRetriesZeroSeesTheStatusItProvokes) {
  LocalServer server(Script::json(200, kGoodReply));
  server.enqueue(Script::json(429, kRateLimited, {{"retry-after", "0"}}));
  TempDir dir;
  dir.write("cases/rate.yaml", R"(id: probe.rate-limit
feature: errors.rate-limit
request:
  endpoint: messages
  retries: 0
  json: {model: "{{model}}", max_tokens: 8, messages: [{role: user, content: "hi"}]}
expect:
  status: 429
  headers: {retry-after: present}
  json: {/error/type: rate_limit_error}
)");
  // --retries 2 is the run's policy; the case's own `retries: 0` wins for it.
  ProcessResult r = run_apiconform({"run", "--base-url", server.base_url(), "--key-env", "E2E_KEY", "--cases",
                                    dir.file("cases"), "--out", dir.file("out"), "--retries", "2", "--no-progress", "--no-preflight"},
                                   {{"E2E_KEY", "sk-e2e-retry-key-0000000000"}});
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_EQ(server.request_count(), 1);
  ResultsFile file = read_results_or_fail(dir.file("out/results.json"));
  ASSERT_EQ(file.results.size(), 1u);
  EXPECT_EQ(file.results[0].exchange.attempts, 1);
  EXPECT_EQ(file.results[0].verdict, Verdict::Pass);
}

}  // namespace
}  // namespace ac::test
