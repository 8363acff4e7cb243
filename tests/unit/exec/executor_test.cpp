// The executor behind a scripted transport (fake_transfers.hpp): repeats, the window, decided
// jobs, transport errors, capacity answers on every attempt, a case's own retries, known
// deviations, redaction of what comes back, a stop, the token budget and the body kept.
#include "exec/executor.hpp"

#include <gtest/gtest.h>

#include "net/stop_signal.hpp"
#include "support/run_binary.hpp"
#include "unit/exec/fake_transfers.hpp"

namespace ac {
namespace {

using testing::FakeReply;
using testing::FakeTransfers;

const SchemaRegistry& schemas() {
  static const std::unique_ptr<SchemaRegistry> registry = [] {
    Diagnostics diags;
    return SchemaRegistry::load(test::source_dir() + "/schemas", diags);
  }();
  return *registry;
}

class ExecutorTest : public ::testing::Test {
 protected:
  ExecutorTest() {
    target.provider.name = "gw";
    target.base_url = "http://gw.example";
    target.key = "sk-ant-api03-executor-test-secret-0123456789";
    redactor.add_secret(target.key);
  }

  // A case (owned by the fixture) and its job against the target, sending `id` as its body.
  Job& job(const std::string& id) {
    cases.push_back(std::make_unique<Case>());
    Case& c = *cases.back();
    c.id = id;
    c.feature = "messages.basic";
    jobs.emplace_back();
    Job& j = jobs.back();
    j.test = &c;
    j.target = &target;
    j.method = "POST";
    j.url = "http://gw.example/v1/messages";
    j.headers = {{"x-api-key", target.key}};
    j.body = "{\"case\":\"" + id + "\"}";
    j.sent.method = j.method;
    j.sent.url = j.url;
    return j;
  }

  std::vector<Result> run(ExecutorOptions options = {}) {
    Executor executor(transfers, schemas(), grammars, redactor, options);
    std::vector<Result> results;
    executor.run(jobs, [&](Result&& r) { results.push_back(std::move(r)); });
    cost = executor.cost();
    return results;
  }

  Target target;
  Redactor redactor;
  Grammars grammars;
  FakeTransfers transfers;
  std::vector<std::unique_ptr<Case>> cases;
  std::vector<Job> jobs;
  RunCost cost;
};

TEST_F(ExecutorTest, EachJobRunsRepeatTimesAndEveryRunIsAResult) {
  jobs.reserve(2);
  job("a");
  job("b");
  ExecutorOptions o;
  o.repeat = 3;
  const auto results = run(o);
  ASSERT_EQ(results.size(), 6u);
  EXPECT_EQ(transfers.requests.size(), 6u);
  std::map<std::string, std::set<int>> repeats;
  for (const auto& r : results) {
    EXPECT_EQ(r.verdict, Verdict::Pass) << r.case_id << " " << r.reason;
    repeats[r.case_id].insert(r.repeat);
  }
  EXPECT_EQ(repeats["a"], (std::set<int>{0, 1, 2}));
  EXPECT_EQ(repeats["b"], (std::set<int>{0, 1, 2}));
  for (const auto& pool : transfers.pools) EXPECT_EQ(pool, "gw") << "a provider's requests share its pool";
}

TEST_F(ExecutorTest, NoMoreThanTheWindowIsHandedToTheTransportAhead) {
  jobs.reserve(5);
  for (const char* id : {"a", "b", "c", "d", "e"}) job(id);
  ExecutorOptions o;
  o.window = 2;
  EXPECT_EQ(run(o).size(), 5u);
  EXPECT_EQ(transfers.requests.size(), 5u);
  EXPECT_EQ(transfers.most_queued, 2u);
}

TEST_F(ExecutorTest, ADecidedJobIsReportedWithoutSending) {
  jobs.reserve(1);
  Job& j = job("skipped");
  j.decided = true;
  j.verdict = Verdict::Skip;
  j.reason = "needs anthropic-version 2099-01-01";
  ExecutorOptions o;
  o.repeat = 2;
  const auto results = run(o);
  ASSERT_EQ(results.size(), 2u);
  EXPECT_TRUE(transfers.requests.empty());
  EXPECT_EQ(results[0].verdict, Verdict::Skip);
  EXPECT_EQ(results[0].reason, j.reason);
}

TEST_F(ExecutorTest, ATransportFailureIsAnErrorSayingWhy) {
  jobs.reserve(1);
  job("a");
  transfers.reply = [](const HttpRequest&) {
    FakeReply r;
    r.status = 0;
    r.error = "connection refused (gw.example:80)";
    return r;
  };
  const auto results = run();
  ASSERT_EQ(results.size(), 1u);
  EXPECT_EQ(results[0].verdict, Verdict::Error);
  EXPECT_EQ(results[0].reason, "connection refused (gw.example:80)");
}

FakeReply overloaded_on_every_attempt() {
  FakeReply r;
  r.status = 529;
  r.body = R"({"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}})";
  r.history = {{529, "", 0, 10}, {529, "", 500, 10}, {529, "", 1000, 10}};
  return r;
}

