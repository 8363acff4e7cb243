#include <unistd.h>

#include <cstdlib>
#include <iostream>
#include <memory>

#include "cli/commands.hpp"
#include "results/baseline_diff.hpp"

namespace ac {

namespace {
struct DiffOptions {
  std::string old_path, new_path;
};

bool use_color() {
  const char* no_color = std::getenv("NO_COLOR");
  return isatty(STDOUT_FILENO) && !(no_color && *no_color);
}
}  // namespace

void add_diff_command(CLI::App& app, Action& action) {
  auto o = std::make_shared<DiffOptions>();
  CLI::App* cmd = app.add_subcommand("diff", "Compare two results.json: regressions, fixes, new and removed cases per provider");
  cmd->footer("Exit 1 when NEW regressed against OLD (a case that passed now fails or errors), else 0.\n"
              "Timings and volatile fields are never compared. See docs/baselines.md.");
  cmd->add_option("old", o->old_path, "The baseline results.json")->required();
  cmd->add_option("new", o->new_path, "The results.json to judge")->required();
  cmd->final_callback([o, &action]() {
    action = [o]() {
      std::string text, error;
      int code = diff_files(o->old_path, o->new_path, use_color(), text, error);
      std::cout << text;
      if (!error.empty()) std::cerr << "apiconform: " << error << "\n";
      return code;
    };
  });
}

}  // namespace ac
