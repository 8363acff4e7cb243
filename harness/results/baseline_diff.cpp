#include "results/baseline_diff.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "results/case_outcome.hpp"
#include "results/deviations.hpp"

namespace ac {
namespace {

using CaseKey = std::pair<std::string, std::string>;  // (provider, case)

struct Side {
  const ResultsFile* file = nullptr;
  std::map<CaseKey, CaseOutcome> cases;
};

Side index_run(const ResultsFile& file) {
  Side side;
  side.file = &file;
  for (auto& c : fold_cases(file)) {
    CaseKey key{c.provider, c.case_id};
    side.cases.emplace(std::move(key), std::move(c));
  }
  return side;
}

// What identifies a finding across runs: not the message or actual value, which may carry ids,
// timestamps or token counts that change on every call.
using FindingKey = std::tuple<std::string, std::string, std::string, int>;

std::map<FindingKey, Finding> findings_of(const ResultsFile& file, const CaseOutcome& c) {
  std::map<FindingKey, Finding> out;
  for (std::size_t i : c.results) {
    for (const auto& f : file.results[i].findings) {
      out.emplace(FindingKey{f.check, f.pointer, f.expected, static_cast<int>(f.severity)}, f);
    }
  }
  return out;
}

bool is_failure(Verdict v) { return v == Verdict::Fail || v == Verdict::Error; }

ChangeKind classify(Verdict before, Verdict after) {
  if (before == Verdict::Pass && is_failure(after)) return ChangeKind::Regression;
  if ((is_failure(before) || before == Verdict::Known) && after == Verdict::Pass) return ChangeKind::Fix;
  return ChangeKind::VerdictChanged;
}

CaseChange describe(const CaseOutcome& c, ChangeKind kind) {
  CaseChange change;
  change.kind = kind;
  change.provider = c.provider;
  change.case_id = c.case_id;
  change.feature = c.feature;
  change.title = c.title;
  return change;
}

// The status of the result that speaks for a case (0 when none came back).
int status_of(const ResultsFile& file, const CaseOutcome& c) {
  for (std::size_t i : c.results)
    if (file.results[i].verdict == c.verdict) return file.results[i].exchange.status;
  return 0;
}

int status_class(int status) { return status / 100; }

// Whether NEW's case reached the checks OLD's findings came from: it got a verdict, its status is
// of the same class (a 2xx and a 4xx are judged by different checks) and its body or stream could
// be read at all. Otherwise a finding missing from NEW says nothing: it was not evaluated.
bool evaluated_again(int old_status, const CaseOutcome& n, int new_status, const std::set<std::string>& new_codes) {
  if (n.verdict != Verdict::Pass && n.verdict != Verdict::Fail && n.verdict != Verdict::Known) return false;
  if (status_class(old_status) != status_class(new_status)) return false;
  for (const auto& code : new_codes) {
    if (code.rfind("body:", 0) == 0 || code.rfind("stream.foreign:", 0) == 0 || code.rfind("stream.sse.", 0) == 0 ||
        code == "stream.end:early")
      return false;
  }
  return true;
}

CaseLabel label_of(const CaseChange& c) {
  const bool worse = !c.gained.empty() || c.success_to_error() ||
                     (c.old_verdict == Verdict::Pass && (c.new_verdict == Verdict::Fail || c.new_verdict == Verdict::Error));
  const bool better = !c.lost.empty() || c.error_to_success() ||
                      (c.old_verdict != Verdict::Pass && c.new_verdict == Verdict::Pass);
  if (worse && !better) return CaseLabel::Worse;
  if (better && !worse) return CaseLabel::Better;
  return CaseLabel::Changed;
}

bool compare_case(const Side& old_side, const CaseOutcome& o, const Side& new_side, const CaseOutcome& n,
                  CaseChange& change, std::set<std::string>& evaluated) {
  const auto old_findings = findings_of(*old_side.file, o);
  const auto new_findings = findings_of(*new_side.file, n);
  const std::set<std::string> old_codes = failing_codes(*old_side.file, o);
  const std::set<std::string> new_codes = failing_codes(*new_side.file, n);
  const int old_status = status_of(*old_side.file, o), new_status = status_of(*new_side.file, n);
  const bool again = evaluated_again(old_status, n, new_status, new_codes);
  if (again) evaluated.insert(n.case_id);
  if (o.verdict == n.verdict && old_codes == new_codes && status_class(old_status) == status_class(new_status) &&
      old_findings.size() == new_findings.size() &&
      std::equal(old_findings.begin(), old_findings.end(), new_findings.begin(),
                 [](const auto& a, const auto& b) { return a.first == b.first; })) {
    return false;
  }
  change = describe(n, o.verdict == n.verdict ? ChangeKind::FindingsChanged : classify(o.verdict, n.verdict));
  change.in_old = change.in_new = true;
  change.old_verdict = o.verdict;
  change.new_verdict = n.verdict;
  change.new_reason = n.reason;
  for (const auto& [key, f] : new_findings) {
    if (!old_findings.count(key)) change.added_findings.push_back(f);
  }
  for (const auto& [key, f] : old_findings) {
    if (!new_findings.count(key)) change.removed_findings.push_back(f);
  }
  change.old_status = old_status;
  change.new_status = new_status;
  for (const auto& code : new_codes)
    if (!old_codes.count(code)) change.gained.push_back(code);
  for (const auto& code : old_codes)
    if (!new_codes.count(code)) (again ? change.lost : change.not_evaluated).push_back(code);
  change.label = label_of(change);
  return true;
}

DeviationChange deviation_change(DeviationChangeKind kind, const Deviation& d) {
  DeviationChange c;
  c.kind = kind;
  c.provider = d.provider;
  c.code = d.code;
  c.title = d.title;
  c.id = d.id;
  c.old_severity = c.new_severity = d.severity;
  c.cases = d.cases;
  return c;
}

// New, fixed, regraded and no-longer-evaluated deviations of every provider. `evaluated` holds,
// per provider, the cases NEW evaluated again (see evaluated_again).
std::vector<DeviationChange> compare_deviations(const ResultsFile& old_run, const ResultsFile& new_run,
                                                const std::map<std::string, std::set<std::string>>& evaluated) {
  std::vector<DeviationChange> out;
  for (const auto& d : new_run.deviations) {
    const Deviation* before = find_deviation(old_run.deviations, d.provider, d.code);
    if (!before) {
      out.push_back(deviation_change(DeviationChangeKind::New, d));
    } else if (before->severity != d.severity) {
      DeviationChange c = deviation_change(DeviationChangeKind::SeverityChanged, d);
      c.old_severity = before->severity;
      out.push_back(c);
    }
  }
  for (const auto& d : old_run.deviations) {
    if (find_deviation(new_run.deviations, d.provider, d.code)) continue;
    const ProviderRun* after = new_run.run.provider(d.provider);
    bool again = false;
    if (d.cases.empty()) {  // a set-up deviation: fixed when the provider ran with a known set-up
      again = after && after->status == "run" && (!after->messages_path.empty() || !after->auth.empty());
    } else {
      auto it = evaluated.find(d.provider);
      for (const auto& id : d.cases) again = again || (it != evaluated.end() && it->second.count(id));
    }
    out.push_back(deviation_change(again ? DeviationChangeKind::Fixed : DeviationChangeKind::NotEvaluated, d));
  }
  std::stable_sort(out.begin(), out.end(), [](const DeviationChange& a, const DeviationChange& b) {
    return std::make_tuple(a.kind, severity_rank(a.new_severity), a.code) <
           std::make_tuple(b.kind, severity_rank(b.new_severity), b.code);
  });
  return out;
}

std::string provider_note(const ResultsFile& old_run, const ResultsFile& new_run, const std::string& name) {
  const ProviderRun* before = old_run.run.provider(name);
  const ProviderRun* after = new_run.run.provider(name);
  const bool ran_before = before ? before->status != "not_run" : true;
  const bool ran_after = after ? after->status != "not_run" : true;
  if (after && !ran_after && ran_before) return "not run in NEW" + (after->reason.empty() ? "" : ": " + after->reason);
  if (before && !ran_before && ran_after) return "not run in OLD" + (before->reason.empty() ? "" : ": " + before->reason);
  if (before && !after) return "absent from NEW";
  if (after && !before) return "absent from OLD";
  return "";
}

// Runs are compared case by case whatever their suites, but never silently across two suites.
std::string suite_note(const SuiteVersion& old_suite, const SuiteVersion& new_suite) {
  if (old_suite == new_suite || new_suite.empty()) return "";
  const std::string before = old_suite.empty() ? "no recorded suite version (an older results.json)" : "suite " + old_suite.text();
  return "baseline taken with " + before + ", this run uses suite " + new_suite.text() +
         ": differences may come from the suite";
}

void sort_changes(std::vector<CaseChange>& changes) {
  std::stable_sort(changes.begin(), changes.end(), [](const CaseChange& a, const CaseChange& b) {
    return std::tie(a.kind, a.case_id) < std::tie(b.kind, b.case_id);
  });
}

}  // namespace

const char* to_string(ChangeKind k) {
  switch (k) {
    case ChangeKind::Regression: return "regression";
    case ChangeKind::Fix: return "fixed";
    case ChangeKind::New: return "new";
    case ChangeKind::Removed: return "removed";
    case ChangeKind::VerdictChanged: return "changed";
    case ChangeKind::FindingsChanged: return "findings changed";
  }
  return "changed";
}

int ProviderDiff::count(ChangeKind k) const {
  return static_cast<int>(std::count_if(changes.begin(), changes.end(), [k](const CaseChange& c) { return c.kind == k; }));
}

const char* to_string(CaseLabel l) {
  switch (l) {
    case CaseLabel::Worse: return "worse";
    case CaseLabel::Better: return "better";
    case CaseLabel::Changed: return "changed";
  }
  return "changed";
}

const char* to_string(DeviationChangeKind k) {
  switch (k) {
    case DeviationChangeKind::New: return "new";
    case DeviationChangeKind::Fixed: return "fixed";
    case DeviationChangeKind::SeverityChanged: return "severity changed";
    case DeviationChangeKind::NotEvaluated: return "not evaluated";
  }
  return "new";
}

int ProviderDiff::count(CaseLabel l) const {
  return static_cast<int>(std::count_if(changes.begin(), changes.end(), [l](const CaseChange& c) {
    return c.in_old && c.in_new && c.label == l;
  }));
}

int ProviderDiff::count(DeviationChangeKind k) const {
  return static_cast<int>(
      std::count_if(deviations.begin(), deviations.end(), [k](const DeviationChange& d) { return d.kind == k; }));
}

int BaselineDiff::count(CaseLabel l) const {
  int n = 0;
  for (const auto& p : providers) n += p.count(l);
  return n;
}

int BaselineDiff::count(DeviationChangeKind k) const {
  int n = 0;
  for (const auto& p : providers) n += p.count(k);
  return n;
}

int BaselineDiff::new_breaking() const {
  int n = 0;
  for (const auto& p : providers)
    for (const auto& d : p.deviations)
      n += (d.kind == DeviationChangeKind::New || d.kind == DeviationChangeKind::SeverityChanged) &&
           d.new_severity == Severity::Breaking;
  return n;
}

int BaselineDiff::success_to_error() const {
  int n = 0;
  for (const auto& p : providers)
    for (const auto& c : p.changes) n += c.success_to_error();
  return n;
}

int BaselineDiff::exit_code(bool strict) const {
  if (new_breaking() > 0 || success_to_error() > 0) return 1;
  if (!strict) return 0;
  for (const auto& p : providers)
    for (const auto& d : p.deviations)
      if (d.kind == DeviationChangeKind::New ||
          (d.kind == DeviationChangeKind::SeverityChanged && severity_rank(d.new_severity) < severity_rank(d.old_severity)))
        return 1;
  return count(CaseLabel::Worse) > 0 ? 1 : 0;
}

std::string BaselineDiff::exit_reason(bool strict) const {
  if (new_breaking() > 0) return "exit 1: a new breaking deviation";
  if (success_to_error() > 0) return "exit 1: a case that answered 2xx now answers 4xx/5xx";
  if (exit_code(strict) == 1) return "exit 1 (--strict): a new deviation or a case got worse";
  if (count(DeviationChangeKind::New) > 0 || count(CaseLabel::Worse) > 0)
    return "exit 0: nothing new is breaking (--strict fails on any new deviation)";
  return "exit 0";
}

int BaselineDiff::count(ChangeKind k) const {
  int n = 0;
  for (const auto& p : providers) n += p.count(k);
  return n;
}

bool BaselineDiff::clean() const {
  for (const auto& p : providers) {
    if (!p.changes.empty() || !p.deviations.empty() || !p.note.empty()) return false;
  }
  return true;
}

BaselineDiff diff_results(const ResultsFile& old_run, const ResultsFile& new_run) {
  const Side old_side = index_run(old_run);
  const Side new_side = index_run(new_run);
  std::map<std::string, ProviderDiff> by_provider;
  std::vector<std::string> order;
  int compared = 0;
  std::map<std::string, std::set<std::string>> evaluated;  // provider -> cases NEW evaluated again
  auto provider = [&](const std::string& name) -> ProviderDiff& {
    auto it = by_provider.find(name);
    if (it == by_provider.end()) {
      order.push_back(name);
      it = by_provider.emplace(name, ProviderDiff{name, provider_note(old_run, new_run, name), {}, {}}).first;
    }
    return it->second;
  };
  for (const auto& p : old_run.run.providers) provider(p.name);
  for (const auto& p : new_run.run.providers) provider(p.name);

  for (const auto& [key, o] : old_side.cases) {
    auto it = new_side.cases.find(key);
    if (it == new_side.cases.end()) {
      CaseChange change = describe(o, ChangeKind::Removed);
      change.in_old = true;
      change.old_verdict = o.verdict;
      provider(key.first).changes.push_back(change);
      continue;
    }
    ++compared;
    CaseChange change;
    if (compare_case(old_side, o, new_side, it->second, change, evaluated[key.first]))
      provider(key.first).changes.push_back(change);
  }
  for (const auto& [key, n] : new_side.cases) {
    if (old_side.cases.count(key)) continue;
    CaseChange change = describe(n, ChangeKind::New);
    change.in_new = true;
    change.new_verdict = n.verdict;
    change.new_reason = n.reason;
    provider(key.first).changes.push_back(change);
  }

  // Cases NEW evaluated without a change are evaluated too (compare_case records every one).
  for (auto& d : compare_deviations(old_run, new_run, evaluated)) provider(d.provider).deviations.push_back(std::move(d));
  BaselineDiff diff;
  diff.suite_note = suite_note(old_run.run.suite, new_run.run.suite);
  diff.compared = compared;
  for (const auto& name : order) {
    ProviderDiff& p = by_provider[name];
    if (p.changes.empty() && p.deviations.empty() && p.note.empty()) continue;
    sort_changes(p.changes);
    diff.providers.push_back(std::move(p));
  }
  return diff;
}

}  // namespace ac