TEST_F(ExecutorTest, NoCapacityOnEveryAttemptIsAnErrorNotAFailure) {
  jobs.reserve(1);
  job("a");
  transfers.reply = [](const HttpRequest&) { return overloaded_on_every_attempt(); };
  const auto results = run();
  ASSERT_EQ(results.size(), 1u);
  EXPECT_EQ(results[0].verdict, Verdict::Error);
  EXPECT_NE(results[0].reason.find("HTTP 529 on each of 3 attempts"), std::string::npos) << results[0].reason;
  EXPECT_EQ(results[0].exchange.attempts, 3);
  ASSERT_EQ(results[0].exchange.attempt_log.size(), 3u);
  EXPECT_EQ(results[0].exchange.attempt_log[2].waited_ms, 1000);
  EXPECT_EQ(cost.of("gw").requests, 3) << "every attempt is counted";
}

TEST_F(ExecutorTest, ACaseThatExpectsTheCapacityAnswerIsJudgedAsUsual) {
  jobs.reserve(1);
  job("a").expect.status = {529};
  transfers.reply = [](const HttpRequest&) { return overloaded_on_every_attempt(); };
  const auto results = run();
  ASSERT_EQ(results.size(), 1u);
  EXPECT_EQ(results[0].verdict, Verdict::Pass) << results[0].reason;
}

TEST_F(ExecutorTest, APaddedBodyGoesToTheTransportWhole) {
  Job& j = job("big");
  j.pad_to = 70000;
  ExecutorOptions o;
  o.large_body = 1 << 16;  // a lane of its own, as a size-limit case has
  run(o);
  ASSERT_EQ(transfers.requests.size(), 1u);
  const std::string& sent = transfers.requests[0].body;
  EXPECT_EQ(sent.size(), 70000u);
  EXPECT_EQ(sent.rfind(j.body, 0), 0u) << "the JSON first";
  EXPECT_EQ(sent.find_first_not_of(' ', j.body.size()), std::string::npos) << "then spaces only";
}

TEST_F(ExecutorTest, ACasesOwnRetriesOverrideTheRunsPolicy) {
  jobs.reserve(2);
  job("plain");
  Job& own = job("own");
  cases.back()->request.retries = 0;
  cases.back()->request.retry_on = {404};
  own.test = cases.back().get();
  ExecutorOptions o;
  o.retry.max_retries = 4;
  run(o);
  ASSERT_EQ(transfers.requests.size(), 2u);
  for (const auto& request : transfers.requests) {
    if (request.body.find("plain") != std::string::npos) {
      EXPECT_FALSE(request.retry) << "the transport's own policy applies";
    } else {
      ASSERT_TRUE(request.retry);
      EXPECT_EQ(request.retry->max_retries, 0);
      EXPECT_EQ(request.retry->also_retry, std::vector<int>{404});
    }
  }
}

