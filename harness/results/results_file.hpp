#pragma once
#include <string>
#include <vector>

#include "model/result.hpp"

namespace ac {

struct ProviderRun {
  std::string name;
  std::string base_url;
  bool simulated = false;
  std::string status = "run";  // run | not_run
  std::string reason;          // for not_run: e.g. "set ANTHROPIC_API_KEY"
};

struct RunInfo {
  std::string started_at;  // RFC 3339 UTC
  std::string api_version = "2023-06-01";
  std::string command;
  int jobs = 0;
  int repeat = 1;
  std::vector<ProviderRun> providers;
};

// Adds one verdict to the matching counter (the one rule for every tally of verdicts).
void count_verdict(Verdict v, int& pass, int& fail, int& error, int& skip, int& unsupported, int& known);

struct Summary {
  int total = 0, pass = 0, fail = 0, error = 0, skip = 0, unsupported = 0, known = 0;
  void add(Verdict v);
};

// The whole of a results.json, as read back for reports and diffs.
struct ResultsFile {
  int format = 1;
  std::string tool_version;
  RunInfo run;
  std::vector<Result> results;
  Summary summary;
  std::string finished_at;
};

}  // namespace ac
