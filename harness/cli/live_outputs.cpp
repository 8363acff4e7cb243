#include "cli/live_outputs.hpp"

#include <ostream>

#include "results/deviations.hpp"

namespace ac {

bool LiveOutputs::open(const std::string& out_dir, const RunInfo& info, bool live, std::ostream& err) {
  info_ = &info;
  results_path_ = out_dir + "/results.json";
  std::string error;
  const bool ok = live ? writer_.open_live(results_path_, info, error) : writer_.open(results_path_, info, error);
  if (!ok) err << "apiconform: " << error << "\n";
  return ok;
}

RunSink& LiveOutputs::start(RunSink& console, std::size_t total, std::size_t not_sent) {
  kept_.emplace(*info_, total);
  sinks_.add(console).add(writer_).add(*kept_);
  sinks_.on_start(RunStart{*info_, total, not_sent});
  return sinks_;
}

void LiveOutputs::finish(const std::string& finished_at, const RunCost& cost, bool interrupted,
                         const UpstreamRun* upstream) {
  summary_ = kept_->summary();
  summary_.interrupted = interrupted;
  deviations_ = find_deviations(kept_->file());
  sinks_.on_finish(RunEnd{summary_, finished_at, deviations_, cost, upstream});
}

bool LiveOutputs::write_failed(std::ostream& err) const {
  if (writer_.failed()) err << "apiconform: " << writer_.error() << "\n";
  return writer_.failed();
}

}  // namespace ac
