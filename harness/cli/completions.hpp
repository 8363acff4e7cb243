#pragma once
#include <string>

#include "cli/cli_spec.hpp"

namespace ac {

// Shell completion scripts from the CLI definition: subcommands, their options (with their
// descriptions where the shell shows them), the choices of options that have a fixed set, and
// file names for every other value. `--provider` also offers the shipped profile names, asked of
// `apiconform list providers` when completing.
std::string bash_completion(const CliSpec& spec);
std::string zsh_completion(const CliSpec& spec);
std::string fish_completion(const CliSpec& spec);

}  // namespace ac
