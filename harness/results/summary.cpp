#include "results/results_file.hpp"

#include <algorithm>

namespace ac {

void count_verdict(Verdict v, int& pass, int& fail, int& error, int& skip, int& unsupported, int& known) {
  switch (v) {
    case Verdict::Pass: ++pass; break;
    case Verdict::Fail: ++fail; break;
    case Verdict::Error: ++error; break;
    case Verdict::Skip:
    case Verdict::NotRun:  // without a reply, like a skipped case; Summary counts it apart
      ++skip;
      break;
    case Verdict::Unsupported: ++unsupported; break;
    case Verdict::Known: ++known; break;
  }
}

void Summary::add(Verdict v) {
  ++total;
  if (v == Verdict::NotRun) {
    ++not_run;
    return;
  }
  count_verdict(v, pass, fail, error, skip, unsupported, known);
}

std::string interrupted_note(const Summary& s) {
  if (!s.interrupted) return "";
  return "interrupted: " + std::to_string(s.not_run) + " of " + std::to_string(s.total) + " results not run";
}

}  // namespace ac

namespace ac {

const ProviderRun* RunInfo::provider(const std::string& name) const {
  for (const auto& p : providers)
    if (p.name == name) return &p;
  return nullptr;
}

ProviderCost& RunCost::of(const std::string& provider) {
  for (auto& p : providers)
    if (p.provider == provider) return p;
  providers.push_back(ProviderCost{provider});
  return providers.back();
}

void RunCost::add(const RunCost& other) {
  token_budget = std::max(token_budget, other.token_budget);
  budget_reached = budget_reached || other.budget_reached;
  not_run += other.not_run;
  for (const auto& p : other.providers) {
    ProviderCost& t = of(p.provider);
    t.requests += p.requests;
    t.input_tokens += p.input_tokens;
    t.output_tokens += p.output_tokens;
    t.batches_canceled += p.batches_canceled;
    t.cleanup_failed += p.cleanup_failed;
  }
}

long long RunCost::tokens() const {
  long long total = 0;
  for (const auto& p : providers) total += p.input_tokens + p.output_tokens;
  return total;
}

}  // namespace ac
