#pragma once
#include <cstddef>

#include "results/run_sink.hpp"

namespace ac {

// The run's results kept in memory for the reports, the deviations and the baseline, which need
// verdicts and findings, not exchanges (results.json has those): each result is kept without its
// exchange but for its status (the baseline compares status classes) and a failure's curl line
// (the example of its deviations). Bodies, URLs and curl lines were 1.5 KB per result, half the
// peak memory of a long run. The summary is counted as results come; on_finish completes the file.
class KeptResults final : public RunSink {
 public:
  // `expected`: how many results will come, reserved ahead (0 = unknown).
  KeptResults(const RunInfo& run, std::size_t expected);

  void on_result(const Result& result) override;
  void on_finish(const RunEnd& end) override;

  // The results so far; after on_finish, the whole run as a results file.
  ResultsFile& file() { return file_; }
  const Summary& summary() const { return file_.summary; }

 private:
  ResultsFile file_;
};

}  // namespace ac
