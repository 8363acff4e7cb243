// User story: pointed at a paid endpoint, a run says what it spent, stops starting cases at a
// token budget, cancels the batches it created, and sends large bodies one at a time.
#include <gtest/gtest.h>

#include "e2e_helpers.hpp"
#include "support/local_server.hpp"

namespace ac::test {
namespace {

const char* kMessage =
    R"({"id":"msg_1","type":"message","role":"assistant","model":"m","content":[{"type":"text","text":"hi"}],)"
    R"("stop_reason":"end_turn","stop_sequence":null,"usage":{"input_tokens":11,"output_tokens":7}})";

std::string numbered_cases(int n, const std::string& extra_request = "") {
  std::string yaml = "cases:\n";
  for (int i = 0; i < n; ++i)
    yaml += "- id: probe.c" + std::to_string(i) +
            "\n  feature: messages.basic\n  request:\n    endpoint: messages\n" + extra_request +
            "    json: {model: \"{{model}}\", max_tokens: 8, messages: [{role: user, content: hi}]}\n"
            "  expect: {status: 200}\n";
  return yaml;
}

ProcessResult run_at(const LocalServer& server, const TempDir& dir, std::vector<std::string> extra) {
  std::vector<std::string> args = {"run", "--base-url", server.base_url(), "--key-env", "E2E_KEY", "--cases",
                                   dir.file("cases"), "--out", dir.file("out"), "--no-progress", "--no-preflight"};
  args.insert(args.end(), extra.begin(), extra.end());
  return run_apiconform(args, {{"E2E_KEY", "sk-e2e-cost-key-0000000000"}});
}

TEST(Cost, TokensAndRequestsAreCountedPerProvider) {
  LocalServer server(Script::json(200, kMessage));
  TempDir dir;
  dir.write("cases/c.yaml", numbered_cases(3));
  ProcessResult r = run_at(server, dir, {});
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  ResultsFile file = read_results_or_fail(dir.file("out/results.json"));
  ASSERT_EQ(file.cost.providers.size(), 1u);
  const ProviderCost& c = file.cost.providers[0];
  EXPECT_EQ(c.provider, "custom");
  EXPECT_EQ(c.requests, 3);
  EXPECT_EQ(c.input_tokens, 33);
  EXPECT_EQ(c.output_tokens, 21);
  EXPECT_NE(r.out.find("spent at custom: 3 requests, 33 input tokens, 21 output tokens"), std::string::npos) << r.out;
}

TEST(Cost, ThePreflightAndStreamsCountToo) {
  TempDir dir;
  ProcessResult r = run_apiconform(
      {"run", "--case", "stream.text", "--out", dir.file("out"), "--no-progress", "--format", "md"});
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  ResultsFile file = read_results_or_fail(dir.file("out/results.json"));
  ASSERT_EQ(file.cost.providers.size(), 1u);
  const ProviderCost& c = file.cost.providers[0];
  // Every case sent one request, and the preflight its message and the models list.
  EXPECT_EQ(c.requests, static_cast<long long>(file.results.size()) + 2);
  EXPECT_GT(c.input_tokens, 0);
  EXPECT_GT(c.output_tokens, 0);
  EXPECT_NE(read_file(dir.file("out/report.md")).find("input tokens"), std::string::npos);
}

TEST(Cost, ATokenBudgetStopsStartingCases) {
  LocalServer server(Script::json(200, kMessage));  // 18 tokens a reply
  TempDir dir;
  dir.write("cases/c.yaml", numbered_cases(10));
  ProcessResult r = run_at(server, dir, {"--token-budget", "30", "--jobs", "1"});
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  ResultsFile file = read_results_or_fail(dir.file("out/results.json"));
  const int sent = server.request_count();
  EXPECT_GE(sent, 2);  // 18 < 30 after the first: the run goes on
  EXPECT_LT(sent, 10);
  int not_run = 0;
  for (const auto& result : file.results)
    if (result.verdict == Verdict::NotRun && result.reason.rfind("not run: the token budget of 30 was reached", 0) == 0)
      ++not_run;
  EXPECT_EQ(not_run, 10 - sent);
  EXPECT_TRUE(file.cost.budget_reached);
  EXPECT_EQ(file.cost.not_run, 10 - sent);
  EXPECT_NE(r.out.find("TOKEN BUDGET: the token budget of 30 tokens was reached"), std::string::npos) << r.out;
}

const char* kBatchCase = R"(id: probe.batch-create
feature: messages.batches
request:
  method: POST
  endpoint: batches
  json: {requests: [{custom_id: a, params: {model: "{{model}}", max_tokens: 8, messages: [{role: user, content: hi}]}}]}
expect: {status: 200}
)";

LocalServer::Handler batch_server(int cancel_status) {
  return [cancel_status](const RecordedRequest& request) {
    if (request.path == "/v1/messages/batches/msgbatch_e2e/cancel")
      return Script::json(cancel_status,
                          R"({"id":"msgbatch_e2e","type":"message_batch","processing_status":"canceling"})");
    return Script::json(200, R"({"id":"msgbatch_e2e","type":"message_batch","processing_status":"in_progress"})");
  };
}

int cancels(const LocalServer& server) {
  int n = 0;
  for (const auto& r : server.requests()) n += r.method == "POST" && r.path == "/v1/messages/batches/msgbatch_e2e/cancel";
  return n;
}

TEST(Cleanup, ABatchTheRunCreatedIsCanceledWhenItEnds) {
  LocalServer server(batch_server(200));
  TempDir dir;
  dir.write("cases/batch.yaml", kBatchCase);
  ProcessResult r = run_at(server, dir, {});
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_EQ(cancels(server), 1);
  ResultsFile file = read_results_or_fail(dir.file("out/results.json"));
  ASSERT_EQ(file.cost.providers.size(), 1u);
  EXPECT_EQ(file.cost.providers[0].batches_canceled, 1);
  EXPECT_EQ(file.cost.providers[0].requests, 2);  // the case and the clean-up
  EXPECT_NE(r.out.find("canceled 1 batch it created"), std::string::npos) << r.out;
}

TEST(Cleanup, ABatchThatCouldNotBeCanceledIsNamedWithTheWayToCancelIt) {
  LocalServer server(batch_server(404));
  TempDir dir;
  dir.write("cases/batch.yaml", kBatchCase);
  ProcessResult r = run_at(server, dir, {"--retries", "0"});
  EXPECT_EQ(cancels(server), 1);
  ResultsFile file = read_results_or_fail(dir.file("out/results.json"));
  ASSERT_EQ(file.cost.providers.size(), 1u);
  EXPECT_EQ(file.cost.providers[0].cleanup_failed, 1);
  EXPECT_NE(r.out.find("LEFT RUNNING custom: could not cancel batch msgbatch_e2e (HTTP 404"), std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("POST " + server.base_url() + "/v1/messages/batches/msgbatch_e2e/cancel"), std::string::npos);
}

TEST(Cleanup, TheSuitesBatchCasesLeaveNothingRunningOnTheSimulator) {
  TempDir dir;
  ProcessResult r =
      run_apiconform({"run", "--feature", "messages.batches", "--out", dir.file("out"), "--no-progress"});
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  ResultsFile file = read_results_or_fail(dir.file("out/results.json"));
  ASSERT_EQ(file.cost.providers.size(), 1u);
  EXPECT_EQ(file.cost.providers[0].cleanup_failed, 0);
  EXPECT_GE(file.cost.providers[0].batches_canceled, 1) << r.out;
}

Script slow_ok() {
  return Script().pause(200).send(
      "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}");
}

TEST(LargeBodies, GoOneAtATimeWhileSmallOnesOverlap) {
  LocalServer server([](const RecordedRequest&) { return slow_ok(); });
  TempDir dir;
  dir.write("cases/large.yaml", numbered_cases(3, "    pad_to: 1200000\n"));
  ProcessResult r = run_at(server, dir, {"--jobs", "8"});
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_EQ(server.request_count(), 3);
  EXPECT_EQ(server.max_in_flight(), 1);

  LocalServer small([](const RecordedRequest&) { return slow_ok(); });
  TempDir other;
  other.write("cases/small.yaml", numbered_cases(3));
  ProcessResult s = run_at(small, other, {"--jobs", "8"});
  EXPECT_EQ(s.exit_code, 0) << s.out << s.err;
  EXPECT_GT(small.max_in_flight(), 1) << "small bodies are not serialised";
}

}  // namespace
}  // namespace ac::test
