#pragma once
#include <string>

#include "model/finding_code.hpp"
#include "results/deviations.hpp"
#include "results/results_file.hpp"

namespace ac::testing {

// A result with just what aggregation and diffs look at.
inline Result make_result(const std::string& provider, const std::string& feature, const std::string& id, Verdict v,
                          Severity severity = Severity::Breaking, int repeat = 0) {
  Result r;
  r.provider = provider;
  r.feature = feature;
  r.case_id = id;
  r.title = id;
  r.verdict = v;
  r.repeat = repeat;
  if (v == Verdict::Fail) {
    r.findings.push_back({"json", "/x", "1", "2", "x differs", severity});
    r.findings.back().code = finding_code(r.findings.back());
  }
  if (v == Verdict::Error) r.reason = "connection refused";
  if (v == Verdict::Unsupported) r.reason = "declared unsupported";
  return r;
}

inline ResultsFile make_file(std::vector<Result> results, std::vector<ProviderRun> providers = {}) {
  ResultsFile f;
  f.run.providers = std::move(providers);
  f.results = std::move(results);
  for (const auto& r : f.results) f.summary.add(r.verdict);
  f.deviations = find_deviations(f);
  return f;
}

}  // namespace ac::testing
