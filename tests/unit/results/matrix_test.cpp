#include <gtest/gtest.h>

#include "results/matrix.hpp"
#include "unit/results/make_result.hpp"

namespace ac {
namespace {

using testing::make_file;
using testing::make_result;
using V = Verdict;

// The state of a one-provider, one-feature cell made of cases with these verdicts.
CellState state_of(std::vector<V> verdicts) {
  std::vector<Result> results;
  for (std::size_t i = 0; i < verdicts.size(); ++i) {
    results.push_back(make_result("p", "f", "case" + std::to_string(i), verdicts[i]));
  }
  const Matrix m = build_matrix(make_file(results, {{"p", "", false, "run", ""}}));
  return m.cell(0, 0).state;
}

TEST(CellState, FollowsTheDocumentedRules) {
  EXPECT_EQ(state_of({V::Pass, V::Pass}), CellState::Pass);
  EXPECT_EQ(state_of({V::Pass, V::Unsupported, V::Skip}), CellState::Pass);
  EXPECT_EQ(state_of({V::Pass, V::Fail}), CellState::Partial);
  EXPECT_EQ(state_of({V::Pass, V::Error}), CellState::Partial);
  EXPECT_EQ(state_of({V::Pass, V::Known}), CellState::Partial);
  EXPECT_EQ(state_of({V::Fail, V::Fail, V::Error}), CellState::Fail);
  EXPECT_EQ(state_of({V::Fail, V::Known}), CellState::Fail);
  EXPECT_EQ(state_of({V::Unsupported, V::Unsupported}), CellState::Unsupported);
  EXPECT_EQ(state_of({V::Unsupported, V::Skip}), CellState::Unsupported);
  EXPECT_EQ(state_of({V::Known, V::Known, V::Unsupported}), CellState::Known);
  EXPECT_EQ(state_of({V::Error}), CellState::Error);
  EXPECT_EQ(state_of({V::Error, V::Known}), CellState::Error);
  EXPECT_EQ(state_of({V::Skip, V::Skip}), CellState::NotRun);
}

TEST(Matrix, ANotRunProviderHasNotRunCellsWithItsReason) {
  const Matrix m = build_matrix(make_file({make_result("a", "f1", "c1", V::Pass), make_result("a", "f2", "c2", V::Fail)},
                                          {{"a", "", false, "run", ""}, {"b", "", false, "not_run", "set B_KEY"}}));
  ASSERT_EQ(m.providers, (std::vector<std::string>{"a", "b"}));
  ASSERT_EQ(m.features, (std::vector<std::string>{"f1", "f2"}));
  EXPECT_EQ(m.cell(0, 1).state, CellState::NotRun);
  EXPECT_EQ(m.cell(1, 1).reason, "set B_KEY");
  EXPECT_FALSE(m.scores[1].run);
  EXPECT_EQ(m.cell(1, 0).state, CellState::Fail);
}

TEST(Matrix, AFeatureAProviderNeverRanIsNotRun) {
  const Matrix m = build_matrix(make_file({make_result("a", "f1", "c1", V::Pass), make_result("b", "f2", "c2", V::Pass)}));
  EXPECT_EQ(m.cell(1, 0).state, CellState::NotRun);  // f2 × a
  EXPECT_EQ(m.cell(0, 1).state, CellState::NotRun);  // f1 × b
  EXPECT_EQ(m.cell(0, 0).state, CellState::Pass);
}

TEST(Matrix, CellsWhoseFailuresAreAllCosmeticAreMarked) {
  const Matrix cosmetic = build_matrix(make_file(
      {make_result("p", "f", "a", V::Fail, Severity::Cosmetic), make_result("p", "f", "b", V::Pass)}));
  EXPECT_EQ(cosmetic.cell(0, 0).state, CellState::Partial);
  EXPECT_TRUE(cosmetic.cell(0, 0).cosmetic_only);
  const Matrix breaking = build_matrix(make_file(
      {make_result("p", "f", "a", V::Fail, Severity::Cosmetic), make_result("p", "f", "b", V::Fail)}));
  EXPECT_EQ(breaking.cell(0, 0).state, CellState::Fail);
  EXPECT_FALSE(breaking.cell(0, 0).cosmetic_only);
  EXPECT_EQ(breaking.cell(0, 0).breaking, 1);
}

TEST(Matrix, AFailureWithoutFindingsCountsAsBreaking) {
  Result r = make_result("p", "f", "a", V::Fail);
  r.findings.clear();
  const Matrix m = build_matrix(make_file({r}));
  EXPECT_FALSE(m.cell(0, 0).cosmetic_only);
  EXPECT_EQ(m.scores[0].breaking, 1);
}

TEST(Score, IsTheShareOfApplicableCasesPassing) {
  const Matrix m = build_matrix(make_file({make_result("p", "f", "a", V::Pass), make_result("p", "f", "b", V::Pass),
                                           make_result("p", "g", "c", V::Pass), make_result("p", "g", "d", V::Fail),
                                           make_result("p", "g", "e", V::Known), make_result("p", "h", "f", V::Unsupported),
                                           make_result("p", "h", "g", V::Skip), make_result("p", "h", "h", V::Error)}));
  const ProviderScore& s = m.scores[0];
  EXPECT_EQ(s.applicable, 6);  // 3 pass + fail + known + error
  EXPECT_EQ(s.unsupported, 1);
  EXPECT_EQ(s.skip, 1);
  EXPECT_DOUBLE_EQ(s.score, 50.0);
}

TEST(Repeats, FoldIntoPassAtKAndPassHatK) {
  // a: pass, pass; b: pass, fail (flaky); c: fail, fail.
  const Matrix m = build_matrix(make_file({
      make_result("p", "f", "a", V::Pass, Severity::Breaking, 0), make_result("p", "f", "a", V::Pass, Severity::Breaking, 1),
      make_result("p", "f", "b", V::Pass, Severity::Breaking, 0), make_result("p", "f", "b", V::Fail, Severity::Breaking, 1),
      make_result("p", "f", "c", V::Fail, Severity::Breaking, 0), make_result("p", "f", "c", V::Fail, Severity::Breaking, 1),
  }));
  ASSERT_EQ(m.outcomes.size(), 3u);
  EXPECT_EQ(m.outcomes[1].verdict, V::Fail);
  EXPECT_TRUE(m.outcomes[1].flaky);
  EXPECT_EQ(m.outcomes[1].runs, 2);
  EXPECT_EQ(m.outcomes[1].passes, 1);
  const Cell& cell = m.cell(0, 0);
  EXPECT_EQ(cell.cases, 3);
  EXPECT_EQ(cell.flaky, 1);
  EXPECT_NEAR(cell.pass_at_k, 2.0 / 3, 1e-9);
  EXPECT_NEAR(cell.pass_hat_k, 1.0 / 3, 1e-9);
  EXPECT_EQ(cell.state, CellState::Partial);
  EXPECT_NEAR(m.scores[0].pass_at_k, 2.0 / 3, 1e-9);
}

TEST(Repeats, RetriedCasesAreCounted) {
  Result r = make_result("p", "f", "a", V::Pass);
  r.exchange.attempts = 3;
  const Matrix m = build_matrix(make_file({r}));
  EXPECT_TRUE(m.outcomes[0].retried);
  EXPECT_EQ(m.outcomes[0].max_attempts, 3);
  EXPECT_EQ(m.cell(0, 0).retried, 1);
}

}  // namespace
}  // namespace ac

