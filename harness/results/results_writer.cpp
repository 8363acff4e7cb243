#include "results/results_writer.hpp"

#include "results/results_json.hpp"

#ifndef APICONFORM_VERSION
#define APICONFORM_VERSION "0.1.0"
#endif

namespace ac {

namespace {
constexpr std::size_t kBufferBytes = 1 << 20;
}  // namespace

bool ResultsWriter::open(const std::string& path, const RunInfo& run, std::string& error) {
  live_ = false;
  if (!file_.open(path, "results", error, kBufferBytes)) return false;
  return start(run, error);
}

bool ResultsWriter::open_live(const std::string& path, const RunInfo& run, std::string& error) {
  live_ = true;
  so_far_ = Summary{};
  if (!file_.open_live(path, "results", error)) return false;
  if (!start(run, error)) return false;
  file_.write_provisional(ending(so_far_, "", {}));
  return true;
}

bool ResultsWriter::start(const RunInfo& run, std::string& error) {
  first_ = true;
  error_.clear();
  const std::string version = tool_version_.empty() ? APICONFORM_VERSION : tool_version_;
  write("{\"format\":1,\n\"tool\":" + tool_json(version) + ",\n\"run\":" + run_json(run) + ",\n\"results\":[");
  if (failed()) {
    error = this->error();
    return false;
  }
  return true;
}

void ResultsWriter::add(const Result& result) {
  if (!file_.is_open()) return;
  write(first_ ? "\n" : ",\n");
  write(result_json(result));
  first_ = false;
  if (!live_) return;
  so_far_.add(result.verdict);
  file_.write_provisional(ending(so_far_, "", {}));
}

std::string ResultsWriter::ending(const Summary& summary, const std::string& finished_at,
                                  const std::vector<Deviation>& deviations) const {
  return "\n],\n\"deviations\":" + deviations_json(deviations) + ",\n\"cost\":" + cost_json(cost_) +
         (upstream_ ? ",\n\"upstream\":" + upstream_run_json(*upstream_) : std::string()) + ",\n\"summary\":" +
         summary_json(summary) + ",\n\"finished_at\":" + json_string(finished_at) + "}\n";
}

void ResultsWriter::close(const Summary& summary, const std::string& finished_at,
                          const std::vector<Deviation>& deviations) {
  if (!file_.is_open()) return;
  write(ending(summary, finished_at, deviations));
  std::string error;
  if (!file_.commit(error) && error_.empty()) error_ = error;
}

void ResultsWriter::write(std::string_view text) { file_.write(text); }

void ResultsWriter::on_finish(const RunEnd& end) {
  set_cost(end.cost);
  if (end.upstream) set_upstream(*end.upstream);
  close(end.summary, end.finished_at, end.deviations);
}

}  // namespace ac
