#include <iostream>
#include <memory>

#include "cli/commands.hpp"
#include "cli/data_paths.hpp"
#include "cli/exit_codes.hpp"
#include "cli/suite.hpp"
#include "load/provider_loader.hpp"
#include "plan/variable_check.hpp"

namespace ac {

namespace {
struct LintOptions {
  std::vector<std::string> paths;
  std::string schemas_dir;
  std::vector<std::string> providers;
  std::string providers_dir;
  std::vector<std::string> added_cases;
};

int lint(const LintOptions& o) {
  Suite suite;
  int problems = load_suite(o.paths, o.schemas_dir, suite, std::cerr);
  std::vector<Target> targets;
  for (const auto& name : o.providers) {
    Target t;
    Diagnostics diags = load_provider(name, o.providers_dir, t.provider);
    for (const auto& d : diags) std::cerr << format_diagnostic(d);
    problems += static_cast<int>(diags.size());
    // Planned as `run` would (a profile without a URL is served by its simulator), so a case
    // skipped or declared unsupported for this provider is not held to its variables.
    t.simulated = t.provider.base_url.empty() || t.provider.base_url == "sim:";
    if (diags.empty()) targets.push_back(std::move(t));
  }
  if (problems == 0 && !targets.empty()) {
    Diagnostics diags = unknown_variables(plan_jobs(suite.cases, targets, PlanOptions{}), false);
    for (const auto& d : diags) std::cerr << format_diagnostic(d);
    problems += static_cast<int>(diags.size());
  }
  if (problems > 0) return kExitInput;
  std::cout << "ok: " << suite.cases.size() << " cases, " << suite.grammars.size() << " stream grammars";
  if (!o.providers.empty()) std::cout << ", " << o.providers.size() << " provider profiles";
  std::cout << "; no problems\n";
  return kExitOk;
}
}  // namespace

void add_lint_command(CLI::App& app, Action& action) {
  auto o = std::make_shared<LintOptions>();
  CLI::App* cmd = app.add_subcommand("lint", "Check case files, schemas, grammars and profiles; send nothing");
  cmd->footer("Every problem is printed as file:line:col with the line and a caret. Exit 2 when there is any.");
  cmd->add_option("paths", o->paths, "Case files or folders instead of the shipped suite (default: its cases/, `apiconform --version` says where)");
  add_added_cases_option(*cmd, o->added_cases);
  cmd->add_option("--schemas", o->schemas_dir, "Schemas folder (default: the shipped schemas/)");
  cmd->add_option("--provider", o->providers,
                  "Also check these provider profiles (names or paths), and that every {{variable}} the cases "
                  "use against them is defined");
  cmd->add_option("--providers-dir", o->providers_dir, "Where provider profiles are looked up (default: the shipped providers/)");
  cmd->final_callback([o, &action]() {
    o->paths = case_paths(o->paths, o->added_cases);
    if (o->schemas_dir.empty()) o->schemas_dir = data_path("schemas");
    if (o->providers_dir.empty()) o->providers_dir = data_path("providers");
    action = [o]() { return lint(*o); };
  });
}

}  // namespace ac
