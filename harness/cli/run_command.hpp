#pragma once
#include <string>
#include <vector>

#include "cli/targets.hpp"
#include "plan/job.hpp"

namespace ac {

struct RunOptions {
  TargetOptions targets;
  std::vector<std::string> case_paths;
  std::vector<std::string> added_cases;  // --add-cases: judged besides case_paths
  std::string schemas_dir;
  PlanOptions plan;
  int repeat = 1;
  int jobs = 8;
  int retries = 2;
  bool strict = false;
  std::string out_dir = "reports/latest";
  std::vector<std::string> formats;  // --format as given ("html,md"); checked before anything is sent
  std::string baseline;
  double rate_per_s = -1;  // < 0 = the profile's; 0 = unlimited
  double timeout_s = 0, connect_timeout_s = 0, idle_timeout_s = 0;  // 0 = the profile's
  bool progress = true;
  bool skip_missing_keys = false;  // a provider whose key variable is unset is reported, not an error
  bool preflight = true;  // --no-preflight turns it off
  double interrupt_grace_s = 3;  // after Ctrl-C, how long replies in flight may still finish
  std::size_t max_body_mib = 64;  // a reply not judged as a stream is read up to this, then a finding
  long long token_budget = 0;  // --token-budget: no case starts once this many tokens are spent; 0 = none
  std::string command_line;
  std::string upstream;         // --upstream openai|anthropic: upstream mode (docs/upstream.md); "" = off
  std::string upstream_listen;  // --upstream-listen 127.0.0.1:PORT
};

// The main job: load, plan, execute, judge, write results and reports. Returns the exit code.
int run_command(const RunOptions& options);

}  // namespace ac
