// User story: a developer points a client (here curl) at `apiconform proxy`; the client gets from
// the proxy exactly what the endpoint sends, every exchange is judged and appended to results.json
// as it completes, and the reports appear when the proxy stops (SIGTERM, --max-exchanges).
#include <gtest/gtest.h>
#include <signal.h>

#include <filesystem>

#include "e2e/proxy_helpers.hpp"

namespace ac::test {
namespace {

const char* kKeyHeaders =
    "-H 'x-api-key: sim-test-key' -H 'anthropic-version: 2023-06-01' -H 'content-type: application/json'";
const char* kText =
    R"({"model":"claude-sonnet-4-5","max_tokens":64,"messages":[{"role":"user","content":"one two three"}]})";
const char* kStream =
    R"({"model":"claude-sonnet-4-5","max_tokens":64,"stream":true,"messages":[{"role":"user","content":"one two three four five six seven"}]})";
const char* kToolStream =
    R"({"model":"claude-sonnet-4-5","max_tokens":64,"stream":true,"tool_choice":{"type":"any"},"tools":[{"name":"get_weather","input_schema":{"type":"object","properties":{"city":{"type":"string"}},"required":["city"]}}],"messages":[{"role":"user","content":"weather in Paris?"}]})";
const char* kCount = R"({"model":"claude-sonnet-4-5","messages":[{"role":"user","content":"one two three"}]})";

bool have_curl() { return shell_output("command -v curl").find("curl") != std::string::npos; }

// curl's output (head with -i) for one request; `extra` adds options.
std::string curl(const std::string& base, const std::string& path, const std::string& body,
                 const std::string& extra = "") {
  std::string command = "curl -sS -N " + std::string(kKeyHeaders) + " " + extra + " '" + base + path + "'";
  if (!body.empty()) command += " --data-binary '" + body + "'";
  return shell_output(command + " 2>&1");
}

// A reply with its connection's own headers (Connection, Keep-Alive) left out: those are each hop's,
// the proxy's to the client and the simulator's to the proxy (RFC 9110 7.6.1), never passed on.
std::string end_to_end(const std::string& reply) {
  std::string out;
  std::size_t start = 0;
  for (std::size_t end; (end = reply.find('\n', start)) != std::string::npos; start = end + 1) {
    const std::string line = reply.substr(start, end - start + 1);
    std::string lower = line.substr(0, 11);
    for (auto& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (lower.rfind("connection:", 0) == 0 || lower.rfind("keep-alive:", 0) == 0) continue;
    out += line;
  }
  return out + reply.substr(start);
}

const Finding* failing_finding(const Result& r, const std::string& check) {
  for (const auto& f : r.findings)
    if (f.severity != Severity::Warning && (check.empty() || f.check == check)) return &f;
  return nullptr;
}

TEST(Proxy, CurlGetsWhatTheSimulatorSendsAndEveryExchangeIsJudged) {
  if (!have_curl()) GTEST_SKIP() << "curl is not installed";
  ProxiedSimulator s({"--max-exchanges", "6", "--format", "html,md,junit", "--record", "{DIR}/rec"});
  ASSERT_TRUE(s.ready());
  struct Request {
    std::string path, body;
  };
  const std::vector<Request> requests{{"/v1/messages", kText},
                                      {"/v1/messages", kStream},
                                      {"/v1/messages", kToolStream},
                                      {"/v1/messages/count_tokens", kCount},
                                      {"/v1/models?limit=2", ""}};
  for (const auto& r : requests) {
    // -i: the status line and headers too, which the proxy relays as the simulator wrote them.
    const std::string through = curl(s.proxy_url(), r.path, r.body, "-i");
    const std::string direct = curl(s.sim_url(), r.path, r.body, "-i");
    EXPECT_EQ(end_to_end(without_ids(through)), end_to_end(without_ids(direct))) << r.path << " " << r.body;
    EXPECT_NE(through.find("HTTP/1.1 200"), std::string::npos) << through;
  }
  const std::string faulty = curl(s.proxy_url(), "/v1/messages", kStream, "-H 'x-sim-fault: no-message-stop'");
  EXPECT_EQ(faulty.find("message_stop"), std::string::npos) << "the fault reached the client: " << faulty;

  ProcessResult proxy = s.proxy().wait();  // --max-exchanges 6 ends it
  EXPECT_EQ(proxy.exit_code, 1) << proxy.out << proxy.err;
  EXPECT_NE(proxy.out.find("6 exchanges"), std::string::npos) << proxy.out;
  ResultsFile file = read_results_or_fail(s.out("results.json"));
  ASSERT_EQ(file.results.size(), 6u);
  EXPECT_FALSE(file.finished_at.empty());
  for (const auto& r : file.results) {
    const bool fault = r.case_id.find("#6") != std::string::npos;
    EXPECT_EQ(r.verdict, fault ? Verdict::Fail : Verdict::Pass)
        << r.case_id << " " << r.reason
        << (failing_finding(r, "") ? " " + failing_finding(r, "")->code + ": " + failing_finding(r, "")->message : "");
    if (fault) {
      ASSERT_NE(failing_finding(r, ""), nullptr);
      bool names_it = false;
      for (const auto& f : r.findings) names_it = names_it || f.code.find("message_stop") != std::string::npos;
      EXPECT_TRUE(names_it) << "no finding names the missing message_stop";
    }
  }
  for (const char* report : {"report.html", "report.md", "junit.xml"})
    EXPECT_TRUE(std::filesystem::exists(s.out(report))) << report;
  std::size_t recorded = 0;
  for (const auto& entry : std::filesystem::directory_iterator(s.dir().file("rec"))) {
    ++recorded;
    EXPECT_EQ(read_file(entry.path().string()).find("sim-test-key"), std::string::npos) << entry.path();
  }
  EXPECT_EQ(recorded, 6u);
}

TEST(Proxy, SigtermWritesTheReportsWithEveryExchangeJudged) {
  if (!have_curl()) GTEST_SKIP() << "curl is not installed";
  ProxiedSimulator s({"--format", "html,md,junit"});
  ASSERT_TRUE(s.ready());
  EXPECT_NE(curl(s.proxy_url(), "/v1/messages", kStream).find("message_stop"), std::string::npos);
  ASSERT_TRUE(s.judged(1));
  EXPECT_TRUE(s.results_now().finished_at.empty()) << "still running: a provisional ending";
  s.proxy().signal(SIGTERM);
  ProcessResult proxy = s.proxy().wait();
  EXPECT_EQ(proxy.exit_code, 0) << proxy.out << proxy.err;
  ResultsFile file = read_results_or_fail(s.out("results.json"));
  EXPECT_EQ(file.summary.total, 1);
  EXPECT_EQ(file.summary.pass, 1);
  EXPECT_FALSE(file.finished_at.empty());
  for (const char* report : {"report.html", "report.md", "junit.xml"})
    EXPECT_TRUE(std::filesystem::exists(s.out(report))) << report;
  EXPECT_NE(proxy.out.find("1 results: 1 pass"), std::string::npos) << proxy.out;
}

TEST(Proxy, AKilledProxyLeavesEveryJudgedExchangeInResults) {
  if (!have_curl()) GTEST_SKIP() << "curl is not installed";
  ProxiedSimulator s({});
  ASSERT_TRUE(s.ready());
  curl(s.proxy_url(), "/v1/messages", kText);
  curl(s.proxy_url(), "/v1/messages", kStream);
  ASSERT_TRUE(s.judged(2));
  s.proxy().signal(SIGKILL);  // no chance to write anything more
  s.proxy().wait();
  ResultsFile file = read_results_or_fail(s.out("results.json"));
  EXPECT_EQ(file.results.size(), 2u);
  EXPECT_EQ(file.summary.total, 2);
}

TEST(Proxy, ARequestTheApiRefusesIsAClientSideFinding) {
  if (!have_curl()) GTEST_SKIP() << "curl is not installed";
  ProxiedSimulator s({"--max-exchanges", "1"});
  ASSERT_TRUE(s.ready());
  const std::string reply = curl(s.proxy_url(), "/v1/messages",
                                 R"({"model":"claude-sonnet-4-5","messages":[{"role":"user","content":"hi"}]})");
  EXPECT_NE(reply.find("max_tokens"), std::string::npos) << "the simulator's own 400 reached the client: " << reply;
  ProcessResult proxy = s.proxy().wait();
  EXPECT_EQ(proxy.exit_code, 1) << proxy.out << proxy.err;
  ResultsFile file = read_results_or_fail(s.out("results.json"));
  ASSERT_EQ(file.results.size(), 1u);
  const Finding* f = failing_finding(file.results[0], "request");
  ASSERT_NE(f, nullptr) << "no client-side finding";
  EXPECT_NE(f->pointer.find("max_tokens") == std::string::npos ? f->message.find("max_tokens") : 0, std::string::npos)
      << f->pointer << " " << f->message;
  EXPECT_NE(proxy.out.find("client-side"), std::string::npos) << proxy.out;
}

TEST(Proxy, KeepsConnectionsAliveAndRelaysConcurrentStreams) {
  if (!have_curl()) GTEST_SKIP() << "curl is not installed";
  ProxiedSimulator s({"--max-exchanges", "7"});
  ASSERT_TRUE(s.ready());
  // Three requests in one curl: one connection to the proxy, reused twice.
  const std::string url = "'" + s.proxy_url() + "/v1/models'";
  const std::string connects = shell_output("curl -sS -o /dev/null -o /dev/null -o /dev/null -w '%{num_connects}\\n' " +
                                            std::string(kKeyHeaders) + " " + url + " " + url + " " + url);
  EXPECT_EQ(connects, "1\n0\n0\n");
  // Four paced streams at once through the one proxy.
  const std::string command = "for i in 1 2 3 4; do curl -sS -N " + std::string(kKeyHeaders) +
                              " -H 'x-sim-pace-ms: 40' '" + s.proxy_url() + "/v1/messages' --data-binary '" + kStream +
                              "' > '" + s.dir().file("stream") + "'$i & done; wait";
  shell_output(command);
  for (int i = 1; i <= 4; ++i)
    EXPECT_NE(read_file(s.dir().file("stream" + std::to_string(i))).find("event: message_stop"), std::string::npos)
        << i;
  ProcessResult proxy = s.proxy().wait();
  EXPECT_EQ(proxy.exit_code, 0) << proxy.out << proxy.err;
  ResultsFile file = read_results_or_fail(s.out("results.json"));
  EXPECT_EQ(file.summary.pass, 7);
}

TEST(Proxy, SaysWhatIsWrongBeforeListening) {
  ProcessResult r = run_apiconform({"proxy", "--listen", "127.0.0.1:http", "--target", "ftp://x", "--format", "htm"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--listen 127.0.0.1:http"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("--target ftp://x"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("htm"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace ac::test
