#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <memory>

#include "cli/commands.hpp"
#include "cli/console.hpp"
#include "cli/data_paths.hpp"
#include "cli/exit_codes.hpp"
#include "cli/format_list.hpp"
#include "cli/live_outputs.hpp"
#include "cli/reports.hpp"
#include "cli/run_checks.hpp"
#include "cli/suite.hpp"
#include "redact/secrets.hpp"
#include "traffic/exchange_judge.hpp"
#include "util/utc_time.hpp"

namespace ac {

namespace {

struct ReplayOptions {
  std::string dir;
  std::string out_dir = "reports/replay";
  std::vector<std::string> formats;
  std::string baseline;
  std::string schemas_dir;
  std::string provider;  // "" = each exchange's target, as `proxy` names it
  std::vector<std::string> timing;  // KEY=MS bounds on streams
  bool strict = false;
  bool progress = true;
  std::string command_line;
};

constexpr const char* kTimingKeys[] = {"first_byte", "first_event", "first_content", "max_gap", "total"};

// "first_event=2000" -> bound; false with a sentence.
bool parse_timing(const std::string& text, std::map<std::string, double>& out, std::string& error) {
  const auto eq = text.find('=');
  const std::string key = text.substr(0, eq);
  bool known = false;
  for (const char* k : kTimingKeys) known = known || key == k;
  char* end = nullptr;
  const std::string value = eq == std::string::npos ? "" : text.substr(eq + 1);
  const double ms = std::strtod(value.c_str(), &end);
  if (!known || value.empty() || *end != '\0' || ms <= 0) {
    error = "--timing " + text + ": expected KEY=MS with KEY one of first_byte, first_event, first_content, " +
            "max_gap, total and MS a positive number, e.g. --timing first_event=2000";
    return false;
  }
  out[key] = ms;
  return true;
}

// A record that could not be read is a result of its own, verdict `error`, so a damaged file is
// counted (exit 3) and named in every report rather than silently left out.
Result unreadable_record(const Diagnostic& d, const std::string& provider) {
  Result r;
  r.case_id = std::filesystem::path(d.where.file).filename().string();
  r.title = "an exchange record that could not be read";
  r.feature = "recording";
  r.provider = provider;
  r.tags = {"traffic"};
  r.verdict = Verdict::Error;
  r.reason = d.where.file + ": " + d.message;
  return r;
}

// The providers of the results: one per target the recording went to (or the --provider name).
std::vector<ProviderRun> providers_of(const Recording& rec, const std::string& name) {
  std::vector<ProviderRun> out;
  for (const auto& x : rec.exchanges) {
    const std::string provider = name.empty() ? x.target : name;
    bool seen = false;
    for (const auto& p : out) seen = seen || p.name == provider;
    if (!seen) out.push_back(ProviderRun{provider, x.target, false, "run", ""});
  }
  return out;
}

int replay(const ReplayOptions& o) {
  std::vector<std::string> formats, problems;
  parse_formats(o.formats, formats, problems);
  JudgeData data;
  JudgeContext context;
  context.strict = o.strict;
  for (const auto& t : o.timing) {
    std::string error;
    if (!parse_timing(t, context.timing_max_ms, error)) problems.push_back(error);
  }
  if (!o.baseline.empty() && !std::filesystem::is_regular_file(o.baseline))
    problems.push_back("--baseline " + o.baseline + ": no such file");
  const std::string dir_problem = out_dir_problem(o.out_dir);
  if (!dir_problem.empty()) problems.push_back(dir_problem);
  for (const auto& p : problems) std::cerr << "apiconform: " << p << "\n";
  if (!problems.empty()) return kExitInput;

  Diagnostics diags = load_judge_data(o.schemas_dir, data, context, schema_load_options());
  Recording rec = read_exchange_records(o.dir);
  // Without a single readable exchange there is nothing to judge: an input error, like a run
  // whose case files do not load. Otherwise a damaged file is one `error` result among the rest.
  const bool nothing = rec.exchanges.empty();
  for (const auto& d : nothing ? rec.diagnostics : Diagnostics{}) diags.push_back(d);
  for (const auto& d : diags) std::cerr << format_diagnostic(d);
  if (!diags.empty()) return kExitInput;

  RunInfo info;
  info.started_at = rec.exchanges.front().started_at;  // when the session was captured
  info.command = process_redactor().apply(o.command_line);
  info.jobs = 1;
  info.providers = providers_of(rec, o.provider);
  LiveOutputs live;
  if (!live.open(o.out_dir, info, false, std::cerr)) return kExitInput;
  ConsoleOptions console_options = stdout_console_options(o.progress);
  console_options.start_verb = "judging";
  console_options.item = "recorded exchange";
  Console console(std::cout, console_options);
  RunSink& outputs = live.start(console, rec.exchanges.size() + rec.diagnostics.size(), 0);
  for (const auto& x : rec.exchanges) {
    context.provider = o.provider.empty() ? x.target : o.provider;
    outputs.on_result(judge_exchange(x, context));
  }
  for (const auto& d : rec.diagnostics) {
    std::cerr << format_diagnostic(d);
    outputs.on_result(unreadable_record(d, info.providers.front().name));
  }
  live.finish(utc_now_rfc3339(), RunCost{});
  if (live.write_failed(std::cerr)) return kExitInput;
  const Summary& summary = live.summary();
  const std::string& results_path = live.results_path();
  const ResultsFile& compact = live.file();
  ReportOutcome reports =
      write_reports(compact, results_path, o.out_dir, formats, o.baseline, o.strict, std::cout, std::cerr);
  console.end(info.providers, summary, reports.hint.empty() ? results_path : reports.hint, compact.deviations);
  if (!reports.comparison.empty()) std::cout << "\nsince the baseline " << o.baseline << ":\n" << reports.comparison;
  if (!reports.ok) return kExitInput;
  if (!o.baseline.empty()) return reports.gate ? kExitFindings : (summary.error ? kExitRuntime : kExitOk);
  return exit_code_for(summary);
}

}  // namespace

void add_replay_command(CLI::App& app, Action& action, const std::string& command_line) {
  auto o = std::make_shared<ReplayOptions>();
  CLI::App* cmd = app.add_subcommand("replay", "Judge a recorded proxy session offline (no network): results.json and reports as `run`");
  cmd->footer(
      "DIR is what `apiconform proxy --record DIR` wrote: one JSON file per exchange (docs/proxy.md,\n"
      "\"Recording format\"). Each exchange is judged again with the checks of `run` and this version's\n"
      "schemas: the request (a request the API would refuse is a client-side finding), then the reply by\n"
      "status, headers, body schema, stream grammar, per-event schemas, folded message and, where the\n"
      "recording has chunk times, timing. Results are grouped by endpoint and model.\n"
      "A record that cannot be read is an `error` result naming the file; a folder without one readable\n"
      "record is exit 2. Exit codes as `run`: 0 conformant, 1 findings, 2 input errors, 3 unjudged exchanges.\n"
      "Examples:\n"
      "  apiconform replay captured/ --format html,md          judge a session captured once\n"
      "  apiconform replay captured/ --baseline last/results.json   CI: fail only on new deviations\n"
      "  apiconform serve --replay captured/ --port 8787       serve the same replies to a client");
  cmd->add_option("dir", o->dir, "The recording folder (proxy --record DIR)")->required();
  cmd->add_option("--out", o->out_dir, "Output folder for results.json and reports")->capture_default_str();
  cmd->add_option("--format", o->formats,
                  "Reports to write besides results.json, comma-separated: " + format_names_text());
  cmd->add_option("--baseline", o->baseline,
                  "A previous results.json: the reports open with what changed, and the exit code is the gate's "
                  "(docs/baselines.md)");
  cmd->add_option("--provider", o->provider,
                  "Name the results' provider (default: the target each exchange went to, as `proxy` names it)");
  cmd->add_option("--timing", o->timing,
                  "A bound on streams, KEY=MS with KEY first_byte, first_event, first_content, max_gap or total "
                  "(repeatable; judged only where the recording has chunk times)");
  cmd->add_option("--schemas", o->schemas_dir, "Schemas folder (default: the shipped schemas/)");
  cmd->add_flag("--strict", o->strict, "Unknown fields (in requests and replies) fail instead of warn");
  cmd->add_flag("!--no-progress", o->progress, "Plain lines instead of a live progress line");
  cmd->final_callback([o, &action, command_line]() {
    if (o->schemas_dir.empty()) o->schemas_dir = data_path("schemas");
    o->command_line = command_line;
    action = [o]() { return replay(*o); };
  });
}

}  // namespace ac
