#include <gtest/gtest.h>

#include "results/baseline_diff.hpp"
#include "results/deviations.hpp"
#include "results/results_writer.hpp"
#include "unit/results/make_result.hpp"
#include "unit/results/scratch_dir.hpp"

namespace ac {
namespace {

using testing::make_file;
using testing::make_result;
using V = Verdict;

const CaseChange* find_change(const BaselineDiff& d, const std::string& id) {
  for (const auto& p : d.providers) {
    for (const auto& c : p.changes) {
      if (c.case_id == id) return &c;
    }
  }
  return nullptr;
}

TEST(BaselineDiff, IdenticalRunsWithDifferentTimingsDiffClean) {
  ResultsFile a = make_file({make_result("p", "f", "x", V::Pass), make_result("p", "f", "y", V::Fail)});
  ResultsFile b = a;
  b.results[0].exchange.timings.total_ms = 999;
  b.results[1].exchange.body = "a different body with a fresh msg_ id";
  b.results[1].exchange.response_headers = {{"request-id", "req_other"}};
  b.results[1].findings[0].actual = "another actual";
  b.results[1].findings[0].message = "another message";
  b.run.started_at = "later";
  const BaselineDiff d = diff_results(a, b);
  EXPECT_TRUE(d.clean()) << format_diff(d, false);
  EXPECT_EQ(d.exit_code(), 0);
  EXPECT_EQ(format_diff(d, false), "no differences (2 cases compared)\n");
}

TEST(BaselineDiff, ClassifiesEveryKindOfChange) {
  const ResultsFile old_run = make_file({
      make_result("p", "f", "regressed", V::Pass), make_result("p", "f", "errored", V::Pass),
      make_result("p", "f", "fixed", V::Fail), make_result("p", "f", "known-fixed", V::Known),
      make_result("p", "f", "removed", V::Pass), make_result("p", "f", "fail-to-error", V::Fail),
      make_result("p", "f", "findings", V::Fail), make_result("p", "f", "pass-to-known", V::Pass)});
  Result new_findings = make_result("p", "f", "findings", V::Fail);
  new_findings.findings[0].pointer = "/y";
  const ResultsFile new_run = make_file({
      make_result("p", "f", "regressed", V::Fail), make_result("p", "f", "errored", V::Error),
      make_result("p", "f", "fixed", V::Pass), make_result("p", "f", "known-fixed", V::Pass),
      make_result("p", "f", "added", V::Fail), make_result("p", "f", "fail-to-error", V::Error), new_findings,
      make_result("p", "f", "pass-to-known", V::Known)});
  const BaselineDiff d = diff_results(old_run, new_run);
  EXPECT_EQ(find_change(d, "regressed")->kind, ChangeKind::Regression);
  EXPECT_EQ(find_change(d, "errored")->kind, ChangeKind::Regression);
  EXPECT_EQ(find_change(d, "fixed")->kind, ChangeKind::Fix);
  EXPECT_EQ(find_change(d, "known-fixed")->kind, ChangeKind::Fix);
  EXPECT_EQ(find_change(d, "removed")->kind, ChangeKind::Removed);
  EXPECT_EQ(find_change(d, "added")->kind, ChangeKind::New);
  EXPECT_EQ(find_change(d, "fail-to-error")->kind, ChangeKind::VerdictChanged);
  EXPECT_EQ(find_change(d, "pass-to-known")->kind, ChangeKind::VerdictChanged);
  const CaseChange* f = find_change(d, "findings");
  ASSERT_EQ(f->kind, ChangeKind::FindingsChanged);
  ASSERT_EQ(f->added_findings.size(), 1u);
  EXPECT_EQ(f->added_findings[0].pointer, "/y");
  ASSERT_EQ(f->removed_findings.size(), 1u);
  EXPECT_EQ(f->removed_findings[0].pointer, "/x");
  EXPECT_EQ(d.count(ChangeKind::Regression), 2);
  EXPECT_EQ(d.exit_code(), 1);
  // Regressions are listed first.
  EXPECT_EQ(d.providers[0].changes[0].kind, ChangeKind::Regression);
  const std::string text = format_diff(d, false);
  EXPECT_NE(text.find("REGRESSION  regressed  pass -> fail"), std::string::npos) << text;
  EXPECT_NE(text.find("REMOVED     removed  was pass; not in NEW"), std::string::npos) << text;
  EXPECT_NE(text.find("+ json /y: expected 1, got 2 (breaking)"), std::string::npos) << text;
  EXPECT_NE(text.find("diff: 2 regressions, 2 fixed, 1 new, 1 removed, 3 changed"), std::string::npos) << text;
  EXPECT_EQ(text.find("\x1b["), std::string::npos) << "no colour unless asked";
  EXPECT_NE(format_diff(d, true).find("\x1b[31;1mREGRESSION"), std::string::npos);
}

TEST(BaselineDiff, OnlyOldFailuresMeanExitZero) {
  const ResultsFile old_run = make_file({make_result("p", "f", "a", V::Fail), make_result("p", "f", "b", V::Pass)});
  const ResultsFile new_run = make_file({make_result("p", "f", "a", V::Fail), make_result("p", "f", "b", V::Pass),
                                         make_result("p", "f", "c", V::Fail)});
  const BaselineDiff d = diff_results(old_run, new_run);
  EXPECT_FALSE(d.has_regressions());
  EXPECT_EQ(d.exit_code(), 0);
}

TEST(BaselineDiff, IsPerProviderAndAProviderNotRunLosesItsCases) {
  const ResultsFile old_run = make_file({make_result("a", "f", "x", V::Pass), make_result("b", "f", "x", V::Pass)},
                                        {{"a", "", false, "run", ""}, {"b", "", false, "run", ""}});
  const ResultsFile new_run = make_file({make_result("a", "f", "x", V::Fail)},
                                        {{"a", "", false, "run", ""}, {"b", "", false, "not_run", "set B_KEY"}});
  const BaselineDiff d = diff_results(old_run, new_run);
  ASSERT_EQ(d.providers.size(), 2u);
  EXPECT_EQ(d.providers[0].provider, "a");
  EXPECT_EQ(d.providers[0].count(ChangeKind::Regression), 1);
  EXPECT_EQ(d.providers[1].provider, "b");
  EXPECT_EQ(d.providers[1].count(ChangeKind::Removed), 1);
  EXPECT_EQ(d.providers[1].note, "not run in NEW: set B_KEY");
}

TEST(BaselineDiff, RepeatsAreFoldedBeforeComparing) {
  const ResultsFile old_run = make_file({make_result("p", "f", "a", V::Pass, Severity::Breaking, 0),
                                         make_result("p", "f", "a", V::Pass, Severity::Breaking, 1)});
  const ResultsFile new_run = make_file({make_result("p", "f", "a", V::Pass, Severity::Breaking, 0),
                                         make_result("p", "f", "a", V::Fail, Severity::Breaking, 1)});
  EXPECT_TRUE(diff_results(old_run, old_run).clean());
  EXPECT_EQ(diff_results(old_run, new_run).count(ChangeKind::Regression), 1);
}

void write_file(const std::string& path, const ResultsFile& f) { testing::write_results_file(path, f); }

TEST(DiffFiles, ExitCodesFollowTheFiles) {
  testing::ScratchDir dir;
  write_file(dir.file("old.json"), make_file({make_result("p", "f", "a", V::Pass)}));
  write_file(dir.file("same.json"), make_file({make_result("p", "f", "a", V::Pass)}));
  write_file(dir.file("worse.json"), make_file({make_result("p", "f", "a", V::Error)}));
  std::string out, error;
  EXPECT_EQ(diff_files(dir.file("old.json"), dir.file("same.json"), false, out, error), 0);
  EXPECT_EQ(out, "no differences (1 case compared)\n");
  EXPECT_EQ(diff_files(dir.file("old.json"), dir.file("worse.json"), false, out, error), 1);
  EXPECT_NE(out.find("pass -> error: connection refused"), std::string::npos) << out;
  EXPECT_EQ(diff_files(dir.file("old.json"), dir.file("missing.json"), false, out, error), 2);
  EXPECT_NE(error.find("missing.json"), std::string::npos);
}

TEST(CompareWithBaseline, ExitsOneOnlyOnRegressions) {
  testing::ScratchDir dir;
  write_file(dir.file("base.json"), make_file({make_result("p", "f", "a", V::Pass), make_result("p", "f", "b", V::Fail)}));
  std::string out, error;
  EXPECT_EQ(compare_with_baseline(dir.file("base.json"),
                                  make_file({make_result("p", "f", "a", V::Pass), make_result("p", "f", "b", V::Fail)}),
                                  false, out, error), 0);
  EXPECT_EQ(compare_with_baseline(dir.file("base.json"),
                                  make_file({make_result("p", "f", "a", V::Fail), make_result("p", "f", "b", V::Pass)}),
                                  false, out, error), 1);
  EXPECT_EQ(compare_with_baseline(dir.file("nope.json"), ResultsFile{}, false, out, error), 2);
  EXPECT_EQ(error.rfind("baseline ", 0), 0u) << error;
}

}  // namespace
}  // namespace ac
