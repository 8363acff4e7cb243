#include "report/cell_text.hpp"

#include "report/escape.hpp"
#include "util/join.hpp"

namespace ac {

std::string cell_label(const Cell& cell) {
  if (cell.state == CellState::Except) {
    // A matrix cell stays narrow: the first three, then how many more (all are in the deviations list).
    constexpr std::size_t kShown = 3;
    std::string label = "pass, except";
    if (!cell.except.empty()) label += " " + join_first(cell.except, kShown, ", ");
    if (cell.except.size() > kShown) label += " +" + std::to_string(cell.except.size() - kShown);
    return label;
  }
  std::string label = to_string(cell.state);
  if (cell.cosmetic_only) label += "*";
  return label;
}

std::string cell_count(const Cell& cell) {
  if (cell.applicable() == 0 || cell.state == CellState::NotRun) return "";
  return std::to_string(cell.pass) + "/" + std::to_string(cell.applicable());
}

std::string percent(double share) { return fixed(100.0 * share, 1) + "%"; }

std::string score_text(const ProviderScore& score) {
  if (!score.run || score.features == 0) return "-";
  return std::to_string(score.usable_features) + "/" + std::to_string(score.features);
}

std::string cases_passing_text(const ProviderScore& score) {
  if (!score.run || score.applicable == 0) return "-";
  return fixed(score.score, 1) + "%";
}

std::string deviation_counts_text(const ProviderScore& score) {
  std::string out;
  auto add = [&](int n, const char* what) {
    if (n) append_joined(out, ", ", std::to_string(n) + " " + what);
  };
  add(score.deviations_breaking, "breaking");
  add(score.deviations_lenient, "lenient");
  add(score.deviations_cosmetic, "cosmetic");
  return out.empty() ? "none" : out;
}

std::string cell_css_class(const Cell& cell) {
  if (cell.cosmetic_only) return "s-cosmetic";
  switch (cell.state) {
    case CellState::Pass: return "s-pass";
    case CellState::Partial: return "s-partial";
    case CellState::Fail: return "s-fail";
    case CellState::Unsupported: return "s-unsupported";
    case CellState::Known: return "s-known";
    case CellState::Error: return "s-error";
    case CellState::NotRun: return "s-notrun";
    case CellState::Except: return "s-except";
  }
  return "s-notrun";
}

const char* state_meaning(CellState state) {
  switch (state) {
    case CellState::Pass: return "every applicable case passed";
    case CellState::Partial: return "some cases passed, others failed, erred or are known deviations";
    case CellState::Fail: return "no case passed and at least one failed";
    case CellState::Unsupported: return "the provider declares the feature unsupported";
    case CellState::Known: return "every applicable case is a declared known deviation";
    case CellState::Error: return "no verdict could be reached (transport or set-up errors)";
    case CellState::NotRun: return "not run (no key, skipped, or no case for this provider)";
    case CellState::Except: return "every failure comes from deviations another feature owns (listed there)";
  }
  return "";
}

}  // namespace ac
