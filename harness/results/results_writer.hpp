#pragma once
#include <string>
#include <string_view>

#include "redact/output_file.hpp"
#include "results/results_file.hpp"
#include "results/run_sink.hpp"

namespace ac {

// Writes results.json as results arrive, so memory does not grow with the run (docs/results-format.md).
// Each add() appends one result, redacted whole, to a 1 MiB stdio buffer; nothing is flushed until
// the buffer fills or close() runs (with the default 4 KiB, a benchmark run spent 4% of its time
// in write()). The file is written beside its name and renamed by close() (redact/output_file.hpp):
// results.json is never half-written. A write error is remembered: check failed()/error() after
// close(). As a live output of a run (results/run_sink.hpp), open() it first: on_result adds,
// on_finish sets the cost and closes.
class ResultsWriter final : public RunSink {
 public:
  ResultsWriter() = default;
  ResultsWriter(const ResultsWriter&) = delete;
  ResultsWriter& operator=(const ResultsWriter&) = delete;

  bool open(const std::string& path, const RunInfo& run, std::string& error);
  // Instead of open(), for a run with no planned end that a crash or a kill may stop (`proxy`):
  // the file is written under its own name, and after each add() it is flushed and ends with the
  // summary so far (no deviations, "finished_at" empty), so it is a whole results.json after
  // every result; close() replaces that ending with the real one.
  bool open_live(const std::string& path, const RunInfo& run, std::string& error);
  void add(const Result& result);
  // Ends the file: the deviations found over the whole run (results/deviations.hpp), the summary.
  void close(const Summary& summary, const std::string& finished_at, const std::vector<Deviation>& deviations);

  void on_result(const Result& result) override { add(result); }
  void on_finish(const RunEnd& end) override;

  // What the run spent, written with the summary by close() (set before it).
  void set_cost(const RunCost& cost) { cost_ = cost; }
  // Upstream mode: the upstream and its unmatched requests, written by close() (set before it).
  void set_upstream(const UpstreamRun& upstream) { upstream_ = upstream; }
  // Added: the version written in "tool" (set before open(); defaults to the project version).
  void set_tool_version(const std::string& version) { tool_version_ = version; }
  bool is_open() const { return file_.is_open(); }
  bool failed() const { return !error_.empty() || !file_.error().empty(); }
  // "<path>: <reason>" of the first write error
  const std::string& error() const { return error_.empty() ? file_.error() : error_; }

 private:
  bool start(const RunInfo& run, std::string& error);
  void write(std::string_view text);
  std::string ending(const Summary& summary, const std::string& finished_at,
                     const std::vector<Deviation>& deviations) const;

  OutputFile file_;
  bool first_ = true;
  bool live_ = false;
  Summary so_far_;  // live: the verdicts added, for the provisional ending
  std::string tool_version_;
  std::string error_;
  RunCost cost_;
  std::optional<UpstreamRun> upstream_;
};

}  // namespace ac
