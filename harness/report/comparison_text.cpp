#include "report/comparison_text.hpp"
#include "util/join.hpp"

namespace ac {

std::string deviation_change_text(const DeviationChange& d) {
  std::string text = std::string(to_string(d.kind)) + " · ";
  if (d.kind == DeviationChangeKind::SeverityChanged)
    text += std::string(to_string(d.old_severity)) + " -> " + to_string(d.new_severity);
  else
    text += to_string(d.new_severity);
  const bool now = d.kind == DeviationChangeKind::New || d.kind == DeviationChangeKind::SeverityChanged;
  text += " · " + d.code + " (" + (now ? "now " : "was ") + d.id + ", " + d.provider + ")";
  if (!d.cases.empty()) {
    text += " — " + std::to_string(d.cases.size()) + (d.cases.size() == 1 ? " case: " : " cases: ");
    text += join_first(d.cases, 3, ", ");
    if (d.cases.size() > 3) text += ", …";
  }
  if (d.kind == DeviationChangeKind::NotEvaluated) text += " — none of its cases reached that check";
  return text;
}

std::string case_change_text(const CaseChange& c, const std::string& provider) {
  std::string text = std::string(to_string(c.label)) + " · " + c.case_id + " (" + provider + ") · " +
                     to_string(c.old_verdict) + " -> " + to_string(c.new_verdict);
  if (c.old_status != c.new_status && (c.old_status || c.new_status))
    text += ", HTTP " + std::to_string(c.old_status) + " -> " + std::to_string(c.new_status);
  std::string codes;
  for (const auto& code : c.gained) codes += " +" + code;
  for (const auto& code : c.lost) codes += " -" + code;
  for (const auto& code : c.not_evaluated) codes += " ?" + code;
  return codes.empty() ? text : text + " ·" + codes;
}

std::vector<const DeviationChange*> all_deviation_changes(const BaselineDiff& diff) {
  std::vector<const DeviationChange*> out;
  for (const auto& p : diff.providers)
    for (const auto& d : p.deviations) out.push_back(&d);
  return out;
}

std::vector<std::pair<const CaseChange*, const std::string*>> all_case_changes(const BaselineDiff& diff) {
  std::vector<std::pair<const CaseChange*, const std::string*>> out;
  for (const auto& p : diff.providers)
    for (const auto& c : p.changes)
      if (c.in_old && c.in_new) out.emplace_back(&c, &p.provider);
  return out;
}

}  // namespace ac
