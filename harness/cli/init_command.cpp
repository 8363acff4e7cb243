// `apiconform init NAME --base-url URL --key-env VAR`: writes a commented profile for a new endpoint.
#include <filesystem>
#include <iostream>
#include <memory>

#include "cli/commands.hpp"
#include "cli/data_paths.hpp"
#include "cli/exit_codes.hpp"
#include "cli/profile_template.hpp"
#include "load/case_parser.hpp"
#include "load/provider_loader.hpp"
#include "redact/output_file.hpp"

namespace ac {

namespace {

struct InitOptions {
  NewProfile profile;
  std::string out;  // default providers/NAME.yaml
  std::string providers_dir;
  bool force = false;
};

bool check_options(const InitOptions& o, std::ostream& err) {
  const NewProfile& p = o.profile;
  if (!valid_case_id(p.name)) {
    err << "apiconform init: the name may only hold a-z, 0-9, `.`, `_` and `-` (got '" << p.name << "')\n";
    return false;
  }
  if (p.base_url.rfind("http://", 0) != 0 && p.base_url.rfind("https://", 0) != 0) {
    err << "apiconform init: --base-url must start with http:// or https:// (got '" << p.base_url << "')\n";
    return false;
  }
  if (p.key_env.empty() && p.auth != "none") {
    err << "apiconform init: --key-env names the environment variable holding the key (or give --auth none)\n";
    return false;
  }
  return true;
}

int init(InitOptions o) {
  while (!o.profile.base_url.empty() && o.profile.base_url.back() == '/') o.profile.base_url.pop_back();
  if (!check_options(o, std::cerr)) return kExitInput;
  if (o.profile.auth == "none") o.profile.key_env.clear();
  const std::string path = o.out.empty() ? "providers/" + o.profile.name + ".yaml" : o.out;
  std::error_code ec;
  if (!o.force && std::filesystem::exists(path, ec)) {
    std::cerr << "apiconform init: " << path << " exists; give --force to replace it or --out for another file\n";
    return kExitInput;
  }
  Provider defaults;
  Diagnostics diags = load_provider("anthropic", o.providers_dir, defaults);
  for (const auto& d : diags) std::cerr << format_diagnostic(d);
  if (!diags.empty()) return kExitInput;
  const std::filesystem::path parent = std::filesystem::path(path).parent_path();
  if (!parent.empty()) std::filesystem::create_directories(parent, ec);
  std::string error;
  if (!write_output_file(path, "profile", profile_text(o.profile, defaults), error)) {
    std::cerr << "apiconform init: " << error << "\n";
    return kExitInput;
  }
  // Read back as `lint` would: what init writes must load clean.
  Provider written;
  diags = load_provider_file(path, written);
  for (const auto& d : diags) std::cerr << format_diagnostic(d);
  if (!diags.empty()) return kExitInput;
  std::cout << "wrote " << path << "\n"
            << "next:  apiconform lint --provider " << path << "\n"
            << "       " << (o.profile.key_env.empty() ? "" : o.profile.key_env + "=... ")
            << "apiconform run --provider " << path << "\n";
  return kExitOk;
}

}  // namespace

void add_init_command(CLI::App& app, Action& action) {
  auto o = std::make_shared<InitOptions>();
  CLI::App* cmd = app.add_subcommand("init", "Write a commented provider profile for a new endpoint");
  cmd->footer(
      "Example: apiconform init my-gateway --base-url https://gw.example/anthropic --key-env GW_KEY --auth bearer\n"
      "writes providers/my-gateway.yaml: the official paths, headers and model variables (or --model),\n"
      "cautious limits and timeouts, each key commented. Edit it, `apiconform lint --provider FILE`, then\n"
      "`apiconform run --provider FILE`. See docs/providers.md.");
  cmd->add_option("name", o->profile.name, "The provider's name in results and reports (a-z, 0-9, . _ -)")->required();
  cmd->add_option("--base-url", o->profile.base_url, "Where the API answers, e.g. https://gw.example/anthropic")
      ->required();
  cmd->add_option("--key-env", o->profile.key_env, "Environment variable holding the key (never the key itself)");
  cmd->add_option("--auth", o->profile.auth, "How the key is sent")
      ->check(CLI::IsMember({"x-api-key", "bearer", "either", "none"}))
      ->capture_default_str();
  cmd->add_option("--model", o->profile.model, "Model name this endpoint serves (default: the official ones)");
  cmd->add_option("--out", o->out, "File to write (default: providers/NAME.yaml)");
  cmd->add_flag("--force", o->force, "Replace the file if it exists");
  cmd->add_option("--providers-dir", o->providers_dir, "Where the shipped `anthropic` profile is read (default: the shipped providers/)");
  cmd->final_callback([o, &action]() {
    if (o->providers_dir.empty()) o->providers_dir = data_path("providers");
    action = [o]() { return init(*o); };
  });
}

}  // namespace ac