namespace ac {
namespace {

Result with_code(const std::string& feature, const std::string& id, const std::string& code, Severity severity) {
  Result r = testing::make_result("p", feature, id, Verdict::Fail, severity);
  r.findings[0].code = code;
  return r;
}

// A deviation owned by one feature fails cases of another only collaterally: that cell says
// "pass, except D1" rather than "fail", and the score counts the root cause once.
TEST(MatrixDeviations, CollateralCasesMakeAPassExceptCell) {
  const ResultsFile file = testing::make_file({
      with_code("streaming", "s1", "stream.x", Severity::Breaking), with_code("streaming", "s2", "stream.x", Severity::Breaking),
      with_code("messages", "m1", "stream.x", Severity::Breaking), testing::make_result("p", "messages", "m2", Verdict::Pass),
      with_code("tools", "t1", "status:200\xE2\x86\x92" "201", Severity::Cosmetic),
      testing::make_result("p", "tools", "t2", Verdict::Pass)});
  const Matrix m = build_matrix(file);
  ASSERT_EQ(m.features, (std::vector<std::string>{"messages", "streaming", "tools"}));
  const Cell& messages = m.cell(0, 0);
  EXPECT_EQ(messages.state, CellState::Except);
  EXPECT_EQ(messages.except, std::vector<std::string>{"D1"});
  EXPECT_EQ(messages.collateral, 1);
  EXPECT_EQ(m.cell(1, 0).state, CellState::Fail) << "the owner keeps its failure";
  EXPECT_EQ(m.cell(2, 0).state, CellState::Partial) << "a deviation it owns itself";
  const ProviderScore& s = m.scores[0];
  EXPECT_EQ(s.features, 3);
  EXPECT_EQ(s.usable_features, 1) << "only tools: its deviation is cosmetic";
  EXPECT_EQ(s.deviations_breaking, 1);
  EXPECT_EQ(s.deviations_cosmetic, 1);
  EXPECT_EQ(s.deviations_lenient, 0);
}

}  // namespace
}  // namespace ac
