// User story: `apiconform run` with no target judges the whole suite against the embedded
// reference simulator, offline, and every case passes.
#include <gtest/gtest.h>

#include "e2e_helpers.hpp"

namespace ac::test {
namespace {

TEST(RunReference, TheWholeSuitePassesAgainstTheEmbeddedSimulator) {
  TempDir out;
  ProcessResult r = run_apiconform({"run", "--out", out.path(), "--no-progress"});
  ResultsFile file = read_results_or_fail(out.file("results.json"));
  ASSERT_FALSE(file.results.empty()) << r.out << r.err;
  for (const auto& result : file.results) {
    // Skips are cases for another API version; unsupported ones are declared in the profile with a reason.
    if (result.verdict == Verdict::Unsupported) {
      EXPECT_FALSE(result.reason.empty()) << result.case_id;
    }
    EXPECT_TRUE(result.verdict != Verdict::Fail && result.verdict != Verdict::Error && result.verdict != Verdict::Known)
        << result.case_id << ": " << to_string(result.verdict) << " " << result.reason
        << (result.findings.empty() ? "" : " " + result.findings[0].check + " " + result.findings[0].pointer + ": " +
                                               result.findings[0].message + " (expected " +
                                               result.findings[0].expected + ", actual " + result.findings[0].actual + ")");
  }
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  ASSERT_EQ(file.run.providers.size(), 1u);
  EXPECT_EQ(file.run.providers[0].name, "reference");
  EXPECT_TRUE(file.run.providers[0].simulated);
  EXPECT_NE(r.out.find("results"), std::string::npos);
}

TEST(RunReference, TheSuitePassesUnderApiVersion20261021Too) {
  TempDir out;
  ProcessResult r = run_apiconform({"run", "--api-version", "2026-10-21", "--out", out.path(), "--no-progress"});
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  ResultsFile file = read_results_or_fail(out.file("results.json"));
  int v2026 = 0;
  for (const auto& result : file.results) {
    EXPECT_NE(result.verdict, Verdict::Fail) << result.case_id;
    if (result.feature == "api.2026-10-21") {
      ++v2026;
      EXPECT_EQ(result.verdict, Verdict::Pass) << result.case_id;
    }
  }
  EXPECT_GE(v2026, 3);  // the version's own cases ran, not skipped
}

TEST(RunReference, FiltersSelectCasesAndTheRestAreNotRun) {
  TempDir out;
  ProcessResult r = run_apiconform({"run", "--out", out.path(), "--case", "models.*", "--no-progress"});
  ResultsFile file = read_results_or_fail(out.file("results.json"));
  ASSERT_FALSE(file.results.empty()) << r.err;
  for (const auto& result : file.results) EXPECT_EQ(result.case_id.rfind("models.", 0), 0u) << result.case_id;
}

}  // namespace
}  // namespace ac::test
