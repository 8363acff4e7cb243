#include "cli/app.hpp"

#include <iostream>

#include "cli/commands.hpp"
#include "cli/data_paths.hpp"
#include "cli/exit_codes.hpp"

namespace ac {

void build_cli(CLI::App& app, Action& action, const std::string& command_line) {
  app.description("apiconform: tells you exactly where an endpoint differs from the Anthropic Messages API.");
  app.set_version_flag("--version", version_text, "Print the version, the data folder in use and the suite's version");
  app.require_subcommand(1);
  app.footer(
      "Examples:\n"
      "  apiconform run                                   the suite against the embedded reference simulator\n"
      "  apiconform run --base-url https://gw.example --key-env GW_KEY --auth bearer\n"
      "  apiconform run --provider reference --provider anthropic --out reports/today\n"
      "  apiconform run --base-url https://gw.example --key-env GW_KEY --model vendor/claude-x --var max_tokens=512\n"
      "  apiconform init my-gw --base-url https://gw.example --key-env GW_KEY   write a commented profile\n"
      "  apiconform lint                                  check case files and schemas, send nothing\n"
      "  apiconform check-stream capture.sse              judge a recorded event stream\n"
      "  apiconform serve --port 8787                     the reference simulator as a server\n"
      "  apiconform replay captured/                      judge a recorded proxy session offline\n"
      "  apiconform proxy --listen 127.0.0.1:8080 --target https://api.anthropic.com   judge a real client's traffic\n"
      "Exit codes: 0 conformant, 1 conformance failures, 2 usage or input errors, 3 cases left without a verdict.\n"
      "Docs: README.md and docs/ (case-format.md, providers.md, results-format.md, exit-codes.md, install.md),\n"
      "installed in /usr/share/doc/apiconform/; `man apiconform`.");
  add_run_command(app, action, command_line);
  add_lint_command(app, action);
  add_serve_command(app, action);
  add_proxy_command(app, action, command_line);
  add_list_command(app, action);
  add_check_stream_command(app, action);
  add_report_command(app, action);
  add_diff_command(app, action);
  add_init_command(app, action);
  add_merge_command(app, action, command_line);
  add_replay_command(app, action, command_line);
  add_generate_command(app, action);
}

int run_cli(int argc, char** argv) {
  CLI::App app{"", "apiconform"};
  std::string command_line = "apiconform";
  for (int i = 1; i < argc; ++i) command_line += std::string(" ") + argv[i];
  Action action;
  build_cli(app, action, command_line);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? kExitOk : kExitInput;
  }
  return action ? action() : kExitInput;
}

}  // namespace ac
