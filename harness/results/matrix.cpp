#include "results/matrix.hpp"

#include "results/deviations.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace ac {
namespace {

std::vector<std::string> provider_order(const ResultsFile& file) {
  std::vector<std::string> names;
  std::set<std::string> seen;
  for (const auto& p : file.run.providers) {
    if (seen.insert(p.name).second) names.push_back(p.name);
  }
  for (const auto& r : file.results) {
    if (seen.insert(r.provider).second) names.push_back(r.provider);
  }
  return names;
}

void add_to_cell(Cell& cell, const CaseOutcome& c, std::size_t index) {
  cell.outcomes.push_back(index);
  ++cell.cases;
  count_verdict(c.verdict, cell.pass, cell.fail, cell.error, cell.skip, cell.unsupported, cell.known);
  if (c.verdict == Verdict::Fail && c.breaking) ++cell.breaking;
  if (c.flaky) ++cell.flaky;
  if (c.retried) ++cell.retried;
  if (c.fixed) ++cell.fixed;
  if (applicable(c.verdict)) {
    cell.pass_at_k += pass_at_k(c) ? 1 : 0;
    cell.pass_hat_k += pass_hat_k(c) ? 1 : 0;
  }
  if ((c.verdict == Verdict::Unsupported || c.verdict == Verdict::Skip) && cell.reason.empty()) cell.reason = c.reason;
}

// Which deviations a cell's cases show: whether each failure is collateral, whether it is usable.
void explain_cell(Cell& cell, const ResultsFile& file, const std::vector<CaseOutcome>& outcomes) {
  std::set<std::string> except;
  for (std::size_t i : cell.outcomes) {
    const CaseOutcome& c = outcomes[i];
    if (c.verdict == Verdict::Error) cell.usable = false;
    if (c.verdict != Verdict::Fail && c.verdict != Verdict::Known) continue;
    bool collateral = c.verdict == Verdict::Fail;
    std::vector<std::string> ids;
    for (const auto& code : failing_codes(file, c)) {
      const Deviation* d = find_deviation(file.deviations, c.provider, code);
      if (!d) {
        collateral = false;
        continue;
      }
      if (d->severity == Severity::Breaking) cell.usable = false;
      if (d->owner == c.feature) collateral = false;
      ids.push_back(d->id);
    }
    if (!collateral || ids.empty()) continue;
    ++cell.collateral;
    except.insert(ids.begin(), ids.end());
  }
  cell.except.assign(except.begin(), except.end());
  // D2 before D10.
  std::sort(cell.except.begin(), cell.except.end(), [](const std::string& a, const std::string& b) {
    return a.size() != b.size() ? a.size() < b.size() : a < b;
  });
}

void finish_cell(Cell& cell, bool provider_run) {
  const int n = cell.applicable();
  cell.pass_at_k = n > 0 ? cell.pass_at_k / n : 0;
  cell.pass_hat_k = n > 0 ? cell.pass_hat_k / n : 0;
  cell.state = cell_state(cell, provider_run);
  if (cell.state != CellState::Except) cell.except.clear();
  // A reason explains a cell only when nothing in it was judged.
  if (cell.state != CellState::NotRun && cell.state != CellState::Unsupported) cell.reason.clear();
  cell.cosmetic_only = (cell.state == CellState::Fail || cell.state == CellState::Partial) && cell.fail > 0 &&
                       cell.breaking == 0 && cell.error == 0;
}

void score_provider(ProviderScore& s, const std::vector<CaseOutcome>& outcomes) {
  double at_k = 0, hat_k = 0;
  for (const auto& c : outcomes) {
    if (c.provider != s.provider) continue;
    count_verdict(c.verdict, s.pass, s.fail, s.error, s.skip, s.unsupported, s.known);
    if (c.verdict == Verdict::Fail) ++(c.breaking ? s.breaking : s.cosmetic);
    if (c.flaky) ++s.flaky;
    if (c.retried) ++s.retried;
    if (c.fixed) ++s.fixed;
    if (applicable(c.verdict)) {
      at_k += pass_at_k(c) ? 1 : 0;
      hat_k += pass_hat_k(c) ? 1 : 0;
    }
  }
  s.applicable = s.pass + s.fail + s.error + s.known;
  s.score = s.applicable > 0 ? 100.0 * s.pass / s.applicable : 0;
  s.pass_at_k = s.applicable > 0 ? at_k / s.applicable : 0;
  s.pass_hat_k = s.applicable > 0 ? hat_k / s.applicable : 0;
}

}  // namespace

