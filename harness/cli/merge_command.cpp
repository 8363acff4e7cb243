// `apiconform merge A.json B.json... --out DIR`: the results of shard runs as the results and
// reports of one run.
#include <iostream>
#include <memory>

#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "cli/format_list.hpp"
#include "cli/reports.hpp"
#include "results/merge.hpp"
#include "results/results_reader.hpp"
#include "results/results_writer.hpp"

namespace ac {

namespace {

struct MergeOptions {
  std::vector<std::string> inputs;
  std::string out_dir = "reports/merged";
  std::vector<std::string> formats;
  std::string command_line;
};

bool write_merged(const ResultsFile& merged, const std::string& path, std::string& error) {
  ResultsWriter writer;
  if (!merged.tool_version.empty()) writer.set_tool_version(merged.tool_version);
  if (!writer.open(path, merged.run, error)) return false;
  for (const auto& r : merged.results) writer.add(r);
  writer.set_cost(merged.cost);
  if (merged.upstream) writer.set_upstream(*merged.upstream);
  writer.close(merged.summary, merged.finished_at, merged.deviations);
  if (writer.failed()) error = writer.error();
  return !writer.failed();
}

int merge(const MergeOptions& o) {
  std::vector<std::string> formats, problems;
  if (!parse_formats(o.formats, formats, problems)) {  // before reading inputs of any size
    for (const auto& p : problems) std::cerr << "apiconform: " << p << "\n";
    return kExitInput;
  }
  std::vector<ResultsFile> inputs(o.inputs.size());
  for (std::size_t i = 0; i < o.inputs.size(); ++i) {
    std::string error;
    if (!read_results(o.inputs[i], inputs[i], error)) {
      std::cerr << "apiconform: " << error << "\n";
      return kExitInput;
    }
  }
  ResultsFile merged;
  std::vector<std::string> notes;
  std::string error;
  if (!merge_results(inputs, o.inputs, merged, notes, error)) {
    std::cerr << "apiconform merge: " << error << "\n";
    return kExitInput;
  }
  inputs.clear();  // the merged copy is all that is needed from here
  merged.run.command = o.command_line;
  std::error_code ec;
  std::filesystem::create_directories(o.out_dir, ec);
  const std::string path = o.out_dir + "/results.json";
  if (!write_merged(merged, path, error)) {
    std::cerr << "apiconform: " << error << "\n";
    return kExitInput;
  }
  for (const auto& n : notes) std::cerr << "apiconform merge: note: " << n << "\n";
  std::cout << "merged " << o.inputs.size() << " results files (" << merged.results.size() << " results) into "
            << path << "\n";
  ReportOutcome reports = write_reports(merged, path, o.out_dir, formats, "", false, std::cout, std::cerr);
  if (!reports.ok) return kExitInput;
  return exit_code_for(merged.summary);
}

}  // namespace

void add_merge_command(CLI::App& app, Action& action, const std::string& command_line) {
  auto o = std::make_shared<MergeOptions>();
  CLI::App* cmd = app.add_subcommand("merge", "Join the results of shard runs (run --shard K/N) into one results.json and report");
  cmd->footer(
      "Example (a CI matrix of 4 runners, then one job that merges):\n"
      "  apiconform run --shard 2/4 --out shard-2 ...\n"
      "  apiconform merge shard-*/results.json --out reports/merged --format html,md,junit\n"
      "Exit codes as for run: 0 all passed, 1 failures, 3 errors; 2 when the inputs cannot be one run\n"
      "(another anthropic-version or --repeat, or a case in two inputs). See docs/results-format.md.");
  cmd->add_option("results", o->inputs, "results.json files of the shards")->required()->check(CLI::ExistingFile);
  cmd->add_option("--out", o->out_dir, "Folder for the merged results.json and reports")->capture_default_str();
  cmd->add_option("--format", o->formats, "Reports besides results.json, comma-separated: " + format_names_text());
  cmd->final_callback([o, &action, command_line]() {
    o->command_line = command_line;
    action = [o]() { return merge(*o); };
  });
}

}  // namespace ac
