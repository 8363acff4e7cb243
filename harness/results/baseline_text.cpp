#include "results/baseline_diff.hpp"
#include "results/results_reader.hpp"

namespace ac {
namespace {

const char* label(ChangeKind k) {
  switch (k) {
    case ChangeKind::Regression: return "REGRESSION";
    case ChangeKind::Fix: return "FIXED     ";
    case ChangeKind::New: return "NEW       ";
    case ChangeKind::Removed: return "REMOVED   ";
    case ChangeKind::VerdictChanged: return "CHANGED   ";
    case ChangeKind::FindingsChanged: return "FINDINGS  ";
  }
  return "CHANGED   ";
}

const char* colour_of(ChangeKind k) {
  switch (k) {
    case ChangeKind::Regression: return "\x1b[31;1m";
    case ChangeKind::Fix: return "\x1b[32m";
    case ChangeKind::New:
    case ChangeKind::Removed: return "\x1b[36m";
    default: return "\x1b[33m";
  }
}

std::string finding_line(const Finding& f) {
  std::string line = f.check;
  if (!f.pointer.empty()) line += " " + f.pointer;
  line += ": expected " + f.expected;
  if (!f.actual.empty()) line += ", got " + f.actual;
  return line + " (" + to_string(f.severity) + ")";
}

std::string what_changed(const CaseChange& c) {
  switch (c.kind) {
    case ChangeKind::New: return std::string("new case: ") + to_string(c.new_verdict);
    case ChangeKind::Removed:
      return std::string("was ") + to_string(c.old_verdict) + "; not in NEW (missing cases count as removed)";
    case ChangeKind::FindingsChanged: return std::string(to_string(c.new_verdict)) + ", findings changed";
    default: {
      std::string text = std::string(to_string(c.old_verdict)) + " -> " + to_string(c.new_verdict);
      if (!c.new_reason.empty() && c.new_verdict != Verdict::Pass) text += ": " + c.new_reason;
      return text;
    }
  }
}

void append_change(std::string& out, const CaseChange& c, bool color) {
  out += "  ";
  out += color ? std::string(colour_of(c.kind)) + label(c.kind) + "\x1b[0m" : label(c.kind);
  out += "  " + c.case_id + "  " + what_changed(c) + "\n";
  for (const auto& f : c.added_findings) out += "      + " + finding_line(f) + "\n";
  for (const auto& f : c.removed_findings) out += "      - " + finding_line(f) + "\n";
}

std::string plural(int n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

template <typename Counted>
std::string counts(const Counted& d) {
  return plural(d.count(ChangeKind::Regression), "regression", "regressions") + ", " +
         std::to_string(d.count(ChangeKind::Fix)) + " fixed, " + std::to_string(d.count(ChangeKind::New)) +
         " new, " + std::to_string(d.count(ChangeKind::Removed)) + " removed, " +
         std::to_string(d.count(ChangeKind::VerdictChanged) + d.count(ChangeKind::FindingsChanged)) + " changed";
}

}  // namespace

std::string format_diff(const BaselineDiff& diff, bool color) {
  std::string out = diff.suite_note.empty() ? "" : "note: " + diff.suite_note + "\n";
  if (diff.clean()) return out + "no differences (" + plural(diff.compared, "case", "cases") + " compared)\n";
  for (const auto& p : diff.providers) {
    out += p.provider + ": " + counts(p);
    if (!p.note.empty()) out += " (" + p.note + ")";
    out += "\n";
    for (const auto& c : p.changes) append_change(out, c, color);
  }
  out += "diff: " + counts(diff) + "\n";
  return out;
}

int diff_files(const std::string& old_path, const std::string& new_path, bool color, std::string& out,
               std::string& error) {
  ResultsFile old_run, new_run;
  if (!read_results(old_path, old_run, error) || !read_results(new_path, new_run, error)) return 2;
  const BaselineDiff diff = diff_results(old_run, new_run);
  out = format_diff(diff, color);
  return diff.exit_code();
}

int compare_with_baseline(const std::string& baseline_path, const ResultsFile& new_run, bool color,
                          std::string& out, std::string& error) {
  ResultsFile old_run;
  if (!read_results(baseline_path, old_run, error)) {
    error = "baseline " + error;
    return 2;
  }
  const BaselineDiff diff = diff_results(old_run, new_run);
  out = format_diff(diff, color);
  return diff.exit_code();
}

}  // namespace ac