TEST_F(ExecutorTest, ADeclaredKnownDeviationIsKnownWhenItFailsAndFixedWhenItPasses) {
  jobs.reserve(2);
  Job& failing = job("failing");
  failing.known_reason = "answers 400";
  failing.expect.status = {200};
  Job& passing = job("passing");
  passing.known_reason = "used to answer 400";
  transfers.reply = [](const HttpRequest& request) {
    FakeReply r;
    if (request.body.find("failing") != std::string::npos) r.status = 400;
    return r;
  };
  const auto results = run();
  ASSERT_EQ(results.size(), 2u);
  for (const auto& r : results) {
    if (r.case_id == "failing") {
      EXPECT_EQ(r.verdict, Verdict::Known);
      EXPECT_EQ(r.reason, "answers 400");
    } else {
      EXPECT_EQ(r.verdict, Verdict::Pass);
      EXPECT_TRUE(r.fixed);
    }
  }
}

TEST_F(ExecutorTest, TheKeyNeverLeavesInAResultEvenWhenTheServerEchoesIt) {
  jobs.reserve(1);
  job("echo");
  const std::string key = target.key;
  transfers.reply = [key](const HttpRequest&) {
    FakeReply r;
    r.headers.push_back({"x-echo", key});
    r.body = R"({"type":"message","echo":")" + key + R"("})";
    return r;
  };
  const auto results = run();
  ASSERT_EQ(results.size(), 1u);
  EXPECT_EQ(transfers.requests[0].headers[0].value, key) << "the transport sends the key";
  const Exchange& x = results[0].exchange;
  EXPECT_EQ(x.body.find(key), std::string::npos);
  EXPECT_NE(x.body.find("[REDACTED]"), std::string::npos);
  for (const auto& h : x.response_headers) EXPECT_EQ(h.value.find(key), std::string::npos) << h.name;
}

TEST_F(ExecutorTest, AfterAStopNothingMoreIsSentAndTheRestIsNotRun) {
  jobs.reserve(3);
  for (const char* id : {"a", "b", "c"}) job(id);
  StopSignal stop;
  transfers.reply = [&stop](const HttpRequest&) {
    stop.request();  // Ctrl-C while the first reply arrives
    return FakeReply{};
  };
  ExecutorOptions o;
  o.window = 1;
  o.stop = &stop;
  const auto results = run(o);
  ASSERT_EQ(results.size(), 3u) << "every planned run has a result";
  EXPECT_EQ(transfers.requests.size(), 1u);
  int not_run = 0;
  for (const auto& r : results)
    if (r.verdict == Verdict::NotRun) {
      ++not_run;
      EXPECT_EQ(r.reason, "interrupted");
    }
  EXPECT_EQ(not_run, 2);
}

TEST_F(ExecutorTest, ACutReplyIsNotRunWithTheTransportsReason) {
  jobs.reserve(1);
  job("a");
  transfers.reply = [](const HttpRequest&) {
    FakeReply r;
    r.interrupted = true;
    r.error = "interrupted after 12 body bytes (gw.example:80)";
    return r;
  };
  const auto results = run();
  ASSERT_EQ(results.size(), 1u);
  EXPECT_EQ(results[0].verdict, Verdict::NotRun);
  EXPECT_EQ(results[0].reason, "interrupted after 12 body bytes (gw.example:80)");
  EXPECT_TRUE(results[0].findings.empty());
}

TEST_F(ExecutorTest, OnceTheTokenBudgetIsSpentNoCaseStarts) {
  jobs.reserve(3);
  for (const char* id : {"a", "b", "c"}) job(id);
  transfers.reply = [](const HttpRequest&) {
    FakeReply r;
    r.body = R"({"type":"message","usage":{"input_tokens":40,"output_tokens":20}})";
    return r;
  };
  ExecutorOptions o;
  o.window = 1;
  o.token_budget = 50;
  const auto results = run(o);
  ASSERT_EQ(results.size(), 3u);
  EXPECT_EQ(transfers.requests.size(), 1u);
  EXPECT_TRUE(cost.budget_reached);
  EXPECT_EQ(cost.not_run, 2);
  EXPECT_EQ(cost.tokens(), 60);
  int not_run = 0;
  for (const auto& r : results)
    if (r.verdict == Verdict::NotRun) {
      ++not_run;
      EXPECT_NE(r.reason.find("token budget of 50"), std::string::npos) << r.reason;
    }
  EXPECT_EQ(not_run, 2);
}

