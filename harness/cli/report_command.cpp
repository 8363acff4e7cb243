#include <filesystem>
#include <iostream>
#include <memory>

#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "cli/format_list.hpp"
#include "report/report.hpp"
#include "results/results_reader.hpp"

namespace ac {

namespace {
struct ReportOptions {
  std::string results;
  std::vector<std::string> formats;
  std::string out_dir;
};

int report(const ReportOptions& o) {
  std::vector<std::string> formats, problems;
  if (!parse_formats(o.formats, formats, problems)) {  // before reading a results file of any size
    for (const auto& p : problems) std::cerr << "apiconform: " << p << "\n";
    return kExitInput;
  }
  ResultsFile file;
  std::string error;
  if (!read_results(o.results, file, error)) {
    std::cerr << "apiconform: " << error << "\n";
    return kExitInput;
  }
  std::string dir = o.out_dir.empty() ? std::filesystem::path(o.results).parent_path().string() : o.out_dir;
  if (dir.empty()) dir = ".";
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  int code = kExitOk;
  for (const auto& name : formats) {
    const ReportFormat* format = find_report_format(name);
    if (!format) continue;  // json: the results file itself
    if (format->name == "console") {
      std::cout << render_console_matrix(file, false);
      continue;
    }
    std::string path = dir + "/" + format->file_name;
    if (!write_report(format->name, file, path, error)) {
      std::cerr << "apiconform: " << error << "\n";
      code = kExitInput;
    } else {
      std::cout << "wrote " << path << "\n";
    }
  }
  return code;
}
}  // namespace

void add_report_command(CLI::App& app, Action& action) {
  auto o = std::make_shared<ReportOptions>();
  CLI::App* cmd = app.add_subcommand("report", "Render reports (" + format_names_text() + ") from a results.json, offline");
  cmd->footer("Example: apiconform report reports/latest/results.json --format html,md,junit");
  cmd->add_option("results", o->results, "A results.json written by `apiconform run`")->required();
  cmd->add_option("--format", o->formats, "Formats, comma-separated: " + format_names_text())
      ->default_val(std::vector<std::string>{"html", "md", "junit"});
  cmd->add_option("--out", o->out_dir, "Folder for the reports (default: beside results.json)");
  cmd->final_callback([o, &action]() { action = [o]() { return report(*o); }; });
}

}  // namespace ac
