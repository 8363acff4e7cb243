// Shard results joined into one run's results.
#include <gtest/gtest.h>

#include "make_result.hpp"
#include "results/merge.hpp"

namespace ac {
namespace {

using testing::make_file;
using testing::make_result;

ResultsFile shard(std::vector<Result> results, const std::string& which, const std::string& started,
                  const std::string& finished) {
  ResultsFile f = make_file(std::move(results), {ProviderRun{"gw", "http://gw", false, "run", ""}});
  f.run.shard = which;
  f.run.started_at = started;
  f.finished_at = finished;
  f.run.jobs = 4;
  return f;
}

TEST(Merge, ResultsAreJoinedAndTheSummaryRecounted) {
  ResultsFile a = shard({make_result("gw", "f1", "c1", Verdict::Pass), make_result("gw", "f1", "c2", Verdict::Fail)},
                        "1/2", "2026-12-04T10:00:05Z", "2026-12-04T10:01:00Z");
  ResultsFile b = shard({make_result("gw", "f2", "c3", Verdict::Error)}, "2/2", "2026-12-04T10:00:01Z",
                        "2026-12-04T10:02:00Z");
  a.cost.of("gw") = ProviderCost{"gw", 3, 100, 20, 1, 0};
  b.cost.of("gw") = ProviderCost{"gw", 2, 50, 5, 0, 0};
  ResultsFile out;
  std::vector<std::string> notes;
  std::string error;
  ASSERT_TRUE(merge_results({a, b}, {"a.json", "b.json"}, out, notes, error)) << error;
  ASSERT_EQ(out.results.size(), 3u);
  EXPECT_EQ(out.results[2].case_id, "c3");
  EXPECT_EQ(out.summary.total, 3);
  EXPECT_EQ(out.summary.pass, 1);
  EXPECT_EQ(out.summary.fail, 1);
  EXPECT_EQ(out.summary.error, 1);
  EXPECT_EQ(out.run.started_at, "2026-12-04T10:00:01Z");
  EXPECT_EQ(out.finished_at, "2026-12-04T10:02:00Z");
  EXPECT_EQ(out.run.shard, "");
  ASSERT_EQ(out.run.providers.size(), 1u);
  ASSERT_EQ(out.cost.providers.size(), 1u);
  EXPECT_EQ(out.cost.providers[0].requests, 5);
  EXPECT_EQ(out.cost.providers[0].input_tokens, 150);
  EXPECT_EQ(out.cost.providers[0].output_tokens, 25);
  EXPECT_EQ(out.cost.providers[0].batches_canceled, 1);
  EXPECT_FALSE(out.deviations.empty()) << "found afresh from the joined results";
  EXPECT_TRUE(notes.empty());
}

// A shard stopped by Ctrl-C makes the joined run a partial one too, with its not-run cases counted.
TEST(Merge, AnInterruptedShardMakesTheMergedRunInterrupted) {
  ResultsFile a = shard({make_result("gw", "f1", "c1", Verdict::Pass)}, "1/2", "2026-12-04T10:00:05Z",
                        "2026-12-04T10:01:00Z");
  ResultsFile b = shard({make_result("gw", "f2", "c2", Verdict::NotRun)}, "2/2", "2026-12-04T10:00:01Z",
                        "2026-12-04T10:02:00Z");
  b.summary.interrupted = true;
  ResultsFile out;
  std::vector<std::string> notes;
  std::string error;
  ASSERT_TRUE(merge_results({a, b}, {"a.json", "b.json"}, out, notes, error)) << error;
  EXPECT_TRUE(out.summary.interrupted);
  EXPECT_EQ(out.summary.not_run, 1);
  EXPECT_EQ(interrupted_note(out.summary), "interrupted: 1 of 2 results not run");
}

TEST(Merge, ACaseInTwoInputsIsRefused) {
  ResultsFile a = shard({make_result("gw", "f1", "c1", Verdict::Pass)}, "1/2", "", "");
  ResultsFile out;
  std::vector<std::string> notes;
  std::string error;
  EXPECT_FALSE(merge_results({a, a}, {"a.json", "again.json"}, out, notes, error));
  EXPECT_NE(error.find("c1 @ gw is in both a.json and again.json"), std::string::npos) << error;
}

TEST(Merge, RunsOfAnotherVersionOrRepeatAreNotShardsOfOneRun) {
  ResultsFile a = shard({make_result("gw", "f1", "c1", Verdict::Pass)}, "1/2", "", "");
  ResultsFile b = shard({make_result("gw", "f1", "c2", Verdict::Pass)}, "2/2", "", "");
  b.run.repeat = 3;
  ResultsFile out;
  std::vector<std::string> notes;
  std::string error;
  EXPECT_FALSE(merge_results({a, b}, {"a.json", "b.json"}, out, notes, error));
  EXPECT_NE(error.find("not shards of one run"), std::string::npos) << error;
}

TEST(Merge, AMissingShardIsNoted) {
  ResultsFile a = shard({make_result("gw", "f1", "c1", Verdict::Pass)}, "1/3", "", "");
  ResultsFile c = shard({make_result("gw", "f1", "c3", Verdict::Pass)}, "3/3", "", "");
  ResultsFile out;
  std::vector<std::string> notes;
  std::string error;
  ASSERT_TRUE(merge_results({a, c}, {"a.json", "c.json"}, out, notes, error)) << error;
  ASSERT_EQ(notes.size(), 1u);
  EXPECT_EQ(notes[0], "shard 2/3 is not among the inputs");
}

TEST(Merge, AProviderThatRanInAnyShardCountsAsRun) {
  ResultsFile a = shard({}, "1/2", "", "");
  a.run.providers[0].status = "setup_error";
  ResultsFile b = shard({make_result("gw", "f1", "c2", Verdict::Pass)}, "2/2", "", "");
  ResultsFile out;
  std::vector<std::string> notes;
  std::string error;
  ASSERT_TRUE(merge_results({a, b}, {"a.json", "b.json"}, out, notes, error)) << error;
  ASSERT_EQ(out.run.providers.size(), 1u);
  EXPECT_EQ(out.run.providers[0].status, "run");
}

}  // namespace
}  // namespace ac
