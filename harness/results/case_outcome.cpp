#include "results/case_outcome.hpp"

#include <map>
#include <utility>

namespace ac {
namespace {

// Which non-passing repeat speaks for a case: the one a user most needs to see.
int badness(Verdict v) {
  switch (v) {
    case Verdict::Fail: return 6;
    case Verdict::Error: return 5;
    case Verdict::Known: return 4;
    case Verdict::Unsupported: return 3;
    case Verdict::Skip:
    case Verdict::NotRun: return 2;
    case Verdict::Pass: return 1;
  }
  return 0;
}

bool failure_is_breaking(const Result& r) {
  if (r.verdict != Verdict::Fail) return false;
  bool any_failing_finding = false;
  for (const auto& f : r.findings) {
    if (f.severity == Severity::Breaking) return true;
    if (fails_case(f.severity)) any_failing_finding = true;  // cosmetic or lenient
  }
  // A failure that names no cosmetic reason is treated as breaking: we cannot prove it harmless.
  return !any_failing_finding;
}

void fold_into(CaseOutcome& c, const Result& r, std::size_t index) {
  if (c.results.empty()) {
    c.case_id = r.case_id;
    c.title = r.title;
    c.feature = r.feature.empty() ? "(no feature)" : r.feature;  // still gets a matrix row
    c.provider = r.provider;
    c.verdict = r.verdict;
    c.reason = r.reason;
  } else if (badness(r.verdict) > badness(c.verdict)) {
    c.verdict = r.verdict;
    c.reason = r.reason;
  }
  c.results.push_back(index);
  ++c.runs;
  if (r.verdict == Verdict::Pass) ++c.passes;
  c.breaking = c.breaking || failure_is_breaking(r);
  c.fixed = c.fixed || r.fixed;
  c.max_attempts = std::max(c.max_attempts, r.exchange.attempts);
  c.retried = c.max_attempts > 1;
  c.flaky = c.passes > 0 && c.passes < c.runs;
}

}  // namespace

bool applicable(Verdict v) { return v != Verdict::Skip && v != Verdict::Unsupported && v != Verdict::NotRun; }

std::vector<CaseOutcome> fold_cases(const ResultsFile& file) {
  std::vector<CaseOutcome> outcomes;
  std::map<std::pair<std::string, std::string>, std::size_t> index;  // (provider, case) -> outcome
  for (std::size_t i = 0; i < file.results.size(); ++i) {
    const Result& r = file.results[i];
    auto key = std::make_pair(r.provider, r.case_id);
    auto it = index.find(key);
    if (it == index.end()) {
      it = index.emplace(key, outcomes.size()).first;
      outcomes.emplace_back();
    }
    fold_into(outcomes[it->second], r, i);
  }
  return outcomes;
}

}  // namespace ac
