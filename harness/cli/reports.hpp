#pragma once
#include <iosfwd>
#include <string>
#include <vector>

#include "results/results_file.hpp"

namespace ac {

struct ReportOutcome {
  bool ok = true;              // false when a report or the baseline could not be read or written (exit 2)
  int gate = 0;                // with a baseline: the gate's exit code (docs/baselines.md)
  std::string comparison;      // with a baseline: the changes, for the end of the console
  std::string hint;            // where the person should look: the HTML report, else results.json
};

// After a run: prints the console matrix, compares `compact` (the run's results without
// exchanges: verdicts, findings, statuses and deviations are all it needs) with the baseline when
// there is one, then renders each requested format from results.json into `out_dir`, with the
// comparison as its first section. Only a report that shows exchanges reads the whole file back,
// so a run's memory does not grow with its size otherwise.
ReportOutcome write_reports(const ResultsFile& compact, const std::string& results_path, const std::string& out_dir,
                            const std::vector<std::string>& formats, const std::string& baseline, bool strict,
                            std::ostream& out, std::ostream& err);

// Renders each requested format of `file` (json and console excepted) into `out_dir`; false when
// one could not be written (said on `err`). `hint` becomes the HTML report's path when there is one.
bool write_report_files(const ResultsFile& file, const std::string& out_dir, const std::vector<std::string>& formats,
                        std::string& hint, std::ostream& err);

}  // namespace ac
