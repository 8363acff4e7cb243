#pragma once
#include <cstddef>
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "results/kept_results.hpp"
#include "results/results_writer.hpp"
#include "results/run_sink.hpp"

namespace ac {

// The live outputs of every command that produces results (`run`, `replay`, `proxy`): the
// command's console, OUT_DIR/results.json and the results kept for the reports, told every event
// in that order through one fan-out (results/run_sink.hpp). The three commands opened, wired and
// ended them the same way in three places.
class LiveOutputs {
 public:
  // Opens OUT_DIR/results.json for the run `info` (kept alive by the caller). `live`: the file is
  // a whole results.json after every result (a proxy session has no planned end). False, with
  // the reason on `err`, when it cannot be written.
  bool open(const std::string& out_dir, const RunInfo& info, bool live, std::ostream& err);

  // From here on, every result given to the returned sink reaches `console`, results.json and
  // the kept results. `total` results will come (0: not known ahead), the first `not_sent` of
  // them decided without sending.
  RunSink& start(RunSink& console, std::size_t total, std::size_t not_sent);

  // Once the last result is in: the summary and the deviations over every result, told to every
  // output (results.json gets its real ending).
  void finish(const std::string& finished_at, const RunCost& cost, bool interrupted = false,
              const UpstreamRun* upstream = nullptr);

  const std::string& results_path() const { return results_path_; }
  const Summary& summary() const { return summary_; }
  const std::vector<Deviation>& deviations() const { return deviations_; }
  // The whole run as a results file, for the reports (after finish()).
  const ResultsFile& file() { return kept_->file(); }
  // Whether results.json could not be written whole; the reason is printed to `err`.
  bool write_failed(std::ostream& err) const;

 private:
  const RunInfo* info_ = nullptr;
  std::string results_path_;
  ResultsWriter writer_;
  std::optional<KeptResults> kept_;
  RunSinks sinks_;
  Summary summary_;
  std::vector<Deviation> deviations_;
};

}  // namespace ac
