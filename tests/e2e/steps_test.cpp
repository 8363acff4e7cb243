// User story: a case follows one object through several requests (create a batch, then read it
// by the id the first reply gave); when a step cannot go on, the rest are not sent and the
// report says why.
#include <gtest/gtest.h>

#include "e2e_helpers.hpp"
#include "support/local_server.hpp"

namespace ac::test {
namespace {

const char* kStepsCase = R"(id: probe.steps
feature: messages.batches
steps:
  - request:
      endpoint: batches
      json: {requests: [{custom_id: one, params: {model: "{{model}}", max_tokens: 8, messages: [{role: user, content: hi}]}}]}
    expect: {status: 200}
    capture: {batch_id: /id, total: /request_counts/processing, rid: "header:request-id"}
  - request:
      path: "{{paths.batches}}/{{batch_id}}/cancel"
      method: POST
      headers: {x-previous-request: "{{rid}}"}
      json: {id: "{{batch_id}}", total: "{{total}}"}
    expect:
      status: 200
      json: {/id: "{{batch_id}}"}
  - request:
      path: "{{paths.batches}}/{{batch_id}}/results"
    expect:
      status: 200
      lines: {count: 1}
)";

class RunSteps : public ::testing::Test {
 protected:
  ProcessResult run(LocalServer& server) {
    dir_.write("cases/steps.yaml", kStepsCase);
    return run_apiconform({"run", "--base-url", server.base_url(), "--key-env", "E2E_KEY", "--cases",
                           dir_.file("cases"), "--out", dir_.file("out"), "--no-progress", "--no-preflight", "--retries", "0"},
                          {{"E2E_KEY", "sk-e2e-steps-key-00000000"}});
  }
  Result result() {
    file_ = read_results_or_fail(dir_.file("out/results.json"));
    const Result* r = find_result(file_, "probe.steps");
    if (!r) ADD_FAILURE() << "no result for probe.steps";
    return r ? *r : Result{};
  }
  TempDir dir_;
  ResultsFile file_;
};

TEST_F(RunSteps, CapturesCarryIntoLaterRequestsAndEveryStepIsRecorded) {
  LocalServer server([](const RecordedRequest& request) {
    if (request.path == "/v1/messages/batches")
      return Script::json(200, R"({"id":"msgbatch_42","request_counts":{"processing":3}})", {{"request-id", "req_7"}});
    if (request.path == "/v1/messages/batches/msgbatch_42/cancel") return Script::json(200, R"({"id":"msgbatch_42"})");
    return Script::reply(200, {{"Content-Type", "application/x-jsonl"}}, "{\"custom_id\":\"one\"}\n");
  });
  ProcessResult r = run(server);
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  const std::vector<RecordedRequest> seen = server.requests();
  ASSERT_EQ(seen.size(), 3u);
  EXPECT_EQ(seen[1].path, "/v1/messages/batches/msgbatch_42/cancel");
  EXPECT_EQ(seen[1].body, R"({"id":"msgbatch_42","total":3})");  // a captured number stays a number
  EXPECT_EQ(find_header(seen[1].headers, "x-previous-request").value_or(""), "req_7");
  EXPECT_EQ(seen[2].path, "/v1/messages/batches/msgbatch_42/results");
  const Result res = result();
  EXPECT_EQ(res.verdict, Verdict::Pass);
  ASSERT_EQ(res.exchange.steps.size(), 3u);  // written and read back
  EXPECT_EQ(res.exchange.steps[1].label, "step 2 (POST {{paths.batches}}/{{batch_id}}/cancel)");
  EXPECT_NE(res.exchange.steps[1].request.find("POST http://127.0.0.1:"), std::string::npos);
  EXPECT_EQ(res.exchange.steps[2].status, 200);
  EXPECT_EQ(res.exchange.request.url, server.url("/v1/messages/batches/msgbatch_42/results"));  // the last step
}

TEST_F(RunSteps, AFailedCaptureStopsTheSequenceAndSaysWhy) {
  LocalServer server(Script::json(200, R"({"type":"message_batch"})"));
  ProcessResult r = run(server);
  EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
  EXPECT_EQ(server.request_count(), 1);  // steps 2 and 3 were never sent
  const Result res = result();
  EXPECT_EQ(res.verdict, Verdict::Fail);
  ASSERT_EQ(res.findings.size(), 3u);  // /id, /request_counts/processing and the request-id header
  const Finding& f = res.findings.back();
  EXPECT_EQ(f.check, "capture");
  EXPECT_EQ(f.severity, Severity::Breaking);
  EXPECT_NE(f.message.find("step 1 (POST batches endpoint): cannot capture `rid`"), std::string::npos) << f.message;
  EXPECT_NE(f.message.find("not sent: step 2 (POST {{paths.batches}}/{{batch_id}}/cancel); step 3"), std::string::npos)
      << f.message;
  EXPECT_EQ(res.exchange.steps.size(), 1u);
  EXPECT_NE(r.out.find("cannot capture `batch_id`"), std::string::npos) << r.out;
}

TEST_F(RunSteps, ATransportFailureInAStepIsAnErrorNamingIt) {
  LocalServer server(Script::partial(200, {{"Content-Type", "application/json"}}, R"({"id":"msgbatch_1"})", 5,
                                     Script::Cut::Reset));
  server.enqueue(Script::json(200, R"({"id":"msgbatch_1","request_counts":{"processing":1}})", {{"request-id", "r"}}));
  ProcessResult r = run(server);
  EXPECT_EQ(r.exit_code, 3) << r.out << r.err;
  EXPECT_EQ(server.request_count(), 2);
  const Result res = result();
  EXPECT_EQ(res.verdict, Verdict::Error);
  EXPECT_EQ(res.reason.rfind("step 2 (POST {{paths.batches}}/{{batch_id}}/cancel): ", 0), 0u) << res.reason;
  EXPECT_NE(res.reason.find("not sent: step 3"), std::string::npos) << res.reason;
  ASSERT_EQ(res.exchange.steps.size(), 2u);
  EXPECT_FALSE(res.exchange.steps[1].transport_error.empty());
  // The console lists every step that ran with its curl line, so the failing one can be resent.
  EXPECT_NE(r.out.find("  steps:\n    step 1 (POST batches endpoint) -> 200"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("    step 2 (POST {{paths.batches}}/{{batch_id}}/cancel) -> 200: connection reset"), std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("      curl -sS -X POST '" + server.url("/v1/messages/batches/msgbatch_1/cancel")),
            std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("sk-e2e-steps-key"), std::string::npos);
}

TEST_F(RunSteps, RepeatsAreIndependentSequences) {
  int created = 0;
  LocalServer server([&created](const RecordedRequest& request) {
    if (request.path == "/v1/messages/batches")
      return Script::json(200, R"({"id":"b)" + std::to_string(++created) + R"(","request_counts":{"processing":1}})",
                          {{"request-id", "r"}});
    if (request.path.size() > 7 && request.path.substr(request.path.size() - 7) == "/cancel") {
      const std::string id = request.path.substr(21, request.path.size() - 28);
      return Script::json(200, R"({"id":")" + id + "\"}");
    }
    return Script::reply(200, {}, "{}\n");
  });
  dir_.write("cases/steps.yaml", kStepsCase);
  ProcessResult r = run_apiconform({"run", "--base-url", server.base_url(), "--key-env", "E2E_KEY", "--cases",
                                    dir_.file("cases"), "--out", dir_.file("out"), "--no-progress", "--no-preflight", "--repeat", "3"},
                                   {{"E2E_KEY", "sk-e2e-steps-key-00000000"}});
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_EQ(server.request_count(), 9);
  EXPECT_EQ(created, 3);
}

}  // namespace
}  // namespace ac::test
