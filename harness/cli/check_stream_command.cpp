#include <iostream>
#include <memory>

#include "cli/commands.hpp"
#include "cli/data_paths.hpp"
#include "check/settle.hpp"
#include "cli/exit_codes.hpp"
#include "cli/suite.hpp"
#include "schema/registry.hpp"
#include "results/results_json.hpp"
#include "stream/stream_judge.hpp"
#include "util/join.hpp"

namespace ac {

namespace {
struct CheckStreamOptions {
  std::vector<std::string> files;
  std::string schemas_dir;
  std::string grammar = "anthropic/stream-grammar.yaml";
  std::string expect_error;  // the in-band error type the transcript must end with, as a case's expect.stream.error
  bool quiet = false;
  bool json = false;  // one JSON document as the output instead of text
};

// One file's verdict as JSON (docs/streaming.md, "check-stream --json").
std::string file_json(const std::string& file, const StreamFileVerdict& v, bool conforms) {
  return "{\"file\":" + json_string(file) + ",\"conforms\":" + (conforms ? "true" : "false") +
         ",\"events\":" + std::to_string(v.events) + ",\"completed\":" + (v.completed ? "true" : "false") +
         ",\"in_band_error\":" + json_string(v.error_summary) + ",\"findings\":" + findings_json(v.findings) + "}";
}

void print_finding(const Finding& f) {
  std::cout << "  - " << to_string(f.severity) << " " << f.check;
  if (!f.pointer.empty()) std::cout << " " << f.pointer;
  std::cout << ": " << f.message << "\n";
  if (!f.expected.empty() || !f.actual.empty())
    std::cout << "      expected: " << f.expected << "\n      actual:   " << f.actual << "\n";
}

int check_stream(const CheckStreamOptions& o) {
  Diagnostics diags;
  auto schemas = load_schemas(o.schemas_dir, diags);
  std::unique_ptr<Grammar> grammar;
  Diagnostics g = load_grammar(o.schemas_dir + "/" + o.grammar, grammar);
  diags.insert(diags.end(), g.begin(), g.end());
  if (grammar && schemas) {
    Diagnostics s = check_grammar_schemas(*grammar, *schemas);
    diags.insert(diags.end(), s.begin(), s.end());
  }
  for (const auto& d : diags) std::cerr << format_diagnostic(d);
  if (!diags.empty()) return kExitInput;

  StreamExpectation expect;
  expect.expected = true;
  expect.error = o.expect_error;
  Expectation settled;  // codes, places and severities as a run gives them
  settled.stream = expect;
  int code = kExitOk;
  std::string files_json;
  for (const auto& file : o.files) {
    StreamFileVerdict v =
        judge_stream_file_verbose(file, *grammar, *schemas, {}, o.expect_error.empty() ? nullptr : &expect);
    settle_findings(settled, v.findings);
    bool failed = false;
    for (const auto& f : v.findings) failed = failed || f.severity != Severity::Warning;
    if (failed) code = kExitFindings;
    if (o.json) {
      append_joined(files_json, ",\n", file_json(file, v, !failed));
      continue;
    }
    std::cout << (failed ? "FAIL " : "ok   ") << file << ": " << v.events << " events";
    if (!v.error_summary.empty()) std::cout << ", ended with an in-band error (" << v.error_summary << ")";
    std::cout << ", " << v.findings.size() << (v.findings.size() == 1 ? " finding\n" : " findings\n");
    if (!o.quiet)
      for (const auto& f : v.findings) print_finding(f);
  }
  if (o.json)
    std::cout << "{\"format\":1,\"conforms\":" << (code == kExitOk ? "true" : "false") << ",\"files\":[\n"
              << files_json << "\n]}\n";
  return code;
}
}  // namespace

void add_check_stream_command(CLI::App& app, Action& action) {
  auto o = std::make_shared<CheckStreamOptions>();
  CLI::App* cmd = app.add_subcommand("check-stream", "Judge recorded event streams (SSE transcripts) offline");
  cmd->footer("The same parser, grammar, per-event schemas, folding and invariants as a live run, without timing.\n"
              "Exit 0 when every file conforms, 1 when any does not. Example: apiconform check-stream capture.sse");
  cmd->add_option("files", o->files, "SSE transcripts (raw bytes of the response body)")->required()->check(CLI::ExistingFile);
  cmd->add_option("--schemas", o->schemas_dir, "Schemas folder (default: the shipped schemas/)");
  cmd->add_option("--grammar", o->grammar, "Grammar file under the schemas folder")->capture_default_str();
  cmd->add_option("--expect-error", o->expect_error,
                  "The in-band error type each file must end with (e.g. overloaded_error); without it an error event fails");
  cmd->add_flag("--quiet,-q", o->quiet, "Only one line per file");
  cmd->add_flag("--json", o->json,
                "One JSON document as the output: {format, conforms, files: [{file, conforms, events, completed, "
                "in_band_error, findings}]} (docs/streaming.md)");
  cmd->final_callback([o, &action]() {
    if (o->schemas_dir.empty()) o->schemas_dir = data_path("schemas");
    action = [o]() { return check_stream(*o); };
  });
}

}  // namespace ac