TEST_F(ExecutorTest, TheBodyKeptIsCutOnACharacterBoundary) {
  jobs.reserve(1);
  job("big");
  transfers.reply = [](const HttpRequest&) {
    FakeReply r;
    // 26 bytes, 73 more, then an é across bytes 99 and 100: a cut at 100 would split it.
    r.body = "{\"type\":\"message\",\"text\":\"" + std::string(73, 'x') + "\xC3\xA9" + std::string(200, 'y') + "\"}";
    return r;
  };
  ExecutorOptions o;
  o.max_body_kept = 100;
  const auto results = run(o);
  ASSERT_EQ(results.size(), 1u);
  EXPECT_EQ(results[0].exchange.body.size(), 99u);
  EXPECT_TRUE(results[0].exchange.body_truncated);
  EXPECT_EQ(results[0].exchange.body_size, 303u);
  EXPECT_EQ(results[0].verdict, Verdict::Pass) << "judged on the whole body";
}

// A two-step case: step 1 creates a batch and captures its id, step 2 reads it back.
Case& with_read_back_step(Case& c) {
  c.captures = {Capture{"batch", "/id", "", {"cases/batch.yaml", 7, 5}}};
  Step read;
  read.request.method = "GET";
  read.request.path = "/v1/messages/batches/{{batch}}";
  read.expect.where = {"cases/batch.yaml", 12, 5};
  c.later_steps.push_back(read);
  return c;
}

TEST_F(ExecutorTest, AStepCarriesWhatThePreviousOneCapturedAndTheCaseIsOneResult) {
  jobs.reserve(1);
  with_read_back_step(*cases.emplace_back(std::make_unique<Case>()));
  Job& j = job("batch");
  cases.front()->id = "batch";
  j.test = cases.front().get();
  transfers.reply = [](const HttpRequest& request) {
    FakeReply r;
    r.body = request.method == "POST" ? R"({"type":"message_batch","id":"msgbatch_7"})"
                                      : R"({"type":"message_batch","id":"msgbatch_7","processing_status":"ended"})";
    return r;
  };
  const auto results = run();
  ASSERT_EQ(transfers.requests.size(), 2u);
  EXPECT_EQ(transfers.requests[1].method, "GET");
  EXPECT_EQ(transfers.requests[1].url, "http://gw.example/v1/messages/batches/msgbatch_7");
  ASSERT_EQ(results.size(), 1u);
  EXPECT_EQ(results[0].verdict, Verdict::Pass) << results[0].reason;
  EXPECT_EQ(results[0].exchange.steps.size(), 2u);
}

TEST_F(ExecutorTest, AFailedCaptureInTheFirstStepFailsTheCaseThereAndSendsNoMore) {
  jobs.reserve(1);
  with_read_back_step(*cases.emplace_back(std::make_unique<Case>()));
  cases.front()->captures[0].where = {};  // placed by the step's expectation, as a case without one
  Job& j = job("batch");
  j.test = cases.front().get();
  j.expect.where = {"cases/batch.yaml", 3, 3};
  transfers.reply = [](const HttpRequest&) {
    FakeReply r;
    r.body = R"({"type":"message_batch"})";  // no id to capture
    return r;
  };
  const auto results = run();
  EXPECT_EQ(transfers.requests.size(), 1u);
  ASSERT_EQ(results.size(), 1u);
  EXPECT_EQ(results[0].verdict, Verdict::Fail);
  ASSERT_FALSE(results[0].findings.empty());
  const Finding& f = results[0].findings.back();
  EXPECT_EQ(f.check, "capture");
  EXPECT_NE(f.message.find("not sent"), std::string::npos) << f.message;
  EXPECT_EQ(f.where.file, "cases/batch.yaml") << "placed at the first step's expectation";
  EXPECT_EQ(f.where.line, 3);
}

}  // namespace
}  // namespace ac
