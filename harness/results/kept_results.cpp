#include "results/kept_results.hpp"

namespace ac {

KeptResults::KeptResults(const RunInfo& run, std::size_t expected) {
  file_.run = run;
  file_.results.reserve(expected);
}

void KeptResults::on_result(const Result& result) {
  file_.summary.add(result.verdict);
  // Copied whole, then the exchange dropped: a field added to Result is kept without a change
  // here. Moved out, not assigned over: assigning an empty string keeps the old one's buffer.
  Result kept = result;
  Exchange dropped = std::move(kept.exchange);
  kept.exchange = Exchange{};
  kept.exchange.status = dropped.status;
  if (kept.verdict == Verdict::Fail || kept.verdict == Verdict::Known)
    kept.exchange.request.curl = std::move(dropped.request.curl);
  file_.results.push_back(std::move(kept));
}

void KeptResults::on_finish(const RunEnd& end) {
  file_.summary = end.summary;
  file_.finished_at = end.finished_at;
  file_.deviations = end.deviations;
  file_.cost = end.cost;
  if (end.upstream) file_.upstream = *end.upstream;
}

}  // namespace ac
