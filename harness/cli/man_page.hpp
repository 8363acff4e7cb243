#pragma once
#include <string>

#include "cli/cli_spec.hpp"

namespace ac {

// apiconform(1) in roff (man(7) macros), from the CLI definition: every subcommand with its
// description, options and examples, then exit codes, environment and files.
std::string man_page(const CliSpec& spec, const std::string& version);

}  // namespace ac
