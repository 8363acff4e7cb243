// Issue 15's null control: a byte-for-byte pass-through proxy (tests/support/pass_through_proxy)
// between the harness and the Anthropic upstream is a gateway that translates nothing, so the
// gateway suite (cases/gateway/) must find nothing wrong with its translation: no finding on what
// it forwarded (check "upstream") in any case, every case written for the Anthropic upstream or
// for both passes with no finding at all, the OpenAI ones are skipped for their dialect, and every
// forwarded request is tied to its case. The one thing a transparent relay cannot do is what a
// gateway adds on purpose: when the upstream cuts a stream or drops the connection (faults `cut`
// and `unreachable`), it relays that cut, so the client sees exactly the upstream's transport
// failure: those cases fail, on the answer only, which is what is asserted for them.
#include <gtest/gtest.h>

#include "e2e/e2e_helpers.hpp"
#include "support/pass_through_proxy.hpp"

namespace ac::test {
namespace {

TEST(UpstreamNullControl, APassThroughProxyHasNoGatewayFindings) {
  const int upstream_port = free_port();
  PassThroughProxy proxy(upstream_port);
  TempDir out;
  // The Anthropic upstream is the reference simulator: the proxy passes on the client's key, so
  // the client sends the simulator's.
  const ProcessResult run = run_apiconform(
      {"run", "--upstream", "anthropic", "--upstream-listen", "127.0.0.1:" + std::to_string(upstream_port),
       "--base-url", "http://127.0.0.1:" + std::to_string(proxy.port()), "--key-env", "NULL_CONTROL_KEY", "--cases",
       source_dir() + "/cases/gateway", "--out", out.path(), "--no-progress"},
      {{"NULL_CONTROL_KEY", "sim-test-key"}});
  // 1: the relayed cut and dropped connection fail their cases (below).
  ASSERT_EQ(run.exit_code, 1) << run.out << run.err;
  const ResultsFile file = read_results_or_fail(out.file("results.json"));
  ASSERT_TRUE(file.upstream.has_value());
  EXPECT_TRUE(file.upstream->unmatched.empty()) << "a forwarded request was tied to no case";
  int judged = 0;
  for (const Result& r : file.results) {
    if (r.verdict == Verdict::Skip) {
      EXPECT_NE(r.reason.find("--upstream openai"), std::string::npos) << r.case_id << " skipped: " << r.reason;
      continue;
    }
    ++judged;
    ASSERT_TRUE(r.upstream.has_value()) << r.case_id;
    ASSERT_GE(r.upstream->forwarded.size(), 1u) << r.case_id << " never reached the upstream";
    for (const Finding& f : r.findings)
      if (f.check == "upstream")
        ADD_FAILURE() << r.case_id << ": a translation finding: " << f.code << ": " << f.message;
    const std::string fault = r.upstream->forwarded.front().fault;
    if (fault == "cut" || fault == "unreachable") {
      EXPECT_EQ(r.verdict, Verdict::Fail) << r.case_id << ": the relay passes the upstream's " << fault << " on";
      EXPECT_FALSE(r.findings.empty()) << r.case_id;
      continue;
    }
    EXPECT_EQ(r.verdict, Verdict::Pass) << r.case_id << ": " << r.reason;
    for (const Finding& f : r.findings) ADD_FAILURE() << r.case_id << ": " << f.code << ": " << f.message;
  }
  EXPECT_GE(judged, 10) << "the Anthropic-upstream cases of cases/gateway/ were not run";
}

}  // namespace
}  // namespace ac::test
