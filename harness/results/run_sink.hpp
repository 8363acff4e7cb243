#pragma once
#include <cstddef>
#include <string>
#include <vector>

#include "model/result.hpp"
#include "results/results_file.hpp"

namespace ac {

// What every live output is told when results start to come.
struct RunStart {
  const RunInfo& run;
  std::size_t total = 0;     // results that will come; 0 when that is not known ahead
  std::size_t not_sent = 0;  // of `total`: decided without sending (skipped, unsupported, a failed
                             // preflight), which come first
};

// What every live output is told once the last result is in.
struct RunEnd {
  const Summary& summary;
  const std::string& finished_at;  // RFC 3339 UTC
  const std::vector<Deviation>& deviations;
  const RunCost& cost;
  const UpstreamRun* upstream = nullptr;  // upstream mode only: the upstream and its unmatched requests
};

// A live output of a run (the console's progress, results.json written as results come, the
// results kept for the reports), in the manner of Catch2's reporters: whoever produces results
// (the run loop; a proxy judging exchanges as they pass) talks to one RunSink and does not know
// which outputs there are. on_result is called once per result, in the order results complete,
// from the thread that produces them.
class RunSink {
 public:
  virtual ~RunSink() = default;
  virtual void on_start(const RunStart&) {}
  virtual void on_result(const Result& result) = 0;
  virtual void on_finish(const RunEnd&) {}
};

// The fan-out: several sinks seen as one, each told every event, in the order they were added
// (so the outputs of one result appear in a fixed order).
class RunSinks final : public RunSink {
 public:
  RunSinks& add(RunSink& sink);
  void on_start(const RunStart& start) override;
  void on_result(const Result& result) override;
  void on_finish(const RunEnd& end) override;

 private:
  std::vector<RunSink*> sinks_;
};

}  // namespace ac
