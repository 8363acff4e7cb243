#pragma once
#include <cstddef>
#include <string>
#include <vector>

#include "results/case_outcome.hpp"
#include "results/results_file.hpp"

namespace ac {

// The state of one feature × provider cell (docs/reports.md, "Cells", gives the exact rules).
// Except: every case that failed, failed only through deviations other features own ("pass,
// except D3"): the feature itself works.
enum class CellState { Pass, Partial, Fail, Unsupported, Known, Error, NotRun, Except };
// "pass", "partial", "fail", "unsupported", "known", "error", "not run", "pass, except"
const char* to_string(CellState s);

struct Cell {
  std::string feature;
  std::string provider;
  CellState state = CellState::NotRun;
  bool cosmetic_only = false;  // fail/partial whose failing cases have only cosmetic findings
  std::string reason;          // not run / unsupported: why (the provider's or the case's reason)
  int cases = 0;               // cases of this feature run for this provider (repeats folded)
  int pass = 0, fail = 0, error = 0, skip = 0, unsupported = 0, known = 0;
  int breaking = 0;            // failing cases with a breaking finding
  int flaky = 0, retried = 0, fixed = 0;
  int collateral = 0;          // failing cases whose every deviation is owned by another feature
  std::vector<std::string> except;  // ids of those deviations ("D3"), for "pass, except D3"
  bool usable = true;          // no case shows a breaking deviation and none erred
  // With run.repeat > 1: shares (0..1) of applicable cases passing at least once / every time.
  double pass_at_k = 0, pass_hat_k = 0;
  std::vector<std::size_t> outcomes;  // indexes into Matrix::outcomes

  int applicable() const { return pass + fail + error + known; }
};

// Compatibility score of one provider (docs/reports.md, "Score").
struct ProviderScore {
  std::string provider;
  bool run = true;             // false when the provider was not run (no key...)
  std::string reason;          // why not run
  int applicable = 0;          // pass + fail + error + known
  int pass = 0, fail = 0, error = 0, known = 0, unsupported = 0, skip = 0;
  int breaking = 0;            // failing cases with a breaking finding
  int cosmetic = 0;            // failing cases whose findings are all cosmetic
  int flaky = 0, retried = 0, fixed = 0;
  double score = 0;            // 100 * pass / applicable; 0 when nothing applicable
  // The score (docs/reports.md, "Score"): features an SDK client can use, root causes counted once.
  int features = 0;            // features with an applicable case
  int usable_features = 0;     // of them, with no breaking deviation in any case and no error
  int deviations_breaking = 0, deviations_lenient = 0, deviations_cosmetic = 0;
  double pass_at_k = 0, pass_hat_k = 0;  // with repeats, over applicable cases
};

struct Matrix {
  int repeat = 1;
  std::vector<std::string> features;   // sorted by name
  std::vector<std::string> providers;  // run.providers order, then any only seen in results
  std::vector<CaseOutcome> outcomes;   // every case × provider, repeats folded
  std::vector<Cell> cells;             // row-major: features × providers
  std::vector<ProviderScore> scores;   // one per provider, same order

  const Cell& cell(std::size_t feature, std::size_t provider) const {
    return cells[feature * providers.size() + provider];
  }
};

Matrix build_matrix(const ResultsFile& file);

// The rules of docs/reports.md applied to counts; exposed for tests and other renderers.
CellState cell_state(const Cell& counts, bool provider_run);

}  // namespace ac
