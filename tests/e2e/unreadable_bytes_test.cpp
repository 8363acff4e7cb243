// User story: bytes an SDK chokes on are findings with a sentence that says what is wrong, not a
// pass, a "not JSON: Invalid value" mystery, or 8 GB read from an endless body. Local servers
// misbehave on purpose.
#include <gtest/gtest.h>

#include "e2e_helpers.hpp"
#include "support/local_server.hpp"

namespace ac::test {
namespace {

const char* kReply =
    R"({"id":"msg_1","type":"message","role":"assistant","model":"m","content":[{"type":"text","text":"hi"}],"stop_reason":"end_turn","stop_sequence":null,"usage":{"input_tokens":3,"output_tokens":1}})";

// kReply compressed (Python: gzip.compress(kReply, mtime=0)).
const std::string kGzippedReply(
    "\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\x03\x4d\xcd\xc1\x0a\xc2\x30\x0c\x06\xe0\x77\xf9\xcf\xbd\x0c\x6f\x7d\x15"
    "\x91\x52\xb6\x30\x8b\x5d\x32\x9b\x14\x94\xb2\x77\xb7\x1d\x0a\x9e\x92\x7c\xc9\x4f\x1a\xd2\x02\x8f\x4d\xd7\x30"
    "\xc1\xc1\xde\x3b\x8d\x91\x54\xe3\x4a\x1d\x8a\xe4\x01\x51\x35\xa9\x45\xb6\x4e\x9b\x2c\x94\xc7\x51\xef\x67\x61"
    "\xa3\xae\xfe\xda\x7e\x59\xa3\xd7\xb8\x3a\x8b\xc7\x3d\xe1\xb8\x39\xa8\xc9\x1e\x0a\x45\x15\xee\x48\xbc\x04\xab"
    "\x85\xf1\x5d\x28\x3d\x2b\xf1\xdc\xd3\x5c\x73\x76\xa8\xe7\x73\xdf\x90\x78\xaf\x16\x4c\x1e\xc4\x0a\x7f\x71\x90"
    "\x6a\xff\x32\x1d\xc7\x07\x02\x7b\xce\xca\xc1\x00\x00\x00",
    149);

const char* kStreamCase = R"(id: probe.stream
feature: streaming
request:
  endpoint: messages
  json: {model: "{{model}}", max_tokens: 32, stream: true, messages: [{role: user, content: hi}]}
expect:
  status: 200
  stream: {grammar: anthropic/stream-grammar.yaml}
)";

struct CaseRun {
  ProcessResult process;
  ResultsFile file;
  const Result* result = nullptr;
};

// Runs `case_yaml` against `server` and reads back its one result.
CaseRun run_case(const LocalServer& server, const char* case_yaml, std::vector<std::string> extra = {}) {
  TempDir dir;
  dir.write("cases/case.yaml", case_yaml);
  std::vector<std::string> args{"run",   "--base-url", server.base_url(), "--key-env", "E2E_KEY", "--cases",
                                dir.file("cases"), "--out", dir.file("out"), "--no-progress", "--no-preflight",
                                "--retries", "0"};
  args.insert(args.end(), extra.begin(), extra.end());
  CaseRun run;
  run.process = run_apiconform(args, {{"E2E_KEY", "k-1"}});
  run.file = read_results_or_fail(dir.file("out/results.json"));
  if (run.file.results.size() == 1) run.result = &run.file.results[0];
  return run;
}

const Finding* with_code(const Result& r, const std::string& code) {
  for (const auto& f : r.findings)
    if (f.code == code) return &f;
  return nullptr;
}

std::string codes(const Result& r) {
  std::string all;
  for (const auto& f : r.findings) all += f.code + " | " + f.message + "\n";
  return all;
}

TEST(UnreadableBytes, InvalidUtf8InAJsonBodyIsAFinding) {
  std::string body = kReply;
  body.replace(body.find("\"hi\""), 4, "\"hi \xff\xfe\"");
  LocalServer server(Script::json(200, body));
  CaseRun run = run_case(server, kBasicCase);
  ASSERT_NE(run.result, nullptr);
  EXPECT_EQ(run.result->verdict, Verdict::Fail);
  const Finding* f = with_code(*run.result, "body.utf8:/");
  ASSERT_NE(f, nullptr) << codes(*run.result);
  EXPECT_NE(f->message.find("not valid UTF-8 at byte"), std::string::npos) << f->message;
  EXPECT_EQ(run.process.exit_code, 1);
}

TEST(UnreadableBytes, InvalidUtf8InStreamDataIsAFinding) {
  std::string events =
      "event: message_start\ndata: {\"type\":\"message_start\",\"message\":{\"id\":\"msg_1\",\"type\":\"message\","
      "\"role\":\"assistant\",\"model\":\"m\",\"content\":[],\"stop_reason\":null,\"stop_sequence\":null,"
      "\"usage\":{\"input_tokens\":3,\"output_tokens\":1}}}\n\n"
      "event: content_block_start\ndata: {\"type\":\"content_block_start\",\"index\":0,\"content_block\":"
      "{\"type\":\"text\",\"text\":\"\"}}\n\n"
      "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,\"delta\":"
      "{\"type\":\"text_delta\",\"text\":\"hi \xc3\x28\"}}\n\n"
      "event: content_block_stop\ndata: {\"type\":\"content_block_stop\",\"index\":0}\n\n"
      "event: message_delta\ndata: {\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\","
      "\"stop_sequence\":null},\"usage\":{\"output_tokens\":2}}\n\n"
      "event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n";
  LocalServer server(Script::reply(200, {{"Content-Type", "text/event-stream"}}, events));
  CaseRun run = run_case(server, kStreamCase);
  ASSERT_NE(run.result, nullptr);
  EXPECT_EQ(run.result->verdict, Verdict::Fail);
  const Finding* f = with_code(*run.result, "stream.sse.utf8");
  ASSERT_NE(f, nullptr) << codes(*run.result);
  EXPECT_NE(f->message.find("event 2 (content_block_delta)"), std::string::npos) << f->message;
  EXPECT_NE(f->message.find("not valid UTF-8"), std::string::npos) << f->message;
}

TEST(UnreadableBytes, AGzipBodyIsDecodedAndJudged) {
  LocalServer server(Script::reply(200, {{"Content-Type", "application/json"}, {"Content-Encoding", "gzip"}},
                                   kGzippedReply));
  CaseRun run = run_case(server, kBasicCase);
  ASSERT_NE(run.result, nullptr);
  EXPECT_EQ(run.result->verdict, Verdict::Pass) << codes(*run.result);
  EXPECT_EQ(run.process.exit_code, 0) << run.process.err;
}

// The encoding is named wherever the decoded body is found wanting.
TEST(UnreadableBytes, ADecodedBodyThatIsNotJsonNamesTheEncoding) {
  LocalServer server(Script::reply(200, {{"Content-Type", "application/json"}, {"Content-Encoding", "gzip"}},
                                   std::string("\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\x03\xcb\xc8\x04\x00\xac\x2a"
                                               "\x93\xd8\x02\x00\x00\x00",
                                               22)));  // gzip of "hi"
  CaseRun run = run_case(server, kBasicCase);
  ASSERT_NE(run.result, nullptr);
  const Finding* f = with_code(*run.result, "body:/");
  ASSERT_NE(f, nullptr) << codes(*run.result);
  EXPECT_NE(f->message.find("(decoded from Content-Encoding: gzip)"), std::string::npos) << f->message;
}

TEST(UnreadableBytes, ACorruptGzipBodyIsSaidToBeCorrupt) {
  LocalServer server(Script::reply(200, {{"Content-Type", "application/json"}, {"Content-Encoding", "gzip"}},
                                   "\x1f\x8b this is not gzip at all"));
  CaseRun run = run_case(server, kBasicCase);
  ASSERT_NE(run.result, nullptr);
  EXPECT_EQ(run.result->verdict, Verdict::Fail);  // the reply's fault, not the network's
  const Finding* f = with_code(*run.result, "body.encoding:/");
  ASSERT_NE(f, nullptr) << codes(*run.result);
  EXPECT_NE(f->message.find("`Content-Encoding: gzip` but cannot be decoded"), std::string::npos) << f->message;
  EXPECT_EQ(run.process.exit_code, 1);
}

// Without the limit this reads until the total timeout (the server never ends the body).
TEST(UnreadableBytes, AnEndlessBodyStopsAtTheLimitWithAFinding) {
  std::string mebibyte(1 << 20, ' ');
  Script endless = Script::chunked(200, {{"Content-Type", "application/json"}}).chunk("{\"a\":\"");
  for (int i = 0; i < 3; ++i) endless.chunk(mebibyte);
  endless.stall();
  LocalServer server(endless);
  CaseRun run = run_case(server, kBasicCase, {"--max-body", "1", "--timeout", "600", "--idle-timeout", "600"});
  ASSERT_NE(run.result, nullptr);
  EXPECT_EQ(run.result->verdict, Verdict::Fail);
  const Finding* f = with_code(*run.result, "body.size:/");
  ASSERT_NE(f, nullptr) << codes(*run.result);
  EXPECT_NE(f->message.find("exceeds the 1 MiB body limit; reading stopped there (no Content-Length"),
            std::string::npos)
      << f->message;
}

TEST(UnreadableBytes, AnEventStreamToANonStreamRequestIsAFinding) {
  LocalServer server(Script::reply(200, {{"Content-Type", "text/event-stream"}}, "event: ping\ndata: {}\n\n"));
  CaseRun run = run_case(server, kBasicCase);
  ASSERT_NE(run.result, nullptr);
  EXPECT_EQ(run.result->verdict, Verdict::Fail);
  const Finding* f = with_code(*run.result, "body.event-stream:/");
  ASSERT_NE(f, nullptr) << codes(*run.result);
  EXPECT_NE(f->message.find("although the request did not ask for one"), std::string::npos) << f->message;
}

}  // namespace
}  // namespace ac::test
