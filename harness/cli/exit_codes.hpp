#pragma once
#include <string>

#include "results/results_file.hpp"

namespace ac {

// Exit codes follow the stage that failed (docs/exit-codes.md).
constexpr int kExitOk = 0;        // every case passed (or matched its declaration)
constexpr int kExitFindings = 1;  // conformance failures
constexpr int kExitInput = 2;     // usage or input-file errors: nothing was judged
constexpr int kExitRuntime = 3;   // transport or runtime errors left some cases without a verdict
// 130 (cli/interrupts.hpp): interrupted by SIGINT/SIGTERM; results and reports were written

// Cases that got a verdict about the endpoint: skipped and unsupported ones did not.
inline int judged(const Summary& s) { return s.pass + s.fail + s.error + s.known; }

// "3 skipped, 2 unsupported": why a run judged nothing.
inline std::string not_judged_text(const Summary& s) {
  return std::to_string(s.skip) + " skipped, " + std::to_string(s.unsupported) + " unsupported";
}

// A run that judged nothing is exit 2, like an input error: it cannot pass a CI job.
// 3 wins over 1: a run with unjudged cases cannot claim to have found everything.
inline int exit_code_for(const Summary& s) {
  if (judged(s) == 0) return kExitInput;
  if (s.error > 0) return kExitRuntime;
  if (s.fail > 0) return kExitFindings;
  return kExitOk;
}

}  // namespace ac
