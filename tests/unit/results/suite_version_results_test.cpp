#include <gtest/gtest.h>

#include "results/baseline_diff.hpp"
#include "results/deviations.hpp"
#include "results/merge.hpp"
#include "results/results_reader.hpp"
#include "results/results_writer.hpp"
#include "unit/results/make_result.hpp"
#include "unit/results/scratch_dir.hpp"

namespace ac {
namespace {

using testing::make_file;
using testing::make_result;
using V = Verdict;

ResultsFile with_suite(const std::string& version, const std::string& hash, V verdict = V::Pass) {
  ResultsFile f = make_file({make_result("p", "f", "a", verdict)});
  f.run.suite = SuiteVersion{version, hash};
  return f;
}

void write_file(const std::string& path, const ResultsFile& f) { testing::write_results_file(path, f); }

TEST(SuiteInResults, IsWrittenAndReadBack) {
  testing::ScratchDir dir;
  write_file(dir.file("r.json"), with_suite("2026.12.0", "0123456789abcdef"));
  const std::string text = testing::read_text(dir.file("r.json"));
  EXPECT_NE(text.find(R"("suite":{"version":"2026.12.0","hash":"0123456789abcdef"})"), std::string::npos) << text;
  ResultsFile back;
  std::string error;
  ASSERT_TRUE(read_results(dir.file("r.json"), back, error)) << error;
  EXPECT_EQ(back.run.suite.version, "2026.12.0");
  EXPECT_EQ(back.run.suite.hash, "0123456789abcdef");
}

TEST(SuiteInResults, AFileWithoutItReadsAsNoSuite) {
  testing::ScratchDir dir;
  write_file(dir.file("r.json"), make_file({make_result("p", "f", "a", V::Pass)}));
  EXPECT_EQ(testing::read_text(dir.file("r.json")).find("\"suite\""), std::string::npos);
  ResultsFile back;
  std::string error;
  ASSERT_TRUE(read_results(dir.file("r.json"), back, error)) << error;
  EXPECT_TRUE(back.run.suite.empty());
}

TEST(SuiteInBaseline, TheSameSuiteIsComparedWithoutANote) {
  const BaselineDiff d = diff_results(with_suite("1", "aaaa"), with_suite("1", "aaaa"));
  EXPECT_EQ(d.suite_note, "");
  EXPECT_EQ(format_diff(d, false), "no differences (1 case compared)\n");
}

TEST(SuiteInBaseline, AnotherSuiteIsFlaggedEvenWithoutDifferences) {
  const BaselineDiff d = diff_results(with_suite("1", "aaaa"), with_suite("2", "bbbb"));
  EXPECT_EQ(d.suite_note,
            "baseline taken with suite 1 (content aaaa), this run uses suite 2 (content bbbb): differences may come "
            "from the suite");
  EXPECT_EQ(format_diff(d, false), "note: " + d.suite_note + "\nno differences (1 case compared)\n");
  EXPECT_EQ(d.exit_code(), 0);
}

TEST(SuiteInBaseline, AnEditedSuiteWithTheSameVersionIsFlagged) {
  const BaselineDiff d = diff_results(with_suite("1", "aaaa"), with_suite("1", "cccc", V::Fail));
  EXPECT_NE(d.suite_note.find("suite 1 (content aaaa), this run uses suite 1 (content cccc)"), std::string::npos);
  const std::string text = format_diff(d, false);
  EXPECT_EQ(text.rfind("note: baseline taken with suite 1", 0), 0u) << text;
  EXPECT_NE(text.find("WORSE     a  pass -> fail"), std::string::npos) << text;
  EXPECT_EQ(d.exit_code(), 1);  // still judged: the note explains, it does not excuse
}

TEST(SuiteInBaseline, ABaselineFromBeforeVersionsIsFlagged) {
  const BaselineDiff d = diff_results(make_file({make_result("p", "f", "a", V::Pass)}), with_suite("1", "aaaa"));
  EXPECT_NE(d.suite_note.find("no recorded suite version"), std::string::npos) << d.suite_note;
}

TEST(SuiteInBaseline, DiffFilesAndCompareWithBaselineShowTheNote) {
  testing::ScratchDir dir;
  write_file(dir.file("old.json"), with_suite("1", "aaaa"));
  write_file(dir.file("new.json"), with_suite("2", "bbbb"));
  ResultsFile new_run;
  BaselineDiff d;
  std::string error;
  ASSERT_TRUE(diff_files(dir.file("old.json"), dir.file("new.json"), new_run, d, error)) << error;
  std::string out = format_diff(d, false);
  EXPECT_EQ(d.exit_code(), 0);
  EXPECT_EQ(out.rfind("note: baseline taken with suite 1 (content aaaa)", 0), 0u) << out;
  ResultsFile run = with_suite("2", "bbbb");
  ASSERT_TRUE(diff_files(dir.file("old.json"), "", run, d, error)) << error;
  EXPECT_NE(format_diff(d, false).find("differences may come from the suite"), std::string::npos);
}

TEST(SuiteInMerge, ShardsJudgedWithAnotherSuiteAreRefused) {
  ResultsFile a = with_suite("1", "aaaa");
  ResultsFile b = make_file({make_result("p", "f", "b", V::Pass)});
  b.run.suite = SuiteVersion{"1", "bbbb"};
  ResultsFile out;
  std::vector<std::string> notes;
  std::string error;
  EXPECT_FALSE(merge_results({a, b}, {"a.json", "b.json"}, out, notes, error));
  EXPECT_NE(error.find("b.json was judged with suite 1 (content bbbb)"), std::string::npos) << error;
  b.run.suite = a.run.suite;
  ASSERT_TRUE(merge_results({a, b}, {"a.json", "b.json"}, out, notes, error)) << error;
  EXPECT_EQ(out.run.suite.hash, "aaaa");
}

}  // namespace
}  // namespace ac
