// User story (issue 15): a gateway team runs apiconform as both the gateway's client and its
// upstream. A deliberately broken gateway stand-in (drops stop_sequences, relays an upstream 429
// as a 500, loses the user text) must produce exactly those findings; the same cases through a
// byte-for-byte pass-through proxy must produce none.
#include <httplib.h>
#include <netinet/in.h>
#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>
#include <sys/socket.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <thread>

#include "e2e_helpers.hpp"
#include "support/pass_through_proxy.hpp"

namespace ac::test {
namespace {

const char* kCases = R"(cases:
  - id: gw.stop
    title: stop_sequences reach the upstream
    feature: gateway.parameters
    request:
      endpoint: messages
      json:
        model: "{{model}}"
        max_tokens: 32
        stop_sequences: ["END"]
        messages: [{role: user, content: "Say hi, then END."}]
    expect:
      status: 200
      upstream:
        count: 1
        path: /v1/messages
        json:
          /stop_sequences: ["END"]
          /messages/0/content: "Say hi, then END."
  - id: gw.rate-limit
    title: an upstream 429 is relayed as a 429 rate_limit_error
    feature: gateway.faults
    upstream:
      fault: {kind: status, status: 429, retry_after: 2}
    request:
      endpoint: messages
      retries: 0
      json:
        model: "{{model}}"
        max_tokens: 32
        messages: [{role: user, content: "Hello"}]
    expect:
      status: 429
      json:
        /error/type: rate_limit_error
  - id: gw.text
    title: the scripted text arrives exactly
    feature: gateway.reply
    upstream:
      reply: {text: "Exactly this.", usage: {prompt_tokens: 9, completion_tokens: 3}}
    request:
      endpoint: messages
      json:
        model: "{{model}}"
        max_tokens: 32
        messages: [{role: user, content: "Hi NO-MARKER"}]
    expect:
      status: 200
      json:
        /content/0/text: "Exactly this."
        /usage/output_tokens: 3
      upstream:
        count: 1
)";

// A credential of the gateway's own for its upstream: no secret of apiconform's, still never written.
const char* kGatewaysOwnSecret = "gw-own-secret-5d1e8a90c3b7";

// A gateway stand-in with three bugs: it drops stop_sequences, turns an upstream 429 into a 500
// api_error, and replaces a user text containing NO-MARKER (as a gateway that rewrites prompts
// would), losing the correlation marker. Non-streaming only, which is all the cases above use.
class BrokenGateway {
 public:
  explicit BrokenGateway(int upstream_port) {
    server_.Post(".*", [upstream_port](const httplib::Request& req, httplib::Response& res) {
      rapidjson::Document body;
      body.Parse(req.body.c_str());
      if (!body.HasParseError() && body.IsObject()) {
        body.RemoveMember("stop_sequences");
        auto& messages = body["messages"];
        auto& content = messages[messages.Size() - 1]["content"];
        if (content.IsString() && std::string(content.GetString()).find("NO-MARKER") != std::string::npos)
          content.SetString("rewritten by the gateway");
      }
      rapidjson::StringBuffer out;
      rapidjson::Writer<rapidjson::StringBuffer> writer(out);
      body.Accept(writer);
      httplib::Client upstream("127.0.0.1", upstream_port);
      httplib::Headers headers;
      for (const char* name : {"x-api-key", "anthropic-version"}) headers.emplace(name, req.get_header_value(name));
      headers.emplace("proxy-authorization", "Basic " + std::string(kGatewaysOwnSecret));  // its credential upstream
      auto reply = upstream.Post(req.path.c_str(), headers, out.GetString(), "application/json");
      if (!reply) {
        res.status = 502;
        return;
      }
      if (reply->status == 429) {
        res.status = 500;
        res.set_content(R"({"type":"error","error":{"type":"api_error","message":"upstream failed"}})",
                        "application/json");
        return;
      }
      res.status = reply->status;
      res.set_content(reply->body, reply->get_header_value("content-type").c_str());
    });
    port_ = server_.bind_to_any_port("127.0.0.1");
    thread_ = std::thread([this] { server_.listen_after_bind(); });
    while (!server_.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  ~BrokenGateway() {
    server_.stop();
    thread_.join();
  }
  int port() const { return port_; }

 private:
  httplib::Server server_;
  std::thread thread_;
  int port_ = 0;
};

struct UpstreamRun {
  ProcessResult process;
  ResultsFile file;
};

UpstreamRun run_through(int gateway_port, int upstream_port, const TempDir& dir, const std::string& out) {
  dir.write("cases/gw.yaml", kCases);
  UpstreamRun run;
  run.process =
      run_apiconform({"run", "--base-url", "http://127.0.0.1:" + std::to_string(gateway_port), "--key-env", "GW_KEY",
                      "--upstream", "anthropic", "--upstream-listen", "127.0.0.1:" + std::to_string(upstream_port),
                      "--cases", dir.file("cases"), "--out", dir.file(out), "--no-progress"},
                     {{"GW_KEY", "sim-test-key"}});
  run.file = read_results_or_fail(dir.file(out + "/results.json"));
  return run;
}

std::vector<std::string> upstream_codes(const Result& r) {
  std::vector<std::string> codes;
  for (const auto& f : r.findings)
    if (f.check == "upstream") codes.push_back(f.code);
  return codes;
}

TEST(UpstreamMode, ABrokenGatewaysTranslationFindingsAppear) {
  const int upstream_port = free_port();
  BrokenGateway gateway(upstream_port);
  TempDir dir;
  UpstreamRun run = run_through(gateway.port(), upstream_port, dir, "broken");
  EXPECT_EQ(run.process.exit_code, 1) << run.process.out << run.process.err;

  const Result* stop = find_result(run.file, "gw.stop");
  ASSERT_NE(stop, nullptr);
  EXPECT_EQ(stop->verdict, Verdict::Fail);
  ASSERT_EQ(upstream_codes(*stop).size(), 1u) << run.process.out;
  EXPECT_NE(upstream_codes(*stop)[0].find(":/upstream/body/stop_sequences"), std::string::npos)
      << upstream_codes(*stop)[0];
  ASSERT_TRUE(stop->upstream.has_value());
  ASSERT_EQ(stop->upstream->forwarded.size(), 1u);
  EXPECT_EQ(stop->upstream->forwarded[0].body.find("stop_sequences"), std::string::npos)
      << "the forwarded body is kept as the gateway sent it";
  EXPECT_NE(stop->upstream->forwarded[0].body.find(stop->upstream->marker), std::string::npos);

  const Result* limit = find_result(run.file, "gw.rate-limit");
  ASSERT_NE(limit, nullptr);
  EXPECT_EQ(limit->verdict, Verdict::Fail);
  ASSERT_FALSE(limit->findings.empty());
  EXPECT_EQ(limit->findings[0].code,
            "status:429\xE2\x86\x92"
            "500");
  ASSERT_TRUE(limit->upstream.has_value());
  ASSERT_EQ(limit->upstream->forwarded.size(), 1u);
  EXPECT_EQ(limit->upstream->forwarded[0].reply_status, 429) << "the upstream's side of the arrow";
  EXPECT_EQ(limit->upstream->forwarded[0].fault, "status");

  const Result* text = find_result(run.file, "gw.text");
  ASSERT_NE(text, nullptr);
  EXPECT_EQ(text->verdict, Verdict::Fail);
  EXPECT_EQ(upstream_codes(*text), std::vector<std::string>{"upstream.count:/upstream/count"});
  ASSERT_TRUE(run.file.upstream.has_value());
  EXPECT_EQ(run.file.upstream->dialect, "anthropic");
  ASSERT_EQ(run.file.upstream->unmatched.size(), 1u) << "the rewritten request is tied to no case";
  EXPECT_EQ(run.file.upstream->unmatched[0].marker, "");
  EXPECT_NE(run.file.upstream->unmatched[0].body.find("rewritten by the gateway"), std::string::npos);
  EXPECT_NE(run.process.out.find("1 forwarded request tied to no case"), std::string::npos) << run.process.out;
  const std::string results = read_file(dir.file("broken/results.json"));
  EXPECT_EQ(results.find(kGatewaysOwnSecret), std::string::npos) << "a forwarded credential reached results.json";
  EXPECT_NE(results.find(R"(["proxy-authorization","Basic [REDACTED]"])"), std::string::npos);
}

TEST(UpstreamMode, ThroughAPassThroughProxyNothingIsFound) {
  const int upstream_port = free_port();
  PassThroughProxy proxy(upstream_port);
  TempDir dir;
  UpstreamRun run = run_through(proxy.port(), upstream_port, dir, "proxy");
  EXPECT_EQ(run.process.exit_code, 0) << run.process.out << run.process.err;
  ASSERT_EQ(run.file.results.size(), 3u);
  for (const auto& r : run.file.results) {
    EXPECT_EQ(r.verdict, Verdict::Pass) << r.case_id;
    EXPECT_TRUE(r.findings.empty()) << r.case_id << ": " << (r.findings.empty() ? "" : r.findings[0].message);
    ASSERT_TRUE(r.upstream.has_value()) << r.case_id;
    EXPECT_EQ(r.upstream->forwarded.size(), 1u) << r.case_id;
  }
  ASSERT_TRUE(run.file.upstream.has_value());
  EXPECT_TRUE(run.file.upstream->unmatched.empty());
}

// What a scripted upstream fault provokes is the gateway's to answer: a relayed 503 or an answer
// that breaks off is judged (fail), not put down to a busy or broken endpoint (error).
TEST(UpstreamMode, ProvokedFailuresAreJudgedNotErrors) {
  const char* cases = R"(cases:
  - id: gw.dropped
    title: an upstream that drops the connection gets a 5xx error from the gateway
    feature: gateway.faults
    upstream: {fault: {kind: unreachable}}
    request:
      endpoint: messages
      retries: 0
      json: {model: "{{model}}", max_tokens: 32, messages: [{role: user, content: "Hello"}]}
    expect:
      status: [500, 502, 503, 529]
  - id: gw.not-retried
    title: an upstream 503 once is retried by the gateway
    feature: gateway.faults
    upstream: {fault: {kind: status, status: 503, times: 1}}
    request:
      endpoint: messages
      retries: 0
      json: {model: "{{model}}", max_tokens: 32, messages: [{role: user, content: "Hello"}]}
    expect:
      status: 200
)";
  const int upstream_port = free_port();
  PassThroughProxy proxy(upstream_port);  // relays the drop and the 503 as they are: it never retries
  TempDir dir;
  dir.write("cases/gw.yaml", cases);
  ProcessResult r = run_apiconform({"run", "--base-url", "http://127.0.0.1:" + std::to_string(proxy.port()), "--key-env",
                                    "GW_KEY", "--upstream", "anthropic", "--upstream-listen",
                                    "127.0.0.1:" + std::to_string(upstream_port), "--cases", dir.file("cases"), "--out",
                                    dir.file("out"), "--no-progress"},
                                   {{"GW_KEY", "sim-test-key"}});
  EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
  ResultsFile file = read_results_or_fail(dir.file("out/results.json"));
  const Result* dropped = find_result(file, "gw.dropped");
  ASSERT_NE(dropped, nullptr);
  EXPECT_EQ(dropped->verdict, Verdict::Fail) << dropped->reason;
  ASSERT_FALSE(dropped->findings.empty());
  EXPECT_EQ(dropped->findings[0].code, "transport.broken:/");
  const Result* retried = find_result(file, "gw.not-retried");
  ASSERT_NE(retried, nullptr);
  EXPECT_EQ(retried->verdict, Verdict::Fail) << retried->reason;
  ASSERT_FALSE(retried->findings.empty());
  EXPECT_EQ(retried->findings[0].code, "status:200\xE2\x86\x92" "503");
}

TEST(UpstreamMode, ABusyPortStopsTheRunBeforeAnythingIsSent) {
  int busy = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ASSERT_EQ(::bind(busy, reinterpret_cast<sockaddr*>(&a), sizeof a), 0);
  ASSERT_EQ(::listen(busy, 1), 0);
  socklen_t len = sizeof a;
  ::getsockname(busy, reinterpret_cast<sockaddr*>(&a), &len);
  const std::string port = std::to_string(ntohs(a.sin_port));
  TempDir dir;
  dir.write("cases/gw.yaml", kCases);
  ProcessResult r = run_apiconform(
      {"run", "--base-url", "http://127.0.0.1:9", "--key-env", "GW_KEY", "--upstream", "openai", "--upstream-listen",
       "127.0.0.1:" + port, "--cases", dir.file("cases"), "--out", dir.file("out"), "--no-progress"},
      {{"GW_KEY", "k"}});
  ::close(busy);
  EXPECT_EQ(r.exit_code, 2) << r.out << r.err;
  EXPECT_NE(r.err.find("cannot listen on 127.0.0.1:" + port + " (port in use?"), std::string::npos) << r.err;
}

TEST(UpstreamMode, FlagsGoTogetherAndListenOnLoopbackOnly) {
  ProcessResult alone = run_apiconform({"run", "--upstream", "openai"});
  EXPECT_EQ(alone.exit_code, 2);
  EXPECT_NE(alone.err.find("--upstream and --upstream-listen go together"), std::string::npos) << alone.err;
  ProcessResult wide = run_apiconform({"run", "--upstream", "openai", "--upstream-listen", "0.0.0.0:8788",
                                       "--no-progress", "--out", TempDir().file("out")});
  EXPECT_EQ(wide.exit_code, 2);
  EXPECT_NE(wide.err.find("127.0.0.1 only"), std::string::npos) << wide.err;
}

TEST(UpstreamMode, GatewayCasesAreSelectedOnlyInUpstreamMode) {
  TempDir dir;
  dir.write("cases/gw.yaml", kCases);
  dir.write("cases/basic.yaml", kBasicCase);
  ProcessResult r = run_apiconform({"run", "--cases", dir.file("cases"), "--out", dir.file("out"), "--no-progress"});
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  ResultsFile file = read_results_or_fail(dir.file("out/results.json"));
  ASSERT_EQ(file.results.size(), 1u);
  EXPECT_EQ(file.results[0].case_id, "probe.basic");
  EXPECT_FALSE(file.upstream.has_value());
}

}  // namespace
}  // namespace ac::test
