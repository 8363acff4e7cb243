#pragma once

#include <string>

#include "cli/commands.hpp"

namespace ac {

// Every subcommand and option on `app` (the one definition the man page and the shell
// completions are generated from, cli/cli_spec.hpp); the chosen command's action lands in
// `action`. `app` is named "apiconform".
void build_cli(CLI::App& app, Action& action, const std::string& command_line);

// Parses the command line and runs the chosen subcommand; returns the process exit code
// (docs/exit-codes.md).
int run_cli(int argc, char** argv);

}  // namespace ac
