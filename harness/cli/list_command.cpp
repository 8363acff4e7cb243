#include <filesystem>
#include <iostream>
#include <map>
#include <memory>
#include <set>

#include "cli/commands.hpp"
#include "cli/data_paths.hpp"
#include "cli/exit_codes.hpp"
#include "load/case_loader.hpp"
#include "load/provider_loader.hpp"
#include "report/report.hpp"
#include "sim/simulator.hpp"

namespace ac {

namespace {
struct ListOptions {
  std::string what;
  std::vector<std::string> case_paths;
  std::vector<std::string> added_cases;
  std::string providers_dir;
};

bool load_cases_or_report(const ListOptions& o, std::vector<Case>& cases) {
  Diagnostics diags = load_cases(o.case_paths, cases);
  for (const auto& d : diags) std::cerr << format_diagnostic(d);
  return diags.empty();
}

int list_cases(const ListOptions& o) {
  std::vector<Case> cases;
  if (!load_cases_or_report(o, cases)) return kExitInput;
  for (const auto& c : cases) {
    std::cout << c.id << "  [" << c.feature << "]";
    if (c.expect.stream) std::cout << " stream";
    if (!c.api_version.empty()) std::cout << " (" << c.api_version << " only)";
    std::cout << "  " << c.title << "\n";
  }
  std::cout << cases.size() << " cases\n";
  return kExitOk;
}

int list_features(const ListOptions& o) {
  std::vector<Case> cases;
  if (!load_cases_or_report(o, cases)) return kExitInput;
  std::map<std::string, int> counts;
  for (const auto& c : cases) ++counts[c.feature];
  for (const auto& [feature, n] : counts) std::cout << feature << "  " << n << (n == 1 ? " case\n" : " cases\n");
  return kExitOk;
}

int list_providers(const ListOptions& o) {
  std::set<std::string> names;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(o.providers_dir, ec)) {
    if (entry.path().extension() == ".yaml") names.insert(entry.path().stem().string());
  }
  int problems = 0;
  for (const auto& name : names) {
    Provider p;
    Diagnostics diags = load_provider(name, o.providers_dir, p);
    if (!diags.empty()) {
      ++problems;
      std::cout << name << "  (invalid profile: run `apiconform lint --provider " << name << "`)\n";
      continue;
    }
    std::cout << p.name << "  " << (p.base_url.empty() ? "(embedded simulator)" : p.base_url);
    if (!p.key_env.empty()) std::cout << "  key: $" << p.key_env;
    if (!p.dialect.empty()) std::cout << "  dialect: " << p.dialect;
    std::cout << "\n";
  }
  return problems ? kExitInput : kExitOk;
}

int list_faults() {
  for (const auto& [name, text] : sim::list_faults()) std::cout << name << "  " << text << "\n";
  return kExitOk;
}

int list_dialects() {
  for (const auto& [name, text] : sim::list_dialects()) std::cout << name << "  " << text << "\n";
  return kExitOk;
}

int list(const ListOptions& o) {
  if (o.what == "cases") return list_cases(o);
  if (o.what == "features") return list_features(o);
  if (o.what == "providers") return list_providers(o);
  if (o.what == "faults") return list_faults();
  if (o.what == "dialects") return list_dialects();
  // The names --format takes (cli/format_list.hpp), one per line first so scripts can read them.
  for (const auto& f : report_formats()) std::cout << f.name << "  " << f.file_name << "  " << f.description << "\n";
  std::cout << "json  results.json  every result with its exchange; always written by `run`\n";
  return kExitOk;
}
}  // namespace

void add_list_command(CLI::App& app, Action& action) {
  auto o = std::make_shared<ListOptions>();
  CLI::App* cmd = app.add_subcommand("list", "List cases, features, providers, simulator faults, dialects or report formats");
  cmd->add_option("what", o->what, "cases | features | providers | faults | dialects | formats")
      ->required()
      ->check(CLI::IsMember({"cases", "features", "providers", "faults", "dialects", "formats"}));
  cmd->add_option("--cases", o->case_paths, "Case files or folders instead of the shipped suite (default: its cases/, `apiconform --version` says where)");
  add_added_cases_option(*cmd, o->added_cases);
  cmd->add_option("--providers-dir", o->providers_dir, "Where provider profiles are (default: the shipped providers/)");
  cmd->final_callback([o, &action]() {
    o->case_paths = case_paths(o->case_paths, o->added_cases);
    if (o->providers_dir.empty()) o->providers_dir = data_path("providers");
    action = [o]() { return list(*o); };
  });
}

}  // namespace ac
