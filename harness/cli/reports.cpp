#include "cli/reports.hpp"

#include <memory>
#include <ostream>

#include "cli/console.hpp"
#include "report/report.hpp"
#include "results/baseline_diff.hpp"
#include "results/results_reader.hpp"

namespace ac {

bool write_report_files(const ResultsFile& file, const std::string& out_dir, const std::vector<std::string>& formats,
                        std::string& hint, std::ostream& err) {
  bool ok = true;
  std::string error;
  for (const auto& name : formats) {
    const ReportFormat* format = find_report_format(name);
    if (!format || format->name == "console") continue;  // json: results.json; console: printed
    std::string path = out_dir + "/" + format->file_name;
    if (!write_report(format->name, file, path, error)) {
      err << "apiconform: " << error << "\n";
      ok = false;
      continue;
    }
    if (format->name == "html") hint = path;
  }
  return ok;
}

ReportOutcome write_reports(const ResultsFile& compact, const std::string& results_path, const std::string& out_dir,
                            const std::vector<std::string>& formats, const std::string& baseline, bool strict,
                            std::ostream& out, std::ostream& err) {
  ReportOutcome outcome;
  std::string error;
  out << "\n" << render_console_matrix(compact, stdout_wants_color());
  std::shared_ptr<BaselineDiff> comparison;
  if (!baseline.empty()) {
    comparison = std::make_shared<BaselineDiff>();
    ResultsFile run = compact;
    if (!diff_files(baseline, "", run, *comparison, error)) {
      err << "apiconform: " << error << "\n";
      outcome.ok = false;
      comparison.reset();
    } else {
      comparison->baseline_path = baseline;
      comparison->strict = strict;
      outcome.comparison = format_diff(*comparison, stdout_wants_color(), strict);
      outcome.gate = comparison->exit_code(strict);
    }
  }
  bool needs_file = false;
  for (const auto& name : formats) {
    const ReportFormat* format = find_report_format(name);  // null for json: results.json is written already
    needs_file = needs_file || (format && format->name != "console");
  }
  if (!needs_file) return outcome;
  ResultsFile file;
  // Reports are rendered from the file just written, exactly as `apiconform report` would.
  if (!read_results(results_path, file, error)) {
    err << "apiconform: " << error << "\n";
    outcome.ok = false;
    return outcome;
  }
  file.comparison = comparison;
  if (!write_report_files(file, out_dir, formats, outcome.hint, err)) outcome.ok = false;
  return outcome;
}

}  // namespace ac
