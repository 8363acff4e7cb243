#include "results/baseline_diff.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "results/case_outcome.hpp"

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

bool compare_case(const Side& old_side, const CaseOutcome& o, const Side& new_side, const CaseOutcome& n,
                  CaseChange& change) {
  const auto old_findings = findings_of(*old_side.file, o);
  const auto new_findings = findings_of(*new_side.file, n);
  if (o.verdict == n.verdict && old_findings.size() == new_findings.size() &&
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
  return true;
}

const ProviderRun* find_run(const ResultsFile& file, const std::string& name) {
  for (const auto& p : file.run.providers) {
    if (p.name == name) return &p;
  }
  return nullptr;
}

std::string provider_note(const ResultsFile& old_run, const ResultsFile& new_run, const std::string& name) {
  const ProviderRun* before = find_run(old_run, name);
  const ProviderRun* after = find_run(new_run, name);
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

int BaselineDiff::count(ChangeKind k) const {
  int n = 0;
  for (const auto& p : providers) n += p.count(k);
  return n;
}

bool BaselineDiff::clean() const {
  for (const auto& p : providers) {
    if (!p.changes.empty() || !p.note.empty()) return false;
  }
  return true;
}

BaselineDiff diff_results(const ResultsFile& old_run, const ResultsFile& new_run) {
  const Side old_side = index_run(old_run);
  const Side new_side = index_run(new_run);
  std::map<std::string, ProviderDiff> by_provider;
  std::vector<std::string> order;
  int compared = 0;
  auto provider = [&](const std::string& name) -> ProviderDiff& {
    auto it = by_provider.find(name);
    if (it == by_provider.end()) {
      order.push_back(name);
      it = by_provider.emplace(name, ProviderDiff{name, provider_note(old_run, new_run, name), {}}).first;
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
    if (compare_case(old_side, o, new_side, it->second, change)) provider(key.first).changes.push_back(change);
  }
  for (const auto& [key, n] : new_side.cases) {
    if (old_side.cases.count(key)) continue;
    CaseChange change = describe(n, ChangeKind::New);
    change.in_new = true;
    change.new_verdict = n.verdict;
    change.new_reason = n.reason;
    provider(key.first).changes.push_back(change);
  }

  BaselineDiff diff;
  diff.suite_note = suite_note(old_run.run.suite, new_run.run.suite);
  diff.compared = compared;
  for (const auto& name : order) {
    ProviderDiff& p = by_provider[name];
    if (p.changes.empty() && p.note.empty()) continue;
    sort_changes(p.changes);
    diff.providers.push_back(std::move(p));
  }
  return diff;
}

}  // namespace ac
