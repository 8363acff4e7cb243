#pragma once
#include <iosfwd>
#include <string>
#include <vector>

#include "cli/run_command.hpp"
#include "cli/suite.hpp"
#include "cli/targets.hpp"

namespace ac {

// What the checks before the first request settled for the run.
struct CheckedRun {
  std::vector<std::string> formats;  // canonical report names (cli/format_list.hpp)
};

// Everything a run can find out before it sends anything (docs/exit-codes.md): report formats,
// the output folder, the baseline, filters that select no case, unset key variables (unless
// --skip-missing-keys), a run with no provider left, {{variables}} of the planned `jobs` that
// their provider does not define (located file:line:col). Every problem is reported on `err`,
// all of them at once; returns false when there is any (exit 2, nothing sent).
bool check_before_sending(const RunOptions& options, const Suite& suite, const TargetSet& set,
                          const std::vector<Job>& jobs, CheckedRun& out, std::ostream& err);

// Each sentence of a pre-run check, exposed for the unit tests.
std::vector<std::string> filter_problems(const std::vector<Case>& cases, const PlanOptions& plan);
std::string out_dir_problem(const std::string& dir);  // empty: the folder exists (or was made) and takes files

}  // namespace ac
