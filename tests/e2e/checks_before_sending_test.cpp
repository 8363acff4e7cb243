// User story: a mistake a run can see before its first request costs no request: a typo in
// --format, an output folder it cannot write, a baseline it cannot read, a filter that selects
// nothing, a key variable that is unset. Each is named, all at once, and the run exits 2 with
// nothing sent. A run that judged nothing never exits 0.
#include <gtest/gtest.h>

#include <filesystem>

#include "e2e_helpers.hpp"
#include "support/local_server.hpp"

namespace ac::test {
namespace {

const char* kReply =
    R"({"id":"msg_1","type":"message","role":"assistant","model":"m","content":[{"type":"text","text":"hi"}],"stop_reason":"end_turn","stop_sequence":null,"usage":{"input_tokens":3,"output_tokens":1}})";

struct Fixture {
  LocalServer server{Script::json(200, kReply)};
  TempDir dir;
  Fixture() { dir.write("cases/basic.yaml", kBasicCase); }
  std::vector<std::string> args(std::vector<std::string> extra) const {
    std::vector<std::string> a{"run",   "--base-url", server.base_url(), "--key-env", "E2E_KEY", "--cases",
                               dir.file("cases"), "--out", dir.file("out"), "--no-progress"};
    a.insert(a.end(), extra.begin(), extra.end());
    return a;
  }
  ProcessResult run(std::vector<std::string> extra, std::map<std::string, std::string> env = {{"E2E_KEY", "k-1"}}) const {
    return run_apiconform(args(std::move(extra)), env);
  }
};

TEST(ChecksBeforeSending, AMistypedFormatFailsBeforeAnyRequest) {
  Fixture f;
  ProcessResult r = f.run({"--format", "htlm"});
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_EQ(f.server.request_count(), 0);
  EXPECT_NE(r.err.find("did you mean `html`?"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("nothing was sent"), std::string::npos) << r.err;
  EXPECT_FALSE(std::filesystem::exists(f.dir.file("out/results.json")));
}

TEST(ChecksBeforeSending, FormatsWithSpacesAfterCommasAreRead) {
  Fixture f;
  ProcessResult r = f.run({"--format", "html, md"});
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_TRUE(std::filesystem::exists(f.dir.file("out/report.html")));
  EXPECT_TRUE(std::filesystem::exists(f.dir.file("out/report.md")));
}

TEST(ChecksBeforeSending, EveryProblemIsNamedAtOnceAndNothingIsSent) {
  Fixture f;
  f.dir.write("not-results.json", R"({"hello":"world"})");
  f.dir.write("blocker", "a file where the output folder should go");
  std::vector<std::string> a = {"run",       "--base-url", f.server.base_url(), "--key-env", "E2E_KEY",
                                "--cases",   f.dir.file("cases"), "--out", f.dir.file("blocker/out"),
                                "--baseline", f.dir.file("not-results.json"), "--case", "probe.basci",
                                "--no-progress"};
  ProcessResult r = run_apiconform(a, {{"E2E_KEY", "k-1"}});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(f.server.request_count(), 0);
  EXPECT_NE(r.err.find("--out " + f.dir.file("blocker/out") + ": cannot create the folder"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("--baseline: "), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("--case 'probe.basci' matches no case; did you mean `probe.basic`?"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("3 problems before the first request"), std::string::npos) << r.err;
}

TEST(ChecksBeforeSending, AMissingBaselineFailsBeforeAnyRequest) {
  Fixture f;
  ProcessResult r = f.run({"--baseline", f.dir.file("missing.json")});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(f.server.request_count(), 0);
  EXPECT_NE(r.err.find("missing.json"), std::string::npos) << r.err;
}

TEST(ChecksBeforeSending, AnUnsetKeyVariableStopsTheRunAndNamesTheVariable) {
  Fixture f;
  ProcessResult r = f.run({}, {});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(f.server.request_count(), 0);
  EXPECT_NE(r.err.find("set E2E_KEY"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("--skip-missing-keys"), std::string::npos) << r.err;
}

// With --skip-missing-keys the providers that have their key run, the other is reported as not
// run (naming the variable), and the exit code is that of the ones that ran.
TEST(ChecksBeforeSending, SkipMissingKeysRunsTheOthersAndReportsTheSkippedOne) {
  Fixture f;
  ProcessResult r = f.run({"--provider", "reference", "--skip-missing-keys"}, {});
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_EQ(f.server.request_count(), 0);
  ResultsFile file = read_results_or_fail(f.dir.file("out/results.json"));
  ASSERT_EQ(file.run.providers.size(), 2u);
  EXPECT_EQ(file.run.providers[0].status, "not_run");
  EXPECT_NE(file.run.providers[0].reason.find("E2E_KEY"), std::string::npos);
  EXPECT_EQ(file.run.providers[1].status, "run");
  EXPECT_NE(r.out.find("E2E_KEY"), std::string::npos) << r.out;
}

TEST(ChecksBeforeSending, SkipMissingKeysWithNoProviderLeftIsStillAnError) {
  Fixture f;
  ProcessResult r = f.run({"--skip-missing-keys"}, {});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("no other provider is left"), std::string::npos) << r.err;
}

const char* kTypoCase = R"(id: probe.typo
feature: messages.basic
request:
  endpoint: messages
  json:
    model: "{{modle}}"
    max_tokens: 8
    messages: [{role: user, content: hi}]
expect:
  status: 200
)";

// A mistyped {{variable}} used to pass lint and fail each case at run time (exit 3).
TEST(ChecksBeforeSending, AnUnknownVariableIsLocatedAndNothingIsSent) {
  Fixture f;
  std::string file = f.dir.write("cases/typo.yaml", kTypoCase);
  ProcessResult r = f.run({});
  EXPECT_EQ(r.exit_code, 2) << r.out << r.err;
  EXPECT_EQ(f.server.request_count(), 0);
  EXPECT_NE(r.err.find(file + ":6:13: error: unknown variable `{{modle}}` for provider custom"), std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("did you mean `model`?"), std::string::npos) << r.err;
}

TEST(ChecksBeforeSending, LintWithAProviderReportsUnknownVariablesLikeOtherErrors) {
  TempDir dir;
  std::string file = dir.write("cases/typo.yaml", kTypoCase);
  ProcessResult plain = run_apiconform({"lint", dir.file("cases")});
  EXPECT_EQ(plain.exit_code, 0) << plain.err;  // without a provider, no variable is known or unknown
  ProcessResult r = run_apiconform({"lint", dir.file("cases"), "--provider", "reference"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find(file + ":6:13: error: unknown variable `{{modle}}` for provider reference"), std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("^"), std::string::npos) << r.err;
}

TEST(ChecksBeforeSending, ARunThatJudgedNothingDoesNotExit0) {
  Fixture f;
  f.dir.write("cases/basic.yaml", std::string(kBasicCase) + "api_version: \"2099-01-01\"\n");
  ProcessResult r = f.run({});
  EXPECT_EQ(r.exit_code, 2) << r.out << r.err;
  EXPECT_EQ(f.server.request_count(), 0);
  EXPECT_NE(r.err.find("no case was judged (1 skipped, 0 unsupported)"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace ac::test
