#pragma once
#include <iosfwd>
#include <string>
#include <vector>

namespace ac {

struct ReportOutcome {
  bool ok = true;          // false when a report could not be written (exit 2)
  bool regressions = false;
  std::string hint;        // where the person should look: the HTML report, else results.json
};

// After a run: renders each requested format from results.json into `out_dir`, prints the
// console matrix, and compares with a baseline when one is given.
ReportOutcome write_reports(const std::string& results_path, const std::string& out_dir,
                            const std::vector<std::string>& formats, const std::string& baseline, std::ostream& out,
                            std::ostream& err);

}  // namespace ac
