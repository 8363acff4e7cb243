#pragma once
#include "results/results_file.hpp"

namespace ac {

// Exit codes follow the stage that failed (docs/exit-codes.md).
constexpr int kExitOk = 0;        // every case passed (or matched its declaration)
constexpr int kExitFindings = 1;  // conformance failures
constexpr int kExitInput = 2;     // usage or input-file errors: nothing was judged
constexpr int kExitRuntime = 3;   // transport or runtime errors left some cases without a verdict

// 3 wins over 1: a run with unjudged cases cannot claim to have found everything.
inline int exit_code_for(const Summary& s) {
  if (s.error > 0) return kExitRuntime;
  if (s.fail > 0) return kExitFindings;
  return kExitOk;
}

}  // namespace ac
