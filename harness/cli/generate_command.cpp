#include <iostream>
#include <memory>

#include "cli/cli_spec.hpp"
#include "cli/commands.hpp"
#include "cli/completions.hpp"
#include "cli/exit_codes.hpp"
#include "cli/man_page.hpp"
#include "redact/output_file.hpp"

namespace ac {

namespace {

struct GenerateOptions {
  std::string what;
  std::string out;
};

int generate(const GenerateOptions& o, const CLI::App& app) {
  const CliSpec spec = describe_cli(app);
  std::string text;
  if (o.what == "man") text = man_page(spec, APICONFORM_VERSION);
  else if (o.what == "complete-bash") text = bash_completion(spec);
  else if (o.what == "complete-zsh") text = zsh_completion(spec);
  else text = fish_completion(spec);
  if (o.out.empty()) {
    std::cout << text;
    return kExitOk;
  }
  std::string error;
  if (!write_output_file(o.out, o.what, text, error)) {
    std::cerr << "apiconform generate: " << error << "\n";
    return kExitInput;
  }
  return kExitOk;
}

}  // namespace

void add_generate_command(CLI::App& app, Action& action) {
  auto o = std::make_shared<GenerateOptions>();
  // Hidden (no group): packagers run it at build time, users never need to (docs/install.md).
  CLI::App* cmd = app.add_subcommand("generate", "Write the man page or a shell completion script from this CLI");
  cmd->group("");
  cmd->add_option("what", o->what, "man | complete-bash | complete-zsh | complete-fish")
      ->required()
      ->check(CLI::IsMember({"man", "complete-bash", "complete-zsh", "complete-fish"}));
  cmd->add_option("--out", o->out, "File to write (default: standard output)");
  cmd->final_callback([o, &action, &app]() { action = [o, &app]() { return generate(*o, app); }; });
}

}  // namespace ac
