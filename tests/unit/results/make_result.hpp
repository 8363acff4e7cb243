#pragma once
#include <gtest/gtest.h>

#include <string>

#include "model/finding_code.hpp"
#include "results/deviations.hpp"
#include "results/results_file.hpp"
#include "results/results_writer.hpp"

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

// `f` as a results.json at `path`, through the real writer.
inline void write_results_file(const std::string& path, const ResultsFile& f) {
  ResultsWriter w;
  std::string error;
  ASSERT_TRUE(w.open(path, f.run, error)) << error;
  for (const auto& r : f.results) w.add(r);
  w.close(f.summary, "", find_deviations(f));
}

}  // namespace ac::testing
