// User story: a CI matrix runs the suite in shards on several runners, then one job merges their
// results into one results.json and one report, with the answer a single run would give.
#include <gtest/gtest.h>

#include <rapidjson/document.h>

#include <set>

#include "e2e_helpers.hpp"

namespace ac::test {
namespace {

std::set<std::string> case_ids(const ResultsFile& f) {
  std::set<std::string> ids;
  for (const auto& r : f.results) ids.insert(r.case_id);
  return ids;
}

TEST(ShardAndMerge, ShardsSplitTheSuiteAndMergeGivesTheWholeRun) {
  TempDir dir;
  ProcessResult whole = run_apiconform({"run", "--out", dir.file("whole"), "--no-progress"});
  ASSERT_EQ(whole.exit_code, 0) << whole.out << whole.err;
  const ResultsFile all = read_results_or_fail(dir.file("whole/results.json"));

  std::set<std::string> seen;
  std::size_t sum = 0;
  for (int k = 1; k <= 3; ++k) {
    const std::string out = dir.file("shard-" + std::to_string(k));
    ProcessResult r = run_apiconform({"run", "--shard", std::to_string(k) + "/3", "--out", out, "--no-progress"});
    ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
    const ResultsFile part = read_results_or_fail(out + "/results.json");
    EXPECT_EQ(part.run.shard, std::to_string(k) + "/3");
    EXPECT_LT(part.results.size(), all.results.size());
    for (const auto& id : case_ids(part)) EXPECT_TRUE(seen.insert(id).second) << id << " is in two shards";
    sum += part.results.size();
  }
  EXPECT_EQ(seen, case_ids(all));
  EXPECT_EQ(sum, all.results.size());

  ProcessResult merged = run_apiconform({"merge", dir.file("shard-1/results.json"), dir.file("shard-2/results.json"),
                                         dir.file("shard-3/results.json"), "--out", dir.file("merged"), "--format",
                                         "md,junit"});
  ASSERT_EQ(merged.exit_code, 0) << merged.out << merged.err;
  const ResultsFile joined = read_results_or_fail(dir.file("merged/results.json"));
  EXPECT_EQ(case_ids(joined), case_ids(all));
  EXPECT_EQ(joined.summary.total, all.summary.total);
  EXPECT_EQ(joined.summary.pass, all.summary.pass);
  EXPECT_EQ(joined.summary.skip, all.summary.skip);
  EXPECT_NE(read_file(dir.file("merged/report.md")).find("reference"), std::string::npos);
  EXPECT_NE(read_file(dir.file("merged/junit.xml")).find("<testsuites"), std::string::npos);
}

TEST(ShardAndMerge, TheSameShardTwiceIsRefusedAndAMissingOneNoted) {
  TempDir dir;
  ASSERT_EQ(run_apiconform({"run", "--shard", "1/2", "--out", dir.file("s1"), "--no-progress"}).exit_code, 0);
  ProcessResult twice = run_apiconform(
      {"merge", dir.file("s1/results.json"), dir.file("s1/results.json"), "--out", dir.file("merged")});
  EXPECT_EQ(twice.exit_code, 2);
  EXPECT_NE(twice.err.find("is in both"), std::string::npos) << twice.err;
  ProcessResult alone = run_apiconform({"merge", dir.file("s1/results.json"), "--out", dir.file("merged")});
  EXPECT_EQ(alone.exit_code, 0) << alone.err;
  EXPECT_NE(alone.err.find("shard 2/2 is not among the inputs"), std::string::npos) << alone.err;
}

TEST(ShardAndMerge, AMalformedShardIsAUsageError) {
  ProcessResult r = run_apiconform({"run", "--shard", "3/2", "--no-progress"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("K/N"), std::string::npos) << r.err;
}

TEST(CheckStreamJson, GivesOneMachineReadableDocument) {
  const std::string samples = source_dir() + "/fuzz/seeds/stream_judge/";
  const std::string good = samples + "01-docs-basic-text.sse";
  const std::string bad = samples + "90-NOT-ANTHROPIC-openai-chat-completions-stream.sse";
  ProcessResult r = run_apiconform({"check-stream", "--json", good, bad});
  EXPECT_EQ(r.exit_code, 1);
  rapidjson::Document doc;
  doc.Parse(r.out.c_str());
  ASSERT_FALSE(doc.HasParseError()) << r.out;
  EXPECT_FALSE(doc["conforms"].GetBool());
  ASSERT_EQ(doc["files"].Size(), 2u);
  const auto& g = doc["files"][0];
  EXPECT_EQ(std::string(g["file"].GetString()), good);
  EXPECT_TRUE(g["conforms"].GetBool());
  EXPECT_GT(g["events"].GetInt(), 0);
  const auto& b = doc["files"][1];
  EXPECT_FALSE(b["conforms"].GetBool());
  ASSERT_GT(b["findings"].Size(), 0u);
  EXPECT_TRUE(b["findings"][0].HasMember("code"));
  EXPECT_TRUE(b["findings"][0].HasMember("severity"));
}

}  // namespace
}  // namespace ac::test
