// Issue 15 requirement 6: the open-source gateway claude-code-router (installed pinned by the
// gateway_install fixture) in front of apiconform's OpenAI upstream. The gateway suite written for
// that upstream (cases/gateway/openai/) runs through it, and the deviations it finds are exactly the ones confirmed by
// hand and recorded in docs/upstream.md ("Its deviations, confirmed by hand"): each listed case fails (or, for a cut
// connection, errs) with the listed finding codes, and every other case written for the OpenAI
// upstream passes. A check that stopped seeing a deviation, or started blaming a correct
// translation, fails here.
#include <gtest/gtest.h>

#include <map>
#include <set>

#include "e2e/e2e_helpers.hpp"
#include "gateway/router_gateway.hpp"

namespace ac::test {
namespace {

struct Expected {
  Verdict verdict;
  std::set<std::string> codes;  // each must be among the case's finding codes
};

// Case (without "gateway.openai.") -> what it must find. Zero usage in every stream shows up as
// the folded message's schema minimum on output_tokens.
const std::string kZeroUsage = "stream.folded-schema.minimum:/usage/output_tokens";
const std::map<std::string, Expected>& confirmed_deviations() {
  static const std::map<std::string, Expected> table = {
      {"stop-sequences", {Verdict::Fail, {"upstream.equals:/upstream/body/stop"}}},
      {"stop-sequence-single", {Verdict::Fail, {"upstream.one_of:/upstream/body/stop"}}},
      {"top-p", {Verdict::Fail, {"upstream.equals:/upstream/body/top_p"}}},
      {"metadata-user", {Verdict::Fail, {"upstream.equals:/upstream/body/user"}}},
      {"tool-choice-any", {Verdict::Fail, {"upstream.equals:/upstream/body/tool_choice"}}},
      {"tool-choice-no-parallel", {Verdict::Fail, {"upstream.equals:/upstream/body/parallel_tool_calls"}}},
      {"tool-result-blocks", {Verdict::Fail, {"upstream.one_of:/upstream/body/messages/*/content"}}},
      {"stream-usage", {Verdict::Fail, {"upstream.equals:/upstream/body/stream_options/include_usage", kZeroUsage}}},
      {"stream-flag", {Verdict::Fail, {kZeroUsage}}},
      {"stream-text", {Verdict::Fail, {kZeroUsage}}},
      {"stream-max-tokens", {Verdict::Fail, {kZeroUsage}}},
      {"stream-usage-counts",
       {Verdict::Fail, {"stream.folded.equals:/usage/input_tokens", "stream.folded.equals:/usage/output_tokens"}}},
      {"stream-tool-use", {Verdict::Fail, {"stream.folded.matches:/content/*/id", kZeroUsage}}},
      {"reply-message-id", {Verdict::Fail, {"json.matches:/id"}}},
      {"reply-tool-use-id", {Verdict::Fail, {"json.matches:/content/*/id"}}},
      {"model-mapped", {Verdict::Fail, {"json.equals:/model"}}},
      {"reply-content-filter", {Verdict::Fail, {"json.equals:/stop_reason"}}},
      {"fault-429-type", {Verdict::Fail, {"json.equals:/type", "json.equals:/error/type"}}},
      {"fault-stream-429", {Verdict::Fail, {"json.equals:/type", "json.equals:/error/type"}}},
      {"fault-429-retry-after", {Verdict::Fail, {"header.matches:retry-after"}}},
      {"fault-429-quota", {Verdict::Fail, {"json.equals:/type"}}},
      {"fault-500", {Verdict::Fail, {"json.equals:/type"}}},
      {"fault-503", {Verdict::Fail, {"json.equals:/type"}}},
      {"fault-529", {Verdict::Fail, {"json.equals:/type", "json.equals:/error/type"}}},
      {"fault-overloaded", {Verdict::Fail, {"json.equals:/type", "json.equals:/error/type"}}},
      {"fault-unreachable", {Verdict::Fail, {"json.equals:/type"}}},
      {"fault-error-no-leak", {Verdict::Fail, {"json.matches:/error/message"}}},
      {"fault-rate-limit-no-leak", {Verdict::Fail, {"json.matches:/error/message"}}},
      {"fault-unreachable-no-leak", {Verdict::Fail, {"json.matches:/error/message"}}},
      {"fault-malformed", {Verdict::Fail, {"json.equals:/type", "json.matches:/error/message"}}},
      {"fault-stream-cut", {Verdict::Fail, {"stream.missing-error"}}},
      {"fault-stream-cut-tool", {Verdict::Fail, {"stream.missing-error"}}},
  };
  return table;
}

std::string codes_of(const Result& r) {
  std::string out;
  for (const Finding& f : r.findings) out += "\n  " + f.code + ": " + f.message;
  return out;
}

TEST(RouterGateway, TheSuiteFindsExactlyTheDeviationsConfirmedByHand) {
  const std::string dir = gateway_install_dir();
  if (const std::string why = gateway_unavailable(dir); !why.empty()) GTEST_SKIP() << why;
  const int upstream_port = free_port();
  const std::string upstream = "127.0.0.1:" + std::to_string(upstream_port);
  RouterGateway gateway(dir, "http://" + upstream + "/v1/chat/completions", "gpt-upstream");
  ASSERT_TRUE(gateway.started()) << gateway.log();
  TempDir out;
  const ProcessResult run = run_apiconform(
      {"run", "--upstream", "openai", "--upstream-listen", upstream, "--base-url", gateway.base_url(), "--key-env",
       "GATEWAY_TEST_KEY", "--cases", source_dir() + "/cases/gateway/openai", "--out", out.path(), "--no-progress"},
      {{"GATEWAY_TEST_KEY", "client-test-key"}});
  ASSERT_EQ(run.exit_code, 1) << "the deviations fail the run\n" << run.out << run.err << gateway.log();
  const ResultsFile file = read_results_or_fail(out.file("results.json"));
  ASSERT_TRUE(file.upstream.has_value());
  EXPECT_TRUE(file.upstream->unmatched.empty()) << "the gateway sent requests no case asked for";

  std::set<std::string> seen;
  for (const Result& r : file.results) {
    const std::string prefix = "gateway.openai.";
    ASSERT_EQ(r.case_id.rfind(prefix, 0), 0u) << r.case_id;
    const std::string name = r.case_id.substr(prefix.size());
    seen.insert(name);
    ASSERT_TRUE(r.upstream.has_value()) << r.case_id;
    // It never retries (docs/upstream.md): one forwarded request per case, faults included.
    EXPECT_EQ(r.upstream->forwarded.size(), 1u) << r.case_id;
    const auto expected = confirmed_deviations().find(name);
    if (expected == confirmed_deviations().end()) {
      EXPECT_EQ(r.verdict, Verdict::Pass)
          << r.case_id << " (correct by hand) did not pass: " << r.reason << codes_of(r);
      continue;
    }
    EXPECT_EQ(r.verdict, expected->second.verdict) << r.case_id << codes_of(r);
    for (const std::string& code : expected->second.codes) {
      bool found = false;
      for (const Finding& f : r.findings) found = found || f.code == code;
      EXPECT_TRUE(found) << r.case_id << " lacks " << code << ":" << codes_of(r);
    }
  }
  for (const auto& [name, expected] : confirmed_deviations())
    EXPECT_TRUE(seen.count(name)) << "gateway.openai." << name << " did not run";
}

}  // namespace
}  // namespace ac::test