const char* to_string(CellState s) {
  switch (s) {
    case CellState::Pass: return "pass";
    case CellState::Partial: return "partial";
    case CellState::Fail: return "fail";
    case CellState::Unsupported: return "unsupported";
    case CellState::Known: return "known";
    case CellState::Error: return "error";
    case CellState::NotRun: return "not run";
    case CellState::Except: return "pass, except";
  }
  return "not run";
}

CellState cell_state(const Cell& c, bool provider_run) {
  const int applicable = c.applicable();
  if (!provider_run || c.cases == 0 || c.skip == c.cases) return CellState::NotRun;
  if (applicable == 0) return CellState::Unsupported;  // the rest are unsupported (and skips)
  if (c.pass == applicable) return CellState::Pass;
  if (c.known == applicable) return CellState::Known;
  if (c.fail > 0 && c.collateral == c.fail && c.error == 0 && c.known == 0) return CellState::Except;
  if (c.pass > 0) return CellState::Partial;
  if (c.fail > 0) return CellState::Fail;
  return CellState::Error;  // no pass, no fail: errors, possibly with known deviations
}

Matrix build_matrix(const ResultsFile& file) {
  Matrix m;
  m.repeat = std::max(1, file.run.repeat);
  m.outcomes = fold_cases(file);
  m.providers = provider_order(file);
  std::set<std::string> features;
  for (const auto& c : m.outcomes) features.insert(c.feature);
  m.features.assign(features.begin(), features.end());

  std::map<std::string, std::size_t> feature_index, provider_index;
  for (std::size_t i = 0; i < m.features.size(); ++i) feature_index[m.features[i]] = i;
  for (std::size_t i = 0; i < m.providers.size(); ++i) provider_index[m.providers[i]] = i;

  m.cells.resize(m.features.size() * m.providers.size());
  for (std::size_t f = 0; f < m.features.size(); ++f) {
    for (std::size_t p = 0; p < m.providers.size(); ++p) {
      Cell& cell = m.cells[f * m.providers.size() + p];
      cell.feature = m.features[f];
      cell.provider = m.providers[p];
    }
  }
  for (std::size_t i = 0; i < m.outcomes.size(); ++i) {
    const auto& c = m.outcomes[i];
    add_to_cell(m.cells[feature_index[c.feature] * m.providers.size() + provider_index[c.provider]], c, i);
  }
  for (const auto& name : m.providers) {
    const ProviderRun* run = file.run.provider(name);
    ProviderScore s;
    s.provider = name;
    s.run = !run || run->status != "not_run";
    s.reason = run ? run->reason : "";
    score_provider(s, m.outcomes);
    m.scores.push_back(s);
  }
  for (auto& cell : m.cells) {
    ProviderScore& s = m.scores[provider_index[cell.provider]];
    explain_cell(cell, file, m.outcomes);
    finish_cell(cell, s.run);
    if (!s.run && cell.reason.empty()) cell.reason = s.reason;
    if (cell.state == CellState::NotRun || cell.state == CellState::Unsupported) continue;
    ++s.features;
    if (cell.usable) ++s.usable_features;
  }
  for (const auto& d : file.deviations) {
    auto it = provider_index.find(d.provider);
    if (it == provider_index.end()) continue;
    ProviderScore& s = m.scores[it->second];
    ++(d.severity == Severity::Breaking ? s.deviations_breaking
                                        : d.severity == Severity::Lenient ? s.deviations_lenient : s.deviations_cosmetic);
  }
  return m;
}

}  // namespace ac
