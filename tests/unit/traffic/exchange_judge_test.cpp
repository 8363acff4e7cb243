// An exchange captured by the proxy, judged with the checks of a run (docs/proxy.md, "Judging
// an exchange"): recorded streams of the real API pass; each fault is a finding of its own code.
#include <gtest/gtest.h>

#include <zlib.h>

#include <algorithm>
#include <sstream>

#include "support/run_binary.hpp"
#include "traffic/exchange_judge.hpp"

namespace ac {
namespace {

const JudgeContext& context() {
  static JudgeData data;
  static JudgeContext ctx = [] {
    JudgeContext c;
    Diagnostics d = load_judge_data(test::source_dir() + "/schemas", data, c);
    EXPECT_TRUE(d.empty()) << d.front().message;
    return c;
  }();
  return ctx;
}

std::string sample(const std::string& name) {
  return test::read_file(test::source_dir() + "/tests/unit/stream/samples/" + name);
}

const char* kRequest = R"({"model":"claude-sonnet-4-5","max_tokens":64,"messages":[{"role":"user","content":"Hi"}]})";
const char* kStreamRequest =
    R"({"model":"claude-sonnet-4-5","max_tokens":64,"stream":true,"messages":[{"role":"user","content":"Hi"}]})";
const char* kMessage =
    R"({"id":"msg_01","type":"message","role":"assistant","model":"claude-sonnet-4-5","content":[{"type":"text","text":"Hello"}],)"
    R"("stop_reason":"end_turn","stop_sequence":null,"usage":{"input_tokens":5,"output_tokens":2}})";

ExchangeRecord exchange(const std::string& request, int status, const std::string& content_type,
                        const std::string& reply) {
  ExchangeRecord r;
  r.sequence = 7;
  r.target = "http://127.0.0.1:1";
  r.method = "POST";
  r.path = "/v1/messages";
  r.request_headers = {{"x-api-key", "sk-ant-judge-test-key-0123456789"}, {"anthropic-version", "2023-06-01"},
                       {"content-type", "application/json"}};
  r.request_body = request;
  r.status = status;
  r.response_headers = {{"content-type", content_type}, {"request-id", "req_011"}};
  r.response_body = reply;
  r.first_byte_ms = 5;
  r.total_ms = 9;
  return r;
}

std::vector<std::string> failing_codes(const Result& r) {
  std::vector<std::string> codes;
  for (const auto& f : r.findings)
    if (fails_case(f.severity)) codes.push_back(f.code);
  return codes;
}

std::string dump(const Result& r) {
  std::ostringstream out;
  out << to_string(r.verdict) << " " << r.reason << "\n";
  for (const auto& f : r.findings) out << "  " << to_string(f.severity) << " " << f.code << ": " << f.message << "\n";
  return out.str();
}

bool has_code(const Result& r, const std::string& prefix) {
  return std::any_of(r.findings.begin(), r.findings.end(),
                     [&](const Finding& f) { return f.code.rfind(prefix, 0) == 0 && fails_case(f.severity); });
}

TEST(JudgeExchange, ACorrectMessagePassesAndIsNamedByEndpointModelAndNumber) {
  Result r = judge_exchange(exchange(kRequest, 200, "application/json", kMessage), context());
  EXPECT_EQ(r.verdict, Verdict::Pass) << dump(r);
  EXPECT_TRUE(failing_codes(r).empty()) << dump(r);
  EXPECT_EQ(r.case_id, "POST /v1/messages \xC2\xB7 claude-sonnet-4-5 \xC2\xB7 #7");
  EXPECT_EQ(r.feature, "POST /v1/messages");
  EXPECT_EQ(r.provider, "proxy");
  EXPECT_EQ(find_header(r.exchange.request.headers, "x-api-key"), std::string(kSecretPlaceholder));
}

TEST(JudgeExchange, RecordedStreamsOfTheRealApiPass) {
  for (const char* name : {"03-real-minimal-text.sse", "04-real-thinking-signature.sse",
                           "06-real-web-search-citations.sse", "02-sdk-fixture-tool-use.sse"}) {
    Result r = judge_exchange(exchange(kStreamRequest, 200, "text/event-stream; charset=utf-8", sample(name)), context());
    EXPECT_EQ(r.verdict, Verdict::Pass) << name << "\n" << dump(r);
    EXPECT_GT(r.exchange.event_count, 5u) << name;
  }
}

TEST(JudgeExchange, AStreamArrivingInChunksIsJudgedAtItsArrivalTimes) {
  ExchangeRecord x = exchange(kStreamRequest, 200, "text/event-stream", sample("03-real-minimal-text.sse"));
  for (std::size_t at = 0; at < x.response_body.size(); at += 64) x.chunks.push_back({at, 10.0 + at / 64});
  Result r = judge_exchange(x, context());
  EXPECT_EQ(r.verdict, Verdict::Pass) << dump(r);
  // The first event ends with the blank line after message_start's long data, some chunks in.
  const std::size_t completing_byte = x.response_body.find("\n\n") + 1;
  EXPECT_DOUBLE_EQ(r.exchange.timings.first_event_ms, 10.0 + completing_byte / 64);
  EXPECT_GT(r.exchange.timings.max_gap_ms, 0);
}

TEST(JudgeExchange, AnInBandErrorInItsEnvelopeIsTheApisOwnWayToFail) {
  Result r = judge_exchange(
      exchange(kStreamRequest, 200, "text/event-stream", sample("07-docs-midstream-error-event.sse")), context());
  EXPECT_TRUE(failing_codes(r).empty()) << dump(r);
}

TEST(JudgeExchange, AStreamWithoutEventLinesIsAFinding) {
  std::string stream = sample("03-real-minimal-text.sse"), unnamed;
  std::istringstream in(stream);
  for (std::string line; std::getline(in, line);)
    if (line.rfind("event:", 0) != 0) unnamed += line + "\n";
  Result r = judge_exchange(exchange(kStreamRequest, 200, "text/event-stream", unnamed), context());
  EXPECT_EQ(r.verdict, Verdict::Fail);
  EXPECT_TRUE(has_code(r, "stream.unnamed")) << dump(r);
}

TEST(JudgeExchange, AnErrorInAnotherEnvelopeIsASchemaFinding) {
  Result r = judge_exchange(
      exchange(kRequest, 429, "application/json", R"({"error":{"message":"slow down","code":"rate_limited"}})"),
      context());
  EXPECT_EQ(r.verdict, Verdict::Fail);
  EXPECT_TRUE(has_code(r, "schema.")) << dump(r);
  EXPECT_TRUE(has_code(r, "json.equals:/error/type")) << dump(r);
}

TEST(JudgeExchange, ACorrectErrorPasses) {
  Result r = judge_exchange(
      exchange(kRequest, 529, "application/json",
               R"({"type":"error","error":{"type":"overloaded_error","message":"Overloaded"},"request_id":"req_011"})"),
      context());
  EXPECT_EQ(r.verdict, Verdict::Pass) << dump(r);
}

TEST(JudgeExchange, AnInvalidRequestIsTheClientsFinding) {
  const char* no_max_tokens = R"({"model":"m","messages":[{"role":"user","content":"Hi"}]})";
  Result r = judge_exchange(
      exchange(no_max_tokens, 400, "application/json",
               R"({"type":"error","error":{"type":"invalid_request_error","message":"max_tokens: Field required"},"request_id":"req_011"})"),
      context());
  EXPECT_EQ(failing_codes(r), std::vector<std::string>{"request.required:/max_tokens"}) << dump(r);
  EXPECT_EQ(r.verdict, Verdict::Fail);
}

TEST(JudgeExchange, AnEndpointAcceptingAnInvalidRequestIsLenient) {
  const char* bad_role = R"({"model":"m","max_tokens":5,"messages":[{"role":"robot","content":"Hi"}]})";
  Result r = judge_exchange(exchange(bad_role, 200, "application/json", kMessage), context());
  EXPECT_TRUE(has_code(r, "request.enum:/messages/*/role")) << dump(r);
  auto status = std::find_if(r.findings.begin(), r.findings.end(), [](const Finding& f) { return f.check == "status"; });
  ASSERT_NE(status, r.findings.end()) << dump(r);
  EXPECT_EQ(status->code, "status:400\xE2\x86\x92" "200");
  EXPECT_EQ(status->severity, Severity::Lenient);
}

TEST(JudgeExchange, AMissingVersionHeaderAndAnUnknownMemberAreTheClients) {
  ExchangeRecord x = exchange(R"({"model":"m","max_tokens":5,"messages":[{"role":"user","content":"Hi"}],"tempreature":1})",
                              400, "application/json",
                              R"({"type":"error","error":{"type":"invalid_request_error","message":"x"},"request_id":"r"})");
  x.request_headers.erase(x.request_headers.begin() + 1);  // anthropic-version
  Result r = judge_exchange(x, context());
  EXPECT_TRUE(has_code(r, "request-header.present:anthropic-version")) << dump(r);
  auto unknown = std::find_if(r.findings.begin(), r.findings.end(),
                              [](const Finding& f) { return f.code.rfind("request.unknown-field", 0) == 0; });
  ASSERT_NE(unknown, r.findings.end()) << dump(r);
  EXPECT_EQ(unknown->severity, Severity::Warning);
}

TEST(JudgeExchange, AGzipReplyIsJudgedDecoded) {
  std::string packed(1024, '\0');
  uLongf size = packed.size();
  z_stream z{};
  deflateInit2(&z, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(kMessage));
  z.avail_in = static_cast<uInt>(std::string(kMessage).size());
  z.next_out = reinterpret_cast<Bytef*>(&packed[0]);
  z.avail_out = static_cast<uInt>(size);
  ASSERT_EQ(deflate(&z, Z_FINISH), Z_STREAM_END);
  packed.resize(z.total_out);
  deflateEnd(&z);
  ExchangeRecord x = exchange(kRequest, 200, "application/json", packed);
  x.response_headers.push_back({"content-encoding", "gzip"});
  Result r = judge_exchange(x, context());
  EXPECT_EQ(r.verdict, Verdict::Pass) << dump(r);
  x.response_headers.back().value = "br";
  EXPECT_TRUE(has_code(judge_exchange(x, context()), "body.encoding")) << dump(judge_exchange(x, context()));
}

TEST(JudgeExchange, NoReplyIsAnError) {
  ExchangeRecord x = exchange(kRequest, 0, "", "");
  x.error = "connection refused";
  Result r = judge_exchange(x, context());
  EXPECT_EQ(r.verdict, Verdict::Error);
  EXPECT_EQ(r.reason, "connection refused");
}

}  // namespace
}  // namespace ac

#include <filesystem>

#include "schema/bundle.hpp"

namespace ac {
namespace {

// replay and proxy load their schemas as run does: a folder with the digest the build proved is
// not proven again (shown with a schema only the proof refuses), any other folder is.
TEST(LoadJudgeData, AFolderWithTheProvenDigestIsNotProvenAgain) {
  test::TempDir copy;
  std::filesystem::copy(test::source_dir() + "/schemas", copy.path(), std::filesystem::copy_options::recursive);
  copy.write("anthropic/zz-refused.json", R"({"minimum": "zero"})");
  SchemaBundle bundle;
  Diagnostics bundle_diags;
  build_schema_bundle(copy.path(), bundle, bundle_diags);
  SchemaLoadOptions proven;
  proven.proven_digest = bundle.digest;
  JudgeData skipped_data, proven_data;
  JudgeContext skipped_context, proven_context;
  EXPECT_TRUE(load_judge_data(copy.path(), skipped_data, skipped_context, proven).empty());
  EXPECT_EQ(load_judge_data(copy.path(), proven_data, proven_context).size(), 1u) << "no digest: proven";
}

}  // namespace
}  // namespace ac
