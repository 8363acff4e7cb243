#include "results/baseline_diff.hpp"
#include "results/results_reader.hpp"

namespace ac {
namespace {

const char* kReset = "\x1b[0m";

const char* colour_of(CaseLabel l) {
  switch (l) {
    case CaseLabel::Worse: return "\x1b[31;1m";
    case CaseLabel::Better: return "\x1b[32m";
    case CaseLabel::Changed: return "\x1b[33m";
  }
  return "";
}

const char* colour_of(const DeviationChange& d) {
  switch (d.kind) {
    case DeviationChangeKind::New: return d.new_severity == Severity::Breaking ? "\x1b[31;1m" : "\x1b[33m";
    case DeviationChangeKind::Fixed: return "\x1b[32m";
    case DeviationChangeKind::SeverityChanged: return "\x1b[33m";
    case DeviationChangeKind::NotEvaluated: return "\x1b[2m";
  }
  return "";
}

std::string paint(const std::string& text, const char* colour, bool color) {
  return color ? std::string(colour) + text + kReset : text;
}

std::string padded(std::string text, std::size_t width) {
  if (text.size() < width) text += std::string(width - text.size(), ' ');
  return text;
}

std::string plural(int n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

std::string case_list(const std::vector<std::string>& cases, std::size_t shown = 4) {
  std::string out;
  for (std::size_t i = 0; i < cases.size() && i < shown; ++i) out += (i ? ", " : "") + cases[i];
  if (cases.size() > shown) out += ", …";
  return out;
}

std::string deviation_line(const DeviationChange& d, bool color) {
  std::string tag;
  switch (d.kind) {
    case DeviationChangeKind::New: tag = "NEW"; break;
    case DeviationChangeKind::Fixed: tag = "FIXED"; break;
    case DeviationChangeKind::SeverityChanged: tag = "SEVERITY"; break;
    case DeviationChangeKind::NotEvaluated: tag = "NOT EVALUATED"; break;
  }
  std::string line = "  " + paint(padded(tag, 13), colour_of(d), color) + " " + d.code + "  ";
  if (d.kind == DeviationChangeKind::SeverityChanged)
    line += std::string(to_string(d.old_severity)) + " -> " + to_string(d.new_severity);
  else
    line += to_string(d.new_severity);
  line += " (" + std::string(d.kind == DeviationChangeKind::New || d.kind == DeviationChangeKind::SeverityChanged ? "now " : "was ") + d.id + ")";
  if (!d.cases.empty()) line += ", " + plural(static_cast<int>(d.cases.size()), "case", "cases") + ": " + case_list(d.cases);
  if (d.kind == DeviationChangeKind::NotEvaluated) line += "; none of its cases reached that check in NEW";
  return line + "\n";
}

std::string codes_text(const CaseChange& c) {
  std::string out;
  for (const auto& code : c.gained) out += " +" + code;
  for (const auto& code : c.lost) out += " -" + code;
  for (const auto& code : c.not_evaluated) out += " ?" + code;
  return out;
}

std::string case_line(const CaseChange& c, bool color) {
  std::string label;
  if (c.kind == ChangeKind::New) label = "NEW CASE";
  else if (c.kind == ChangeKind::Removed) label = "REMOVED";
  else label = to_string(c.label);
  for (auto& ch : label) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
  std::string line = "  " + paint(padded(label, 8), c.kind == ChangeKind::New || c.kind == ChangeKind::Removed ? "\x1b[36m" : colour_of(c.label), color) +
                     "  " + c.case_id + "  ";
  if (c.kind == ChangeKind::New) return line + "new case: " + to_string(c.new_verdict) + "\n";
  if (c.kind == ChangeKind::Removed)
    return line + "was " + to_string(c.old_verdict) + "; not in NEW (missing cases count as removed)\n";
  line += std::string(to_string(c.old_verdict)) + " -> " + to_string(c.new_verdict);
  if (c.old_status != c.new_status && (c.old_status || c.new_status))
    line += ", HTTP " + std::to_string(c.old_status) + " -> " + std::to_string(c.new_status);
  if (!c.new_reason.empty() && c.new_verdict != Verdict::Pass) line += ": " + c.new_reason;
  return line + codes_text(c) + "\n";
}

}  // namespace

std::string diff_summary(const BaselineDiff& diff, bool strict) {
  const int fresh = diff.count(DeviationChangeKind::New);
  std::string out = "deviations: " + std::to_string(fresh) + " new";
  if (fresh) out += " (" + std::to_string(diff.new_breaking()) + " breaking)";
  out += ", " + std::to_string(diff.count(DeviationChangeKind::Fixed)) + " fixed, " +
         plural(diff.count(DeviationChangeKind::SeverityChanged), "severity change", "severity changes") + ", " +
         std::to_string(diff.count(DeviationChangeKind::NotEvaluated)) + " not evaluated";
  out += "; cases: " + std::to_string(diff.count(CaseLabel::Worse)) + " worse, " +
         std::to_string(diff.count(CaseLabel::Better)) + " better, " + std::to_string(diff.count(CaseLabel::Changed)) +
         " changed, " + std::to_string(diff.success_to_error()) + " 2xx -> error, " +
         std::to_string(diff.count(ChangeKind::New)) + " new, " + std::to_string(diff.count(ChangeKind::Removed)) +
         " removed (" + plural(diff.compared, "case", "cases") + " compared); " + diff.exit_reason(strict);
  return out + "\n";
}

std::string format_diff(const BaselineDiff& diff, bool color, bool strict) {
  std::string out = diff.suite_note.empty() ? "" : "note: " + diff.suite_note + "\n";
  if (diff.clean()) return out + "no differences (" + plural(diff.compared, "case", "cases") + " compared)\n";
  for (const auto& p : diff.providers) {
    out += p.provider + ":";
    if (!p.note.empty()) out += " (" + p.note + ")";
    out += "\n";
    for (const auto& d : p.deviations) out += deviation_line(d, color);
    // One screen: the deviations say why; the first cases show where (all are in the reports).
    constexpr std::size_t kCasesShown = 10;
    for (std::size_t i = 0; i < p.changes.size() && i < kCasesShown; ++i) out += case_line(p.changes[i], color);
    if (p.changes.size() > kCasesShown)
      out += "  ... and " + std::to_string(p.changes.size() - kCasesShown) + " more cases (see the reports)\n";
  }
  return out + "summary: " + diff_summary(diff, strict);
}

bool diff_files(const std::string& old_path, const std::string& new_path, ResultsFile& new_run, BaselineDiff& diff,
                std::string& error) {
  ResultsFile old_run;
  if (!read_results(old_path, old_run, error)) {
    error = "baseline " + error;
    return false;
  }
  if (!new_path.empty() && !read_results(new_path, new_run, error)) return false;
  diff = diff_results(old_run, new_run);
  return true;
}

}  // namespace ac
