#include "cli/reports.hpp"

#include <unistd.h>

#include <cstdlib>
#include <ostream>

#include "report/report.hpp"
#include "results/baseline_diff.hpp"
#include "results/results_reader.hpp"

namespace ac {

namespace {
bool color_wanted() {
  const char* no_color = std::getenv("NO_COLOR");
  return isatty(STDOUT_FILENO) && !(no_color && *no_color);
}
}  // namespace

ReportOutcome write_reports(const ResultsFile& compact, const std::string& results_path, const std::string& out_dir,
                            const std::vector<std::string>& formats, const std::string& baseline, std::ostream& out,
                            std::ostream& err) {
  ReportOutcome outcome;
  std::string error;
  out << "\n" << render_console_matrix(compact, color_wanted());
  if (!baseline.empty()) {
    std::string text;
    int code = compare_with_baseline(baseline, compact, color_wanted(), text, error);
    out << "\n" << text;
    if (code == 2) {
      err << "apiconform: " << error << "\n";
      outcome.ok = false;
    }
    outcome.regressions = code == 1;
  }
  bool needs_file = false;
  for (const auto& name : formats) {
    const ReportFormat* format = find_report_format(name);  // null for json: results.json is written already
    needs_file = needs_file || (format && format->name != "console");
  }
  ResultsFile file;
  // Reports are rendered from the file just written, exactly as `apiconform report` would.
  if (needs_file && !read_results(results_path, file, error)) {
    err << "apiconform: " << error << "\n";
    outcome.ok = false;
    return outcome;
  }
  for (const auto& name : formats) {
    const ReportFormat* format = find_report_format(name);
    if (!format || format->name == "console") continue;  // json: results.json; console: printed above
    std::string path = out_dir + "/" + format->file_name;
    if (!write_report(format->name, file, path, error)) {
      err << "apiconform: " << error << "\n";
      outcome.ok = false;
      continue;
    }
    if (format->name == "html") outcome.hint = path;
  }
  return outcome;
}

}  // namespace ac
