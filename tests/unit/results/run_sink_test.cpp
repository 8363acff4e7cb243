// The live outputs of a run behind one interface (results/run_sink.hpp): the fan-out tells each
// sink every event in the order the sinks were added; the kept results drop the exchange; the
// results writer as a sink writes a file the reader reads back.
#include <gtest/gtest.h>

#include "results/kept_results.hpp"
#include "results/results_reader.hpp"
#include "results/results_writer.hpp"
#include "results/run_sink.hpp"
#include "unit/results/scratch_dir.hpp"

namespace ac {
namespace {

// Records every event it is told, as "<name>:<event>" lines in a shared log.
class Recorder final : public RunSink {
 public:
  Recorder(std::string name, std::vector<std::string>& log) : name_(std::move(name)), log_(log) {}
  void on_start(const RunStart& start) override {
    log_.push_back(name_ + ":start " + std::to_string(start.total) + "/" + std::to_string(start.not_sent));
  }
  void on_result(const Result& result) override { log_.push_back(name_ + ":result " + result.case_id); }
  void on_finish(const RunEnd& end) override {
    log_.push_back(name_ + ":finish " + std::to_string(end.summary.total) + " " + end.finished_at);
  }

 private:
  std::string name_;
  std::vector<std::string>& log_;
};

Result result_of(const std::string& case_id, Verdict verdict) {
  Result r;
  r.case_id = case_id;
  r.provider = "reference";
  r.verdict = verdict;
  r.exchange.status = 500;
  r.exchange.body = std::string(4096, 'x');
  r.exchange.request.url = "http://127.0.0.1:1/v1/messages";
  r.exchange.request.curl = "curl -sS http://127.0.0.1:1/v1/messages";
  return r;
}

TEST(RunSinks, TellsEverySinkEveryEventInTheOrderAdded) {
  std::vector<std::string> log;
  Recorder a("a", log), b("b", log), c("c", log);
  RunSinks sinks;
  sinks.add(a).add(b).add(c);
  RunInfo run;
  sinks.on_start(RunStart{run, 2, 1});
  sinks.on_result(result_of("one", Verdict::Pass));
  sinks.on_result(result_of("two", Verdict::Fail));
  Summary summary;
  summary.total = 2;
  const std::string finished = "2026-12-05T00:00:00Z";
  const std::vector<Deviation> deviations;
  const RunCost cost;
  sinks.on_finish(RunEnd{summary, finished, deviations, cost});
  EXPECT_EQ(log,
            (std::vector<std::string>{"a:start 2/1", "b:start 2/1", "c:start 2/1",     //
                                      "a:result one", "b:result one", "c:result one",  //
                                      "a:result two", "b:result two", "c:result two",  //
                                      "a:finish 2 " + finished, "b:finish 2 " + finished, "c:finish 2 " + finished}));
}

TEST(RunSinks, WithoutSinksIsQuiet) {
  RunSinks sinks;
  RunInfo run;
  sinks.on_start(RunStart{run, 0, 0});
  sinks.on_result(result_of("one", Verdict::Pass));  // nothing to tell, nothing fails
}

TEST(KeptResults, KeepsVerdictsAndFindingsNotTheExchange) {
  RunInfo run;
  run.command = "apiconform run";
  KeptResults kept(run, 2);
  Result failed = result_of("failed", Verdict::Fail);
  failed.findings = {{"status", "", "200", "500", "wrong status", Severity::Breaking}};
  failed.title = "A title";
  failed.tags = {"smoke"};
  kept.on_result(failed);
  kept.on_result(result_of("passed", Verdict::Pass));
  ASSERT_EQ(kept.file().results.size(), 2u);
  const Result& f = kept.file().results[0];
  EXPECT_EQ(f.case_id, "failed");
  EXPECT_EQ(f.title, "A title");
  EXPECT_EQ(f.tags, std::vector<std::string>{"smoke"});
  ASSERT_EQ(f.findings.size(), 1u);
  EXPECT_EQ(f.exchange.status, 500) << "the baseline compares status classes";
  EXPECT_EQ(f.exchange.request.curl, "curl -sS http://127.0.0.1:1/v1/messages") << "a failure's example";
  EXPECT_TRUE(f.exchange.body.empty());
  EXPECT_TRUE(f.exchange.request.url.empty());
  EXPECT_TRUE(kept.file().results[1].exchange.request.curl.empty()) << "a pass keeps no curl line";
  EXPECT_EQ(kept.summary().total, 2);
  EXPECT_EQ(kept.summary().fail, 1);
  EXPECT_EQ(kept.summary().pass, 1);
  EXPECT_EQ(kept.file().run.command, "apiconform run");
}

TEST(KeptResults, FinishCompletesTheFile) {
  RunInfo run;
  KeptResults kept(run, 0);
  kept.on_result(result_of("one", Verdict::Pass));
  Summary summary = kept.summary();
  summary.interrupted = true;
  const std::string finished = "2026-12-05T00:00:01Z";
  const std::vector<Deviation> deviations(1);
  RunCost cost;
  cost.of("reference").requests = 3;
  kept.on_finish(RunEnd{summary, finished, deviations, cost});
  EXPECT_TRUE(kept.file().summary.interrupted);
  EXPECT_EQ(kept.file().finished_at, finished);
  EXPECT_EQ(kept.file().deviations.size(), 1u);
  EXPECT_EQ(kept.file().cost.of("reference").requests, 3);
}

TEST(ResultsWriterSink, WritesEachResultAndClosesOnFinish) {
  testing::ScratchDir dir;
  const std::string path = dir.file("results.json");
  RunInfo run;
  run.started_at = "2026-12-05T00:00:00Z";
  ResultsWriter writer;
  std::string error;
  ASSERT_TRUE(writer.open(path, run, error)) << error;
  RunSinks sinks;
  sinks.add(writer);
  sinks.on_start(RunStart{run, 1, 0});
  sinks.on_result(result_of("one", Verdict::Fail));
  Summary summary;
  summary.add(Verdict::Fail);
  const std::string finished = "2026-12-05T00:00:02Z";
  const std::vector<Deviation> deviations;
  RunCost cost;
  cost.of("reference").requests = 1;
  sinks.on_finish(RunEnd{summary, finished, deviations, cost});
  EXPECT_FALSE(writer.is_open());
  ResultsFile file;
  ASSERT_TRUE(read_results(path, file, error)) << error;
  ASSERT_EQ(file.results.size(), 1u);
  EXPECT_EQ(file.results[0].case_id, "one");
  EXPECT_EQ(file.summary.fail, 1);
  EXPECT_EQ(file.finished_at, finished);
  EXPECT_EQ(file.cost.of("reference").requests, 1);
}

}  // namespace
}  // namespace ac
