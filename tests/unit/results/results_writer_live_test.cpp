// ResultsWriter::open_live (proxy mode): the file is a whole results.json after every result, so a
// crash or a kill loses at most the result being written; close() gives it its real ending.
#include <gtest/gtest.h>

#include "results/results_reader.hpp"
#include "results/results_writer.hpp"
#include "unit/results/scratch_dir.hpp"

namespace ac {
namespace {

using testing::read_text;
using testing::ScratchDir;

Result exchange_result(int n, Verdict verdict) {
  Result r;
  r.case_id = "POST /v1/messages · claude-sonnet-4-5 · #" + std::to_string(n);
  r.provider = "127.0.0.1:8787";
  r.feature = "POST /v1/messages";
  r.verdict = verdict;
  if (verdict == Verdict::Fail) r.findings = {{"status", "", "200", "500", "wrong status", Severity::Breaking}};
  r.exchange.status = verdict == Verdict::Fail ? 500 : 200;
  return r;
}

TEST(ResultsWriterLive, TheFileIsReadableAfterEveryResult) {
  ScratchDir dir;
  const std::string path = dir.file("results.json");
  RunInfo run;
  run.started_at = "2026-12-05T00:00:00.000Z";
  run.providers = {{"127.0.0.1:8787", "http://127.0.0.1:8787", false, "run", ""}};
  ResultsWriter writer;
  std::string error;
  ASSERT_TRUE(writer.open_live(path, run, error)) << error;
  ResultsFile file;
  ASSERT_TRUE(read_results(path, file, error)) << "before any result: " << error;
  EXPECT_TRUE(file.results.empty());
  Summary summary;
  for (int n = 1; n <= 3; ++n) {
    const Verdict verdict = n == 2 ? Verdict::Fail : Verdict::Pass;
    writer.add(exchange_result(n, verdict));
    summary.add(verdict);
    // Read while the writer is still open, as after a kill -9 at this moment.
    ResultsFile now;
    ASSERT_TRUE(read_results(path, now, error)) << "after result " << n << ": " << error;
    ASSERT_EQ(now.results.size(), static_cast<std::size_t>(n));
    EXPECT_EQ(now.results.back().case_id, exchange_result(n, verdict).case_id);
    EXPECT_EQ(now.summary.total, n);
    EXPECT_EQ(now.summary.fail, n >= 2 ? 1 : 0);
    EXPECT_TRUE(now.finished_at.empty()) << "a provisional ending has no finish time";
  }
  Deviation d;
  d.id = "D1";
  d.provider = "127.0.0.1:8787";
  d.code = "status:200";
  writer.close(summary, "2026-12-05T00:01:00.000Z", {d});
  ASSERT_FALSE(writer.failed()) << writer.error();
  ASSERT_TRUE(read_results(path, file, error)) << error;
  EXPECT_EQ(file.results.size(), 3u);
  EXPECT_EQ(file.finished_at, "2026-12-05T00:01:00.000Z");
  ASSERT_EQ(file.deviations.size(), 1u);
  const std::string text = read_text(path);
  EXPECT_EQ(text.back(), '\n');
  EXPECT_EQ(text.find("}\n", text.rfind("finished_at")) + 2, text.size()) << "nothing of a provisional ending is left";
}

TEST(ResultsWriterLive, AShorterFinalEndingLeavesNoTail) {
  ScratchDir dir;
  const std::string path = dir.file("results.json");
  ResultsWriter writer;
  std::string error;
  ASSERT_TRUE(writer.open_live(path, RunInfo{}, error)) << error;
  for (int n = 1; n <= 10; ++n) writer.add(exchange_result(n, Verdict::Pass));
  // A final summary of fewer digits than the provisional one: the file must still end cleanly.
  writer.close(Summary{}, "", {});
  ResultsFile file;
  ASSERT_TRUE(read_results(path, file, error)) << error;
  EXPECT_EQ(file.summary.total, 0);
}

}  // namespace
}  // namespace ac
