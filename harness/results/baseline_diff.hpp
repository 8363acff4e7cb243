#pragma once
#include <string>
#include <vector>

#include "model/finding.hpp"
#include "results/results_file.hpp"

namespace ac {

// How one case changed between two runs of the same provider (docs/baselines.md).
enum class ChangeKind {
  Regression,       // pass -> fail or error
  Fix,              // fail, error or known -> pass
  New,              // only in NEW
  Removed,          // only in OLD (also when NEW did not run that case or that provider)
  VerdictChanged,   // any other verdict change (fail -> error, pass -> skip, fail -> known...)
  FindingsChanged,  // same failing verdict, different findings
};
const char* to_string(ChangeKind k);

// What a changed case means for its clients (docs/baselines.md): worse (it gained a deviation,
// went from pass to fail/error, or from 2xx to 4xx/5xx), better (it lost a deviation that was
// evaluated again, or the reverse), changed (both, or neither: e.g. only a check not evaluated).
enum class CaseLabel { Worse, Better, Changed };
const char* to_string(CaseLabel l);

struct CaseChange {
  ChangeKind kind = ChangeKind::VerdictChanged;
  CaseLabel label = CaseLabel::Changed;
  std::string provider;
  std::string case_id;
  std::string feature;
  std::string title;
  bool in_old = false, in_new = false;
  Verdict old_verdict = Verdict::Pass, new_verdict = Verdict::Pass;
  Findings added_findings;    // in NEW only (compared on check, pointer, expected, severity)
  Findings removed_findings;  // in OLD only
  std::string new_reason;     // NEW's reason (error, known...), for the text
  int old_status = 0, new_status = 0;        // HTTP status of each side (0 = none)
  std::vector<std::string> gained;           // deviation codes only NEW's case shows
  std::vector<std::string> lost;             // codes only OLD's shows, its checks evaluated again
  std::vector<std::string> not_evaluated;    // codes only OLD's shows, NEW's case stopped before them
  bool success_to_error() const { return old_status / 100 == 2 && new_status >= 400; }
  bool error_to_success() const { return old_status >= 400 && new_status / 100 == 2; }
};

// How one deviation (a code on a provider) changed between two runs.
enum class DeviationChangeKind {
  New,              // only in NEW
  Fixed,            // only in OLD, and at least one of its cases was evaluated again in NEW
  SeverityChanged,  // in both, graded differently (the severity table or the case changed)
  NotEvaluated,     // only in OLD, but none of its cases reached its check in NEW: never "fixed"
};
const char* to_string(DeviationChangeKind k);

struct DeviationChange {
  DeviationChangeKind kind = DeviationChangeKind::New;
  std::string provider, code, title;
  std::string id;  // NEW's id (new, severity changed) or OLD's (fixed, not evaluated)
  Severity old_severity = Severity::Breaking, new_severity = Severity::Breaking;
  std::vector<std::string> cases;  // NEW's cases (new, severity changed) or OLD's
};

struct ProviderDiff {
  std::string provider;
  std::string note;  // e.g. "not run in NEW: set FOO_KEY"
  std::vector<CaseChange> changes;  // sorted: regressions first, then by kind and case id
  std::vector<DeviationChange> deviations;  // sorted: new, severity changed, fixed, not evaluated
  int count(ChangeKind k) const;
  int count(CaseLabel l) const;
  int count(DeviationChangeKind k) const;
};

struct BaselineDiff {
  // Set when the two runs judged with different suites (model/suite_version.hpp): their
  // differences may come from the suite rather than from the endpoint.
  std::string suite_note;
  std::vector<ProviderDiff> providers;  // only providers with changes or notes
  int compared = 0;                     // cases present in both runs
  std::string baseline_path;            // OLD's file, for reports (set by the caller)
  bool strict = false;                  // the gate's mode, for reports (set by the caller)
  int count(ChangeKind k) const;
  int count(CaseLabel l) const;
  int count(DeviationChangeKind k) const;
  int new_breaking() const;      // new deviations that are breaking, or ones that became breaking
  int success_to_error() const;  // cases that answered 2xx in OLD and 4xx/5xx in NEW
  bool has_regressions() const { return count(ChangeKind::Regression) > 0; }
  bool clean() const;  // nothing changed at all
  // The gate (docs/baselines.md): 1 on a new breaking deviation or a 2xx -> error case, whatever
  // the old verdicts were; with `strict`, also on any new deviation, severity raised or worse case.
  int exit_code(bool strict = false) const;
  std::string exit_reason(bool strict = false) const;  // why exit_code is what it is, one line
};

// Compares two runs case by case (repeats folded as in the matrix). Only verdicts and findings'
// check, pointer, expected and severity are compared: never timings, exchanges, messages or
// actual values, so two runs against the same deterministic endpoint diff clean.
BaselineDiff diff_results(const ResultsFile& old_run, const ResultsFile& new_run);

// The text `apiconform diff` prints: per provider its deviation changes, then its changed cases;
// ends with the summary, so the console's last lines say what the upgrade changed.
std::string format_diff(const BaselineDiff& diff, bool color, bool strict = false);
// The summary alone: what changed, counted, and the exit it gives (the first section of reports).
std::string diff_summary(const BaselineDiff& diff, bool strict = false);

// `apiconform diff OLD NEW` and `run --baseline OLD`: reads OLD (and NEW, unless `new_path` is
// empty and `new_run` holds the run) and compares them. False, with `error` naming the file, when
// one cannot be read. The exit code is diff.exit_code(strict).
bool diff_files(const std::string& old_path, const std::string& new_path, ResultsFile& new_run, BaselineDiff& diff,
                std::string& error);

}  // namespace ac
