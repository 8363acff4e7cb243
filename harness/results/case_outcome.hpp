#pragma once
#include <cstddef>
#include <string>
#include <vector>

#include "results/results_file.hpp"

namespace ac {

// One case for one provider with its repeats folded together (docs/reports.md, "Cases").
struct CaseOutcome {
  std::string case_id;
  std::string title;
  std::string feature;
  std::string provider;
  Verdict verdict = Verdict::Pass;  // pass only when every repeat passed; else the worst repeat
  std::string reason;               // the reason of the repeat that gave the verdict
  int runs = 0;                     // repeats recorded (skips included)
  int passes = 0;                   // repeats that passed
  bool flaky = false;               // some repeats passed and some did not
  bool breaking = false;            // a failing repeat has a breaking finding (or no finding at all)
  bool retried = false;             // some repeat needed more than one attempt
  int max_attempts = 1;
  bool fixed = false;               // a declared known deviation that passed
  std::vector<std::size_t> results;  // indexes into ResultsFile::results, in repeat order
};

// Groups results by (provider, case) in first-seen order and folds each group.
std::vector<CaseOutcome> fold_cases(const ResultsFile& file);

// pass@k: at least one of the case's repeats passed; pass^k: all of them did.
inline bool pass_at_k(const CaseOutcome& c) { return c.passes > 0; }
inline bool pass_hat_k(const CaseOutcome& c) { return c.runs > 0 && c.passes == c.runs; }

// True when the case counts in scores and cells as applicable (not skipped, not unsupported).
bool applicable(Verdict v);

}  // namespace ac
