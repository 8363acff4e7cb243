#include <algorithm>
#include "report/cell_text.hpp"
#include "report/comparison_text.hpp"
#include "report/cost_text.hpp"
#include "report/deviation_text.hpp"
#include "report/escape.hpp"
#include "report/markdown_upstream.hpp"
#include "report/report.hpp"
#include "util/join.hpp"

namespace ac {
namespace {

// A pull-request comment must stay readable (and under GitHub's 65,536 characters): lists are
// capped and long values cut.
constexpr std::size_t kFailuresPerProvider = 10;
constexpr std::size_t kDeviationsPerProvider = 12;
constexpr std::size_t kCasesPerDeviation = 4;
constexpr std::size_t kFindingsPerCase = 3;
constexpr std::size_t kValueBytes = 80;

std::string md(const std::string& text, std::size_t max_bytes = 200) { return markdown_excerpt(text, max_bytes); }

const char* symbol(const Cell& cell) {
  if (cell.cosmetic_only) return "\xF0\x9F\x9F\xA0";  // orange circle
  switch (cell.state) {
    case CellState::Pass: return "\xE2\x9C\x85";                // check mark
    case CellState::Partial: return "\xF0\x9F\x9F\xA1";         // yellow circle
    case CellState::Fail: return "\xE2\x9D\x8C";                // cross
    case CellState::Unsupported: return "\xE2\x9A\xAA";         // white circle
    case CellState::Known: return "\xF0\x9F\x9F\xA3";           // purple circle
    case CellState::Error: return "\xE2\x9A\xA0\xEF\xB8\x8F";   // warning sign
    case CellState::NotRun: return "\xE2\x9E\x96";              // minus
    case CellState::Except: return "\xE2\x98\x91\xEF\xB8\x8F";   // ballot box with check
  }
  return "";
}

std::string run_line(const ResultsFile& r, const Matrix& m) {
  std::string line = "Run " + md(r.run.started_at) + " · API version " + md(r.run.api_version) + " · " +
                     std::to_string(m.providers.size()) + " provider" + (m.providers.size() == 1 ? "" : "s") + " · " +
                     std::to_string(r.summary.total) + " results";
  if (m.repeat > 1) line += " · each case repeated " + std::to_string(m.repeat) + " times";
  if (r.summary.interrupted) line += " · **" + md(interrupted_note(r.summary)) + "**";
  return line + "\n\n";
}

std::string md_matrix_table(const Matrix& m) {
  std::string out = "| Feature |";
  for (const auto& p : m.providers) out += " " + md(p) + " |";
  out += "\n|---|";
  for (std::size_t p = 0; p < m.providers.size(); ++p) out += "---|";
  out += "\n";
  for (std::size_t f = 0; f < m.features.size(); ++f) {
    out += "| " + md(m.features[f]) + " |";
    for (std::size_t p = 0; p < m.providers.size(); ++p) {
      const Cell& c = m.cell(f, p);
      const std::string count = cell_count(c);
      out += " " + std::string(symbol(c)) + " " + md(cell_label(c)) + (count.empty() ? "" : " " + count) + " |";
    }
    out += "\n";
  }
  out += "| **Features an SDK client can use** |";
  for (const auto& s : m.scores) out += " **" + score_text(s) + "** |";
  out += "\n| **Deviations** |";
  for (const auto& s : m.scores) out += " " + (s.run ? deviation_counts_text(s) : std::string("-")) + " |";
  out += "\n\n";
  return out;
}

std::string md_legend() {
  return "\xE2\x9C\x85 pass · \xE2\x98\x91\xEF\xB8\x8F pass, except D*n*: fails only through deviations another "
         "feature owns · \xF0\x9F\x9F\xA1 partial · \xE2\x9D\x8C fail (breaking) · "
         "\xF0\x9F\x9F\xA0 `*` failures all cosmetic · \xE2\x9A\xAA unsupported · \xF0\x9F\x9F\xA3 known deviation · "
         "\xE2\x9A\xA0\xEF\xB8\x8F error · \xE2\x9E\x96 not run. Cells: passing/applicable cases. "
         "Features an SDK client can use: features with no breaking deviation in any case and no error. "
         "Deviations: one per finding code, however many cases show it.\n\n";
}

std::string md_provider_table(const ResultsFile& results, const Matrix& m) {
  std::string out = "| Provider | Features usable | Deviations | Endpoint · auth | Cases passing | Pass | Fail (breaking / cosmetic) | Error | Known | Unsupported | Skipped |";
  if (m.repeat > 1) out += " pass@" + std::to_string(m.repeat) + " | pass^" + std::to_string(m.repeat) + " |";
  out += " Notes |\n|---|---|---|---|---|---|---|---|---|---|---|";
  if (m.repeat > 1) out += "---|---|";
  out += "---|\n";
  for (const auto& s : m.scores) {
    const ProviderRun* run = results.run.provider(s.provider);
    out += "| " + md(s.provider) + " | " + score_text(s) + " | " + (s.run ? deviation_counts_text(s) : "-") + " | " +
           md(run ? setup_text(*run) : "") + " | " + cases_passing_text(s) + " | " + std::to_string(s.pass) + " | " +
           std::to_string(s.fail) + " (" + std::to_string(s.breaking) + " / " + std::to_string(s.cosmetic) + ") | " +
           std::to_string(s.error) + " | " + std::to_string(s.known) + " | " + std::to_string(s.unsupported) + " | " +
           std::to_string(s.skip) + " |";
    if (m.repeat > 1) out += " " + percent(s.pass_at_k) + " | " + percent(s.pass_hat_k) + " |";
    std::string notes;
    if (!s.run) notes = "not run: " + md(s.reason);
    if (s.retried) append_joined(notes, "; ", std::to_string(s.retried) + " retried");
    if (s.flaky) append_joined(notes, "; ", std::to_string(s.flaky) + " flaky");
    if (s.fixed) append_joined(notes, "; ", std::to_string(s.fixed) + " known deviation(s) now pass");
    out += " " + notes + " |\n";
  }
  return out + "\nThe official API: " + md(official_setup_text()) + " (a difference is a set-up deviation).\n\n";
}

// One line per deviation: what differs, how bad, how far it reaches, one example.
std::string deviation_item(const Deviation& d) {
  // The code is escaped text, not a code span: in a code span the escapes would show.
  std::string item = "- **" + d.id + "** " + to_string(d.severity) + " · " + md(d.code, kValueBytes) + " — " +
                     md(d.title, 160) + " — " + reach_text(d);
  if (!d.cases.empty()) {
    item += ": ";
    item += join(d.cases, ", ", [](const std::string& c) { return md(c); }, kCasesPerDeviation);
    if (d.cases.size() > kCasesPerDeviation) item += ", …";
    item += "\n  - e.g. " + md(d.example.case_id) + ": " + md(example_text(d), 200);
    if (!d.example.at.empty()) item += " (" + md(d.example.at) + ")";
  }
  if (!d.reason.empty()) item += "\n  - " + md(d.reason, 200);
  return item + "\n";
}

std::string deviations(const ResultsFile& r, const Matrix& m) {
  std::string out;
  for (const auto& s : m.scores) {
    const auto list = deviations_of(r, s.provider);
    if (list.empty()) continue;
    out += "#### " + md(s.provider) + ": " + score_text(s) + " features usable · " + deviation_counts_text(s) + "\n\n";
    for (std::size_t i = 0; i < list.size() && i < kDeviationsPerProvider; ++i) out += deviation_item(*list[i]);
    if (list.size() > kDeviationsPerProvider)
      out += "- … and " + std::to_string(list.size() - kDeviationsPerProvider) + " more (see results.json)\n";
    out += "\n";
  }
  return out.empty() ? "No deviations.\n\n" : out;
}

std::string finding_text(const Finding& f) {
  std::string text = "**" + std::string(to_string(f.severity)) + "** " + md(f.check);
  if (!f.pointer.empty()) text += " at " + md(f.pointer, kValueBytes);
  text += ": expected " + md(f.expected, kValueBytes) + ", got " + md(f.actual, kValueBytes);
  if (!f.message.empty()) text += " — " + md(f.message, 160);
  return text;
}

std::string case_item(const ResultsFile& r, const CaseOutcome& c) {
  const Result& first_bad = [&]() -> const Result& {
    for (std::size_t i : c.results) {
      if (r.results[i].verdict == c.verdict) return r.results[i];
    }
    return r.results[c.results.front()];
  }();
  std::string item = "- " + std::string(to_string(c.verdict)) + " **" + md(c.case_id) + "** (" + md(c.feature) + ")";
  if (c.flaky) item += " flaky " + std::to_string(c.passes) + "/" + std::to_string(c.runs);
  if (c.retried) item += " retried ×" + std::to_string(c.max_attempts);
  if (!c.reason.empty()) item += ": " + md(c.reason, 160);
  item += "\n";
  const auto& findings = first_bad.findings;
  for (std::size_t i = 0; i < findings.size() && i < kFindingsPerCase; ++i) {
    item += "  - " + finding_text(findings[i]) + "\n";
  }
  if (findings.size() > kFindingsPerCase) {
    item += "  - … and " + std::to_string(findings.size() - kFindingsPerCase) + " more findings\n";
  }
  return item;
}

std::string failures(const ResultsFile& r, const Matrix& m) {
  std::string out;
  for (const auto& provider : m.providers) {
    std::vector<const CaseOutcome*> bad;
    for (const auto& c : m.outcomes) {
      if (c.provider == provider && c.verdict == Verdict::Error) bad.push_back(&c);
    }
    if (bad.empty()) continue;
    // Results arrive in completion order; a report of the same run must read the same every time.
    std::stable_sort(bad.begin(), bad.end(), [](const CaseOutcome* a, const CaseOutcome* b) { return a->case_id < b->case_id; });
    out += "#### " + md(provider) + " (" + std::to_string(bad.size()) + ")\n\n";
    for (std::size_t i = 0; i < bad.size() && i < kFailuresPerProvider; ++i) out += case_item(r, *bad[i]);
    if (bad.size() > kFailuresPerProvider) {
      out += "- … and " + std::to_string(bad.size() - kFailuresPerProvider) + " more (see the HTML report)\n";
    }
    out += "\n";
  }
  return out.empty() ? "No errors.\n\n" : out;
}

// Declared deviations that now pass: the profile should drop them, or a later regression of
// the same case would be excused as "known".
std::string fixed_deviations(const Matrix& m) {
  std::string out;
  std::size_t shown = 0, total = 0;
  for (const auto& provider : m.providers) {
    std::vector<const CaseOutcome*> fixed;
    for (const auto& c : m.outcomes)
      if (c.fixed && c.provider == provider) fixed.push_back(&c);
    std::stable_sort(fixed.begin(), fixed.end(), [](const CaseOutcome* a, const CaseOutcome* b) { return a->case_id < b->case_id; });
    for (const CaseOutcome* c : fixed) {
      ++total;
      if (shown++ < kFailuresPerProvider) out += "- " + md(c->provider) + ": **" + md(c->case_id) + "**\n";
    }
  }
  if (total == 0) return "";
  if (total > kFailuresPerProvider) out += "- … and " + std::to_string(total - kFailuresPerProvider) + " more\n";
  return "### Known deviations that now pass\n\nRemove them from the provider profile.\n\n" + out + "\n";
}

// What the run spent, when results.json says (files of older runs do not).
std::string md_cost_section(const RunCost& cost) {
  if (cost.providers.empty()) return "";
  std::string out = "### Cost\n\n";
  for (const auto& p : cost.providers) out += "- " + md(p.provider) + ": " + md(cost_text(p)) + "\n";
  const std::string budget = budget_text(cost);
  if (!budget.empty()) out += "- " + md(budget) + "\n";
  return out + "\n";
}

// With a baseline, the first section: what changed, and the gate's verdict.
std::string comparison(const ResultsFile& r) {
  if (!r.comparison) return "";
  const BaselineDiff& d = *r.comparison;
  std::string out = "### Changes since the baseline\n\n" + md(d.baseline_path, 300) + ": " +
                    md(diff_summary(d, d.strict), 600) + "\n";
  const auto deviations = all_deviation_changes(d);
  for (std::size_t i = 0; i < deviations.size() && i < kComparisonLines; ++i)
    out += "- " + md(deviation_change_text(*deviations[i]), 300) + "\n";
  if (deviations.size() > kComparisonLines)
    out += "- … and " + std::to_string(deviations.size() - kComparisonLines) + " more deviation changes\n";
  const auto cases = all_case_changes(d);
  if (!cases.empty()) out += "\nCases:\n\n";
  for (std::size_t i = 0; i < cases.size() && i < kComparisonLines; ++i)
    out += "- " + md(case_change_text(*cases[i].first, *cases[i].second), 300) + "\n";
  if (cases.size() > kComparisonLines) out += "- … and " + std::to_string(cases.size() - kComparisonLines) + " more cases\n";
  return out + "\n";
}

}  // namespace

std::string render_markdown(const ResultsFile& results) {
  const Matrix m = build_matrix(results);
  std::string out = "## apiconform compatibility report\n\n";
  out += run_line(results, m);
  out += comparison(results);
  if (m.providers.empty()) return out + "No results.\n";
  out += md_matrix_table(m);
  out += md_legend();
  out += "### Providers\n\n" + md_provider_table(results, m);
  out += md_cost_section(results.cost);
  out += "### Deviations\n\nOne per finding code and provider, breaking first, then by reach (docs/reports.md).\n\n" +
         deviations(results, m);
  out += markdown_upstream_section(results);
  out += "### Errors\n\nCases without a verdict (no deviation can be told from them).\n\n" + failures(results, m);
  out += fixed_deviations(m);
  return out;
}

}  // namespace ac
