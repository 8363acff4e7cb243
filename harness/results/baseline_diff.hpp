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

struct CaseChange {
  ChangeKind kind = ChangeKind::VerdictChanged;
  std::string provider;
  std::string case_id;
  std::string feature;
  std::string title;
  bool in_old = false, in_new = false;
  Verdict old_verdict = Verdict::Pass, new_verdict = Verdict::Pass;
  Findings added_findings;    // in NEW only (compared on check, pointer, expected, severity)
  Findings removed_findings;  // in OLD only
  std::string new_reason;     // NEW's reason (error, known...), for the text
};

struct ProviderDiff {
  std::string provider;
  std::string note;  // e.g. "not run in NEW: set FOO_KEY"
  std::vector<CaseChange> changes;  // sorted: regressions first, then by kind and case id
  int count(ChangeKind k) const;
};

struct BaselineDiff {
  // Set when the two runs judged with different suites (model/suite_version.hpp): their
  // differences may come from the suite rather than from the endpoint.
  std::string suite_note;
  std::vector<ProviderDiff> providers;  // only providers with changes or notes
  int compared = 0;                     // cases present in both runs
  int count(ChangeKind k) const;
  bool has_regressions() const { return count(ChangeKind::Regression) > 0; }
  bool clean() const;  // nothing changed at all
  int exit_code() const { return has_regressions() ? 1 : 0; }
};

// Compares two runs case by case (repeats folded as in the matrix). Only verdicts and findings'
// check, pointer, expected and severity are compared: never timings, exchanges, messages or
// actual values, so two runs against the same deterministic endpoint diff clean.
BaselineDiff diff_results(const ResultsFile& old_run, const ResultsFile& new_run);

// The text `apiconform diff` prints: per provider, regressions first; ends with one summary line.
std::string format_diff(const BaselineDiff& diff, bool color);

// `apiconform diff OLD NEW`: reads both files, prints format_diff to `out`, returns the exit
// code: 0 no regression, 1 regressions, 2 a file could not be read (the message goes to `error`).
int diff_files(const std::string& old_path, const std::string& new_path, bool color, std::string& out,
               std::string& error);

// `run --baseline FILE`: compares the finished run with the baseline file. Returns 1 when the run
// regressed against it, 0 when every failure was already there, 2 when the baseline cannot be
// read (`error` says why). `out` receives the diff text for the console.
int compare_with_baseline(const std::string& baseline_path, const ResultsFile& new_run, bool color,
                          std::string& out, std::string& error);

}  // namespace ac
