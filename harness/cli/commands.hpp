#pragma once
#include <functional>
#include <string>

#include <CLI/CLI.hpp>

namespace ac {

// Each subcommand registers its options and, when chosen, sets the action that runs it.
using Action = std::function<int()>;

void add_run_command(CLI::App& app, Action& action, const std::string& command_line);
void add_lint_command(CLI::App& app, Action& action);
void add_serve_command(CLI::App& app, Action& action);
void add_list_command(CLI::App& app, Action& action);
void add_check_stream_command(CLI::App& app, Action& action);
void add_report_command(CLI::App& app, Action& action);
void add_diff_command(CLI::App& app, Action& action);
void add_init_command(CLI::App& app, Action& action);
void add_merge_command(CLI::App& app, Action& action, const std::string& command_line);
void add_replay_command(CLI::App& app, Action& action, const std::string& command_line);
void add_proxy_command(CLI::App& app, Action& action, const std::string& command_line);
void add_generate_command(CLI::App& app, Action& action);  // hidden: the man page and completions

}  // namespace ac
