#pragma once
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

namespace ac {

// The command line as data, read from the CLI11 definition itself (cli/app.cpp and each
// add_*_command), so the man page and the shell completions cannot drift from what the binary
// accepts (docs/install.md, "Man page and completions").
struct OptionSpec {
  std::vector<std::string> names;  // "--provider", "-j"; empty for a positional
  std::string positional;          // the positional's name ("what", "paths"); "" for an option
  std::string description;
  std::string value_name;          // "TEXT", "INT", ...; "" for a flag
  std::vector<std::string> choices;  // from a CLI::IsMember check
  bool repeatable = false;
  bool required = false;
  bool takes_value() const { return !value_name.empty(); }
};

struct CommandSpec {
  std::string name;  // "" for the program itself
  std::string description;
  std::string footer;  // the examples and notes under --help; "" when only the program's
  std::vector<OptionSpec> options;     // --help first, in definition order
  std::vector<OptionSpec> positionals;
};

struct CliSpec {
  CommandSpec program;                // its own options: --help, --version
  std::vector<CommandSpec> commands;  // the visible subcommands, in definition order
};

// Reads every visible subcommand and option of `app` (hidden ones, like `generate`, are left out).
CliSpec describe_cli(const CLI::App& app);

}  // namespace ac
