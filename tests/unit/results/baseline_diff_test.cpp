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
  EXPECT_EQ(d.exit_code(), 0) << "no new deviation, no 2xx -> error: the same root cause failing more cases";
  EXPECT_EQ(d.exit_code(true), 1) << "--strict: a case got worse";
  // Regressions are listed first.
  EXPECT_EQ(d.providers[0].changes[0].kind, ChangeKind::Regression);
  EXPECT_EQ(find_change(d, "regressed")->label, CaseLabel::Worse);
  EXPECT_EQ(find_change(d, "fixed")->label, CaseLabel::Better);
  const std::string text = format_diff(d, false);
  EXPECT_NE(text.find("WORSE     regressed  pass -> fail"), std::string::npos) << text;
  EXPECT_NE(text.find("REMOVED   removed  was pass; not in NEW"), std::string::npos) << text;
  EXPECT_NE(text.find("BETTER    fixed  fail -> pass"), std::string::npos) << text;
  EXPECT_EQ(text.rfind("summary: "), text.rfind('\n', text.size() - 2) + 1) << "the summary is the last line";
  EXPECT_EQ(text.find("\x1b["), std::string::npos) << "no colour unless asked";
  EXPECT_NE(format_diff(d, true).find("\x1b[31;1mWORSE"), std::string::npos);
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

TEST(DiffFiles, ReadsBothFilesOrSaysWhichCannotBeRead) {
  testing::ScratchDir dir;
  write_file(dir.file("old.json"), make_file({make_result("p", "f", "a", V::Pass)}));
  write_file(dir.file("same.json"), make_file({make_result("p", "f", "a", V::Pass)}));
  ResultsFile new_run;
  BaselineDiff d;
  std::string error;
  ASSERT_TRUE(diff_files(dir.file("old.json"), dir.file("same.json"), new_run, d, error)) << error;
  EXPECT_EQ(format_diff(d, false), "no differences (1 case compared)\n");
  EXPECT_EQ(d.exit_code(true), 0);
  EXPECT_FALSE(diff_files(dir.file("old.json"), dir.file("missing.json"), new_run, d, error));
  EXPECT_NE(error.find("missing.json"), std::string::npos);
  EXPECT_FALSE(diff_files(dir.file("nope.json"), "", new_run, d, error));
  EXPECT_EQ(error.rfind("baseline ", 0), 0u) << error;
}

Result coded(const std::string& id, const std::string& code, Severity severity, int status,
             V verdict = V::Fail) {
  Result r = make_result("p", "f", id, verdict, severity);
  if (verdict == V::Fail) r.findings[0].code = code;
  r.exchange.status = status;
  return r;
}

const DeviationChange* find_deviation_change(const BaselineDiff& d, const std::string& code) {
  for (const auto& p : d.providers)
    for (const auto& c : p.deviations)
      if (c.code == code) return &c;
  return nullptr;
}

// Issue 12's measured case: the old version already failed (almost) every case on one systemic
// deviation, so no verdict could change; the gate still sees the new root cause and the fixes.
TEST(BaselineGate, SeesInsideFailingCases) {
  const ResultsFile old_run = make_file({coded("a", "json.matches:/id", Severity::Cosmetic, 200),
                                         coded("b", "json.matches:/id", Severity::Cosmetic, 200),
                                         coded("c", "json.equals:/x", Severity::Breaking, 200)});
  Result b = coded("b", "json.matches:/id", Severity::Cosmetic, 200);
  b.findings.push_back({"json", "/stop_reason", "\"end_turn\"", "null", "lost", Severity::Breaking});
  b.findings.back().code = "json.equals:/stop_reason";
  const ResultsFile new_run = make_file({coded("a", "json.matches:/id", Severity::Cosmetic, 200), b,
                                         coded("c", "json.matches:/id", Severity::Cosmetic, 200)});
  const BaselineDiff d = diff_results(old_run, new_run);
  ASSERT_NE(find_deviation_change(d, "json.equals:/stop_reason"), nullptr);
  EXPECT_EQ(find_deviation_change(d, "json.equals:/stop_reason")->kind, DeviationChangeKind::New);
  EXPECT_EQ(find_deviation_change(d, "json.equals:/x")->kind, DeviationChangeKind::Fixed);
  EXPECT_EQ(find_change(d, "b")->label, CaseLabel::Worse);
  EXPECT_EQ(find_change(d, "c")->label, CaseLabel::Changed) << "lost one code, gained another";
  EXPECT_EQ(d.count(ChangeKind::Regression), 0) << "no verdict changed";
  EXPECT_EQ(d.new_breaking(), 1);
  EXPECT_EQ(d.exit_code(), 1) << "a new breaking deviation, whatever the old verdicts were";
}

TEST(BaselineGate, AFindingThatIsNoLongerEvaluatedIsNeverFixed) {
  // OLD: a 200 with a wrong id. NEW: a 400 (the request is refused), so the id is never checked.
  const ResultsFile old_run = make_file({coded("a", "json.matches:/id", Severity::Cosmetic, 200)});
  const ResultsFile new_run = make_file({coded("a", "status:200\xE2\x86\x92" "400", Severity::Breaking, 400)});
  const BaselineDiff d = diff_results(old_run, new_run);
  EXPECT_EQ(find_deviation_change(d, "json.matches:/id")->kind, DeviationChangeKind::NotEvaluated);
  EXPECT_EQ(d.count(DeviationChangeKind::Fixed), 0);
  const CaseChange* a = find_change(d, "a");
  ASSERT_NE(a, nullptr);
  EXPECT_TRUE(a->success_to_error());
  EXPECT_EQ(a->not_evaluated, std::vector<std::string>{"json.matches:/id"});
  EXPECT_TRUE(a->lost.empty());
  EXPECT_EQ(a->label, CaseLabel::Worse);
  EXPECT_EQ(d.success_to_error(), 1);
  EXPECT_EQ(d.exit_code(), 1);
  EXPECT_NE(diff_summary(d).find("1 2xx -> error"), std::string::npos) << diff_summary(d);
}

TEST(BaselineGate, CosmeticChangesPassUnlessStrictAndSeverityChangesAreReported) {
  const ResultsFile old_run = make_file({coded("a", "header.present:request-id", Severity::Breaking, 200),
                                         make_result("p", "f", "b", V::Pass)});
  ResultsFile new_run = make_file({coded("a", "header.present:request-id", Severity::Cosmetic, 200),
                                   coded("b", "status:200\xE2\x86\x92" "201", Severity::Cosmetic, 201)});
  const BaselineDiff d = diff_results(old_run, new_run);
  const DeviationChange* regraded = find_deviation_change(d, "header.present:request-id");
  ASSERT_NE(regraded, nullptr);
  EXPECT_EQ(regraded->kind, DeviationChangeKind::SeverityChanged);
  EXPECT_EQ(regraded->old_severity, Severity::Breaking);
  EXPECT_EQ(regraded->new_severity, Severity::Cosmetic);
  EXPECT_EQ(find_deviation_change(d, "status:200\xE2\x86\x92" "201")->kind, DeviationChangeKind::New);
  EXPECT_EQ(d.exit_code(false), 0) << "a new cosmetic deviation";
  EXPECT_EQ(d.exit_code(true), 1) << "--strict";
  EXPECT_NE(d.exit_reason(true).find("--strict"), std::string::npos);
}

}  // namespace
}  // namespace ac
