// User story: the API says "overloaded" inside a stream that had already begun (HTTP 200, then an
// `event: error`). That is the API's own way of saying "try again", not a broken endpoint: the case
// is retried, and when the error persists the verdict is `error` (not judged), never `fail`.
#include <gtest/gtest.h>

#include "e2e_helpers.hpp"
#include "support/local_server.hpp"

namespace ac::test {
namespace {

const char* kStreamCase = R"(id: probe.stream
feature: streaming.basic
request:
  endpoint: messages
  headers: {x-sim-error: overloaded}
  json:
    model: "{{model}}"
    max_tokens: 32
    stream: true
    messages: [{role: user, content: "hi"}]
expect:
  status: 200
  stream: {grammar: anthropic/stream-grammar.yaml}
)";

const char* kMessageStart =
    "event: message_start\ndata: {\"type\":\"message_start\",\"message\":{\"id\":\"msg_1\",\"type\":\"message\","
    "\"role\":\"assistant\",\"model\":\"m\",\"content\":[],\"stop_reason\":null,\"stop_sequence\":null,"
    "\"usage\":{\"input_tokens\":3,\"output_tokens\":1}}}\n\n";
const char* kOverloaded =
    "event: error\ndata: {\"type\": \"error\", \"error\": {\"type\": \"overloaded_error\", \"message\": \"Overloaded\"}}\n\n";
const char* kRestOfAGoodStream =
    "event: content_block_start\ndata: {\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}\n\n"
    "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"hi\"}}\n\n"
    "event: content_block_stop\ndata: {\"type\":\"content_block_stop\",\"index\":0}\n\n"
    "event: message_delta\ndata: {\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\",\"stop_sequence\":null},"
    "\"usage\":{\"output_tokens\":2}}\n\n"
    "event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n";

Script event_stream(const std::string& body) {
  return Script::chunked(200, {{"Content-Type", "text/event-stream; charset=utf-8"}}).chunk(body).end_chunks();
}

ProcessResult run_against(const std::string& base_url, TempDir& dir, std::vector<std::string> extra = {}) {
  std::vector<std::string> args = {"run", "--base-url", base_url, "--key-env", "E2E_KEY", "--cases", dir.file("cases"),
                                   "--out", dir.file("out"), "--no-progress", "--no-preflight"};
  args.insert(args.end(), extra.begin(), extra.end());
  return run_apiconform(args, {{"E2E_KEY", "sk-e2e-transient-key-000000000"}});
}

TEST(Transients, AnInBandOverloadMidStreamIsRetriedAndTheNextAttemptJudged) {
  LocalServer server(event_stream(std::string(kMessageStart) + kRestOfAGoodStream));
  server.enqueue(event_stream(std::string(kMessageStart) + kOverloaded));
  TempDir dir;
  dir.write("cases/stream.yaml", kStreamCase);
  ProcessResult r = run_against(server.base_url(), dir);
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_EQ(server.request_count(), 2);
  ResultsFile file = read_results_or_fail(dir.file("out/results.json"));
  ASSERT_EQ(file.results.size(), 1u);
  EXPECT_EQ(file.results[0].verdict, Verdict::Pass);
  const Exchange& x = file.results[0].exchange;
  EXPECT_EQ(x.attempts, 2);
  ASSERT_EQ(x.attempt_log.size(), 2u);
  EXPECT_EQ(x.attempt_log[0].error, "in-band overloaded_error");
}

TEST(Transients, APersistentInBandOverloadIsAnErrorNotAFailure) {
  // The reference simulator answers every attempt of this case with an in-band overloaded_error.
  TempDir dir;
  dir.write("cases/stream.yaml", kStreamCase);
  ProcessResult r = run_apiconform({"run", "--cases", dir.file("cases"), "--out", dir.file("out"), "--retries", "1",
                                    "--no-progress"});
  EXPECT_EQ(r.exit_code, 3) << r.out << r.err;
  ResultsFile file = read_results_or_fail(dir.file("out/results.json"));
  ASSERT_EQ(file.results.size(), 1u);
  const Result& result = file.results[0];
  EXPECT_EQ(result.verdict, Verdict::Error);
  EXPECT_EQ(result.exchange.attempts, 2);
  EXPECT_NE(result.reason.find("the stream ended with an in-band overloaded_error (overloaded_error: "),
            std::string::npos)
      << result.reason;
  EXPECT_NE(result.reason.find("on each of 2 attempts"), std::string::npos) << result.reason;
  EXPECT_EQ(result.exchange.retry_note, "gave up after 1 retry (in-band overloaded_error each time)");
}

TEST(Transients, ACaseExpectingTheInBandErrorIsJudgedAtOnce) {
  TempDir dir;
  std::string expecting = kStreamCase;
  expecting.replace(expecting.find("grammar: anthropic/stream-grammar.yaml"), 38,
                    "grammar: anthropic/stream-grammar.yaml, error: overloaded_error");
  dir.write("cases/stream.yaml", expecting);
  ProcessResult r = run_apiconform({"run", "--cases", dir.file("cases"), "--out", dir.file("out"), "--no-progress"});
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  ResultsFile file = read_results_or_fail(dir.file("out/results.json"));
  ASSERT_EQ(file.results.size(), 1u);
  EXPECT_EQ(file.results[0].verdict, Verdict::Pass);
  EXPECT_EQ(file.results[0].exchange.attempts, 1);
}

TEST(Transients, ServerErrorsAndDroppedConnectionsAreRetried) {
  LocalServer server(Script::json(200, R"({"id":"msg_1","type":"message","role":"assistant","model":"m",)"
                                       R"("content":[{"type":"text","text":"hi"}],"stop_reason":"end_turn",)"
                                       R"("stop_sequence":null,"usage":{"input_tokens":3,"output_tokens":2}})"));
  server.enqueue(Script::json(500, R"({"type":"error","error":{"type":"api_error","message":"Internal server error"}})"));
  server.enqueue(Script().reset());
  TempDir dir;
  dir.write("cases/basic.yaml", kBasicCase);
  ProcessResult r = run_against(server.base_url(), dir);
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_EQ(server.request_count(), 3);
  ResultsFile file = read_results_or_fail(dir.file("out/results.json"));
  ASSERT_EQ(file.results.size(), 1u);
  EXPECT_EQ(file.results[0].verdict, Verdict::Pass);
  ASSERT_EQ(file.results[0].exchange.attempt_log.size(), 3u);
  EXPECT_EQ(file.results[0].exchange.attempt_log[0].status, 500);
  EXPECT_EQ(file.results[0].exchange.attempt_log[1].status, 0);
}

// A batch read right after its creation can briefly be 404 on the real API: a step that says
// `retry_on: [404]` is retried, and the later 200 is judged.
TEST(Transients, AStepRetriesTheStatusesItNames) {
  const std::string batch = R"({"id":"msgbatch_1","type":"message_batch","processing_status":"in_progress"})";
  LocalServer server(Script::json(200, batch));
  server.enqueue(Script::json(200, batch));
  server.enqueue(Script::json(404, R"({"type":"error","error":{"type":"not_found_error","message":"no"}})"));
  TempDir dir;
  dir.write("cases/fresh.yaml", R"(id: probe.fresh
feature: messages.batches
steps:
  - request: {endpoint: batches, json: {requests: []}}
    expect: {status: 200}
    capture: {batch_id: /id}
  - request: {path: "{{paths.batches}}/{{batch_id}}", retry_on: [404]}
    expect: {status: 200, json: {/id: "{{batch_id}}"}}
)");
  ProcessResult r = run_against(server.base_url(), dir);
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  // The create, the 404, the retried read; then the run cancels the batch it created.
  ASSERT_EQ(server.request_count(), 4);
  EXPECT_EQ(server.requests()[3].path, "/v1/messages/batches/msgbatch_1/cancel");
  ResultsFile file = read_results_or_fail(dir.file("out/results.json"));
  ASSERT_EQ(file.results.size(), 1u);
  EXPECT_EQ(file.results[0].verdict, Verdict::Pass);
}

}  // namespace
}  // namespace ac::test
