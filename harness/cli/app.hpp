#pragma once

namespace ac {

// Parses the command line and runs the chosen subcommand; returns the process exit code
// (docs/exit-codes.md).
int run_cli(int argc, char** argv);

}  // namespace ac
