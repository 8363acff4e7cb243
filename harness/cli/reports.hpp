#pragma once
#include <iosfwd>
#include <string>
#include <vector>

#include "results/results_file.hpp"

namespace ac {

struct ReportOutcome {
  bool ok = true;          // false when a report could not be written (exit 2)
  bool regressions = false;
  std::string hint;        // where the person should look: the HTML report, else results.json
};

// After a run: prints the console matrix and compares with a baseline from `compact` (the run's
// results without exchanges: verdicts and findings are all they need), then renders each
// requested format from results.json into `out_dir`. Only a report that shows exchanges reads
// the whole file back, so a run's memory does not grow with its size otherwise.
ReportOutcome write_reports(const ResultsFile& compact, const std::string& results_path, const std::string& out_dir,
                            const std::vector<std::string>& formats, const std::string& baseline, std::ostream& out,
                            std::ostream& err);

}  // namespace ac
