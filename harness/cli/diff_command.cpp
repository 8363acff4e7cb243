#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <memory>

#include "cli/commands.hpp"
#include "cli/console.hpp"
#include "cli/exit_codes.hpp"
#include "cli/format_list.hpp"
#include "cli/reports.hpp"
#include "results/baseline_diff.hpp"

namespace ac {

namespace {
struct DiffOptions {
  std::string old_path, new_path;
  std::vector<std::string> formats;
  std::string out_dir;
  bool strict = false;
};

int diff(const DiffOptions& o) {
  std::vector<std::string> formats, problems;
  if (!parse_formats(o.formats, formats, problems)) {  // before reading files of any size
    for (const auto& p : problems) std::cerr << "apiconform: " << p << "\n";
    return kExitInput;
  }
  auto comparison = std::make_shared<BaselineDiff>();
  ResultsFile new_run;
  std::string error;
  if (!diff_files(o.old_path, o.new_path, new_run, *comparison, error)) {
    std::cerr << "apiconform: " << error << "\n";
    return kExitInput;
  }
  comparison->baseline_path = o.old_path;
  comparison->strict = o.strict;
  if (!formats.empty()) {  // the reports of NEW, each opening with the comparison
    const std::string dir = o.out_dir.empty() ? "." : o.out_dir;
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    new_run.comparison = comparison;
    std::string hint;
    if (!write_report_files(new_run, dir, formats, hint, std::cerr)) return kExitInput;
    std::cout << "reports of NEW with the comparison written to " << dir << "/\n";
  }
  // The summary of changes is the last thing printed.
  std::cout << format_diff(*comparison, stdout_wants_color(), o.strict);
  return comparison->exit_code(o.strict);
}
}  // namespace

void add_diff_command(CLI::App& app, Action& action) {
  auto o = std::make_shared<DiffOptions>();
  CLI::App* cmd = app.add_subcommand(
      "diff", "Compare two results.json: new, fixed and regraded deviations, cases worse or better, per provider");
  cmd->footer("Exit 1 on a new breaking deviation or a case that answered 2xx and now answers 4xx/5xx, whatever\n"
              "the old verdicts were; cosmetic and lenient changes exit 0 unless --strict. A deviation whose\n"
              "cases no longer reach its check is 'not evaluated', never 'fixed'. Timings and volatile fields\n"
              "are never compared. Example:\n"
              "  apiconform diff reports/v1/results.json reports/v2/results.json --format html,md,junit --out reports/v2-vs-v1\n"
              "See docs/baselines.md.");
  cmd->add_option("old", o->old_path, "The baseline results.json")->required();
  cmd->add_option("new", o->new_path, "The results.json to judge")->required();
  cmd->add_option("--format", o->formats, "Also write NEW's reports, the comparison first: html, md, junit (comma-separated)");
  cmd->add_option("--out", o->out_dir, "Folder for those reports (default: the current folder)");
  cmd->add_flag("--strict", o->strict, "Exit 1 on any new deviation or worse case, not only breaking ones");
  cmd->final_callback([o, &action]() { action = [o]() { return diff(*o); }; });
}

}  // namespace ac
