// Issue 16: the official TypeScript SDK (@anthropic-ai/sdk, installed by the sdk_install fixture)
// as the client of `apiconform proxy`, in front of the simulator (`apiconform serve`) with its
// faults: what the SDK receives through the proxy is what it receives from the simulator directly,
// byte for byte; every fault the SDK meets is a finding in the proxy's results; a request the API
// refuses is a client-side finding; concurrent streams on one proxy all arrive whole.
#include <gtest/gtest.h>
#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>
#include <signal.h>

#include <filesystem>
#include <sstream>

#include "e2e/proxy_helpers.hpp"
#include "sdk/official_sdk.hpp"

namespace ac::test {
namespace {

const char* kKey = "sim-test-key";  // what `apiconform serve` accepts by default

std::string json_of(const rapidjson::Value& v) {
  rapidjson::StringBuffer buf;
  rapidjson::Writer<rapidjson::StringBuffer> w(buf);
  v.Accept(w);
  return buf.GetString();
}

// tests/sdk/sdk_proxy_client.cjs in `mode` against `base_url`: scenario -> its JSON line, with the
// simulator's random ids and times replaced (proxy_helpers.hpp) so two runs compare.
std::map<std::string, std::string> sdk(const std::string& mode, const std::string& base_url,
                                       const std::string& fault = "") {
  const std::string command = "node '" + source_dir() + "/tests/sdk/sdk_proxy_client.cjs' '" + sdk_dir() + "' '" +
                              base_url + "' " + kKey + " " + mode + " " + fault + " 2>/dev/null";
  std::map<std::string, std::string> out;
  std::istringstream lines(shell_output(command));
  for (std::string line; std::getline(lines, line);) {
    rapidjson::Document d;
    d.Parse(line.c_str());
    if (d.HasParseError() || !d.IsObject() || !d.HasMember("scenario")) {
      ADD_FAILURE() << "the SDK client printed: " << line;
      continue;
    }
    std::string scenario = d["scenario"].GetString();
    if (d.HasMember("headers")) {  // the raw reply: status, headers sorted by name, body
      std::map<std::string, std::string> headers;
      for (const auto& h : d["headers"].GetObject()) headers[h.name.GetString()] = h.value.GetString();
      // The connection's own headers are each hop's (RFC 9110 7.6.1), not passed on.
      headers.erase("connection");
      headers.erase("keep-alive");
      // A compressed body's length follows the random ids inside it (fetch gives the body decoded).
      if (headers.count("content-encoding")) headers.erase("content-length");
      std::string text = "HTTP " + std::to_string(d["status"].GetInt()) + "\n";
      for (const auto& [name, value] : headers) text += name + ": " + value + "\n";
      out[scenario] = without_ids(text + "\n" + d["body"].GetString());
      continue;
    }
    out[scenario] = without_ids(json_of(d));
  }
  return out;
}

// The proxy stopped as a user stops it, and what it wrote.
ResultsFile stop_and_read(ProxiedSimulator& s) {
  s.proxy().signal(SIGTERM);
  ProcessResult r = s.proxy().wait();
  EXPECT_TRUE(r.exit_code == 0 || r.exit_code == 1 || r.exit_code == 3) << r.out << r.err;
  return read_results_or_fail(s.out("results.json"));
}

bool has_failing(const Result& r, const std::string& check = "") {
  for (const auto& f : r.findings)
    if (f.severity != Severity::Warning && (check.empty() || f.check == check)) return true;
  return false;
}

std::string header_of(const Result& r, const std::string& name) {
  return find_header(r.exchange.request.headers, name).value_or("");
}

TEST(SdkThroughProxy, TheSdkReceivesWhatTheSimulatorSentByteForByte) {
  REQUIRE_OFFICIAL_SDK();
  ProxiedSimulator s({});
  ASSERT_TRUE(s.ready());
  const auto through = sdk("raw", s.proxy_url());
  const auto direct = sdk("raw", s.sim_url());
  ASSERT_EQ(through.size(), 3u);
  for (const auto& [scenario, reply] : direct) {
    SCOPED_TRACE(scenario);
    ASSERT_TRUE(through.count(scenario));
    EXPECT_EQ(through.at(scenario), reply) << "status, headers and body as the SDK's fetch saw them";
  }
  EXPECT_NE(through.at("stream").find("event: message_stop"), std::string::npos);
  const ResultsFile file = stop_and_read(s);
  ASSERT_EQ(file.results.size(), 3u);
  for (const auto& r : file.results) EXPECT_EQ(r.verdict, Verdict::Pass) << r.case_id << " " << r.reason;
}

TEST(SdkThroughProxy, EveryFaultReachesTheSdkUnchangedAndIsAFinding) {
  REQUIRE_OFFICIAL_SDK();
  ProxiedSimulator s({});
  ASSERT_TRUE(s.ready());
  std::vector<std::pair<std::string, bool>> faults;  // name, valid
  {
    std::istringstream lines(run_apiconform({"list", "faults"}).out);
    for (std::string line; std::getline(lines, line);) {
      const auto gap = line.find("  ");
      if (gap != std::string::npos && gap > 0)
        faults.emplace_back(line.substr(0, gap), line.find("valid:", gap) == gap + 2);
    }
  }
  ASSERT_GE(faults.size(), 15u);
  for (const auto& [fault, valid] : faults) {
    SCOPED_TRACE("fault " + fault);
    // The SDK's outcome (text, tool input, stop reason, usage, or the error it raised) through the
    // proxy is its outcome from the simulator directly.
    EXPECT_EQ(sdk("sdk", s.proxy_url(), fault), sdk("sdk", s.sim_url(), fault));
  }
  const ResultsFile file = stop_and_read(s);
  ASSERT_EQ(file.results.size(), 2 * faults.size()) << "a text and a tool stream per fault";
  for (const auto& [fault, valid] : faults) {
    SCOPED_TRACE("fault " + fault);
    std::size_t seen = 0, judged_wrong = 0;
    std::string verdicts;
    for (const auto& r : file.results) {
      if (header_of(r, "x-sim-fault") != fault) continue;
      ++seen;
      verdicts += r.case_id + ": " + to_string(r.verdict) + " " + r.reason + "; ";
      if (valid) {
        EXPECT_EQ(r.verdict, Verdict::Pass) << r.case_id << ": a valid framing drew a finding";
      }
      if (r.verdict == Verdict::Fail && has_failing(r)) ++judged_wrong;
    }
    EXPECT_EQ(seen, 2u);
    if (!valid) {
      EXPECT_GE(judged_wrong, 1u) << "the fault drew no finding: " << verdicts;
    }
  }
}

TEST(SdkThroughProxy, ARequestTheApiRefusesIsAClientSideFinding) {
  REQUIRE_OFFICIAL_SDK();
  ProxiedSimulator s({});
  ASSERT_TRUE(s.ready());
  const auto outcome = sdk("invalid", s.proxy_url());
  ASSERT_TRUE(outcome.count("invalid"));
  EXPECT_NE(outcome.at("invalid").find("\"raised\":true,\"status\":400"), std::string::npos) << outcome.at("invalid");
  const ResultsFile file = stop_and_read(s);
  ASSERT_EQ(file.results.size(), 1u);
  EXPECT_EQ(file.results[0].verdict, Verdict::Fail);
  EXPECT_TRUE(has_failing(file.results[0], "request")) << "no client-side finding";
}

TEST(SdkThroughProxy, ConcurrentStreamsOnOneProxyAllArriveWhole) {
  REQUIRE_OFFICIAL_SDK();
  ProxiedSimulator s({}, {"--pace-ms", "20"});  // slow enough that the four streams overlap
  ASSERT_TRUE(s.ready());
  const auto outcomes = sdk("concurrent", s.proxy_url());
  ASSERT_EQ(outcomes.size(), 4u);
  for (int n = 1; n <= 4; ++n) {
    const std::string& o = outcomes.at("stream" + std::to_string(n));
    EXPECT_NE(o.find("\"text\":\"You said: Stream number " + std::to_string(n) + " says hello.\""), std::string::npos)
        << o;
    EXPECT_NE(o.find("\"stop_reason\":\"end_turn\""), std::string::npos) << o;
  }
  const ResultsFile file = stop_and_read(s);
  ASSERT_EQ(file.results.size(), 4u);
  for (const auto& r : file.results) EXPECT_EQ(r.verdict, Verdict::Pass) << r.case_id << " " << r.reason;
}

}  // namespace
}  // namespace ac::test
