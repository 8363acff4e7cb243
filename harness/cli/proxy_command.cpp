#include <chrono>
#include <cstdlib>
#include <iostream>
#include <memory>
#include <thread>

#include "cli/commands.hpp"
#include "cli/console.hpp"
#include "cli/data_paths.hpp"
#include "cli/exit_codes.hpp"
#include "cli/format_list.hpp"
#include "cli/interrupts.hpp"
#include "cli/live_outputs.hpp"
#include "cli/proxy_session.hpp"
#include "cli/reports.hpp"
#include "cli/run_checks.hpp"
#include "cli/suite.hpp"
#include "cli/targets.hpp"
#include "model/diagnostic.hpp"
#include "net/retry.hpp"
#include "plan/request_builder.hpp"
#include "proxy/proxy_server.hpp"
#include "redact/secrets.hpp"
#include "util/utc_time.hpp"

namespace ac {

namespace {

struct ProxyCommandOptions {
  std::string listen;
  std::string target;
  std::string out_dir = "reports/proxy";
  std::vector<std::string> formats;
  std::string record_dir;
  long long max_exchanges = 0;  // 0 = no limit
  double duration_s = 0;        // 0 = until a signal
  std::string schemas_dir;
  bool strict = false;
  std::vector<std::string> secret_headers;
  std::size_t connections = 256;
  double connect_timeout_s = 10;
  std::string ca_file;
  double interrupt_grace_s = 10;
  bool progress = true;
  std::string command_line;
};

// "127.0.0.1:8080", ":8080" or "8080" -> host and port; false with a sentence.
bool parse_listen(const std::string& text, std::string& host, int& port, std::string& error) {
  const std::size_t colon = text.rfind(':');
  host = colon == std::string::npos || colon == 0 ? "127.0.0.1" : text.substr(0, colon);
  const std::string digits = colon == std::string::npos ? text : text.substr(colon + 1);
  char* end = nullptr;
  const long value = std::strtol(digits.c_str(), &end, 10);
  if (digits.empty() || *end != '\0' || value < 0 || value > 65535) {
    error = "--listen " + text + ": expected HOST:PORT, e.g. 127.0.0.1:8080 (port 0 = any free one)";
    return false;
  }
  port = static_cast<int>(value);
  return true;
}

// Everything that can be wrong before the proxy listens, said at once (exit 2).
bool check_options(const ProxyCommandOptions& o, std::vector<std::string>& formats, std::string& host, int& port) {
  std::vector<std::string> problems;
  std::string error;
  if (!parse_listen(o.listen, host, port, error)) problems.push_back(error);
  if (o.target.rfind("http://", 0) != 0 && o.target.rfind("https://", 0) != 0)
    problems.push_back("--target " + without_userinfo(o.target) +
                       ": expected an http:// or https:// base URL, e.g. https://api.anthropic.com");
  parse_formats(o.formats, formats, problems);
  const std::string dir = out_dir_problem(o.out_dir);
  if (!dir.empty()) problems.push_back(dir);
  for (const auto& p : problems) std::cerr << "apiconform: " << p << "\n";
  return problems.empty();
}

void wait_for_the_end(const ProxyCommandOptions& o, const StopSignal& stop, const ProxySession& session) {
  const auto started = std::chrono::steady_clock::now();
  for (;;) {
    if (stop.requested()) return;
    if (o.max_exchanges > 0 && session.judged() >= static_cast<std::size_t>(o.max_exchanges)) return;
    if (o.duration_s > 0 && std::chrono::steady_clock::now() - started >= std::chrono::duration<double>(o.duration_s))
      return;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
}

int proxy_command(const ProxyCommandOptions& o) {
  StopSignal stop;
  InterruptGuard interrupts(stop);  // SIGINT/SIGTERM end the session with results and reports
  register_url_secrets(o.target);   // before anything is printed
  std::vector<std::string> formats;
  std::string host;
  int port = 0;
  if (!check_options(o, formats, host, port)) return kExitInput;

  const std::string shown_target = without_userinfo(o.target);  // as records, reports and the console name it
  JudgeData judge_data;
  JudgeContext judge;
  judge.strict = o.strict;
  judge.secrets.secret_headers = o.secret_headers;
  judge.provider = shown_target;
  Diagnostics problems = load_judge_data(o.schemas_dir, judge_data, judge, schema_load_options());
  for (const auto& d : problems) std::cerr << format_diagnostic(d);
  if (!problems.empty()) return kExitInput;

  RunInfo info;
  info.started_at = utc_now_rfc3339(true);
  info.command = process_redactor().apply(o.command_line);
  info.providers.push_back(ProviderRun{shown_target, shown_target, false, "run", ""});
  LiveOutputs live;
  if (!live.open(o.out_dir, info, true, std::cerr)) return kExitInput;
  const std::string& results_path = live.results_path();
  // Every judged exchange goes to the live outputs; no total is known ahead.
  ProxyConsole console(std::cout, stdout_console_options(o.progress));
  RunSink& outputs = live.start(console, 0, 0);
  ProxySessionSettings settings;
  settings.judge = &judge;
  settings.record_dir = o.record_dir;
  settings.secrets.secret_headers = o.secret_headers;
  ProxySession session(settings, outputs, console);

  ProxyOptions proxy_options;
  proxy_options.forward.target = o.target;
  proxy_options.forward.connect_timeout_s = o.connect_timeout_s;
  proxy_options.forward.ca_file = o.ca_file;
  proxy_options.record_target = shown_target;
  proxy_options.connections = o.connections;
  ProxyServer proxy(proxy_options, [&session](ExchangeRecord&& record) { session.submit(std::move(record)); });
  std::string error;
  const int listening = proxy.start(host, port, error);
  if (listening < 0) {
    std::cerr << "apiconform: cannot listen on " << host << ":" << port << ": " << error << "\n";
    return kExitInput;
  }
  const std::string address = "http://" + host + ":" + std::to_string(listening);
  std::cout << "proxy " << address << " -> " << shown_target << "\n"
            << "point the client at it: ANTHROPIC_BASE_URL=" << address << " (its own key is passed on)\n"
            << "results: " << results_path << " as exchanges complete"
            << (o.record_dir.empty() ? "" : "; exchanges saved in " + o.record_dir)
            << "\nCtrl-C (or SIGTERM) stops it and writes the reports" << std::endl;

  wait_for_the_end(o, stop, session);
  if (stop.requested() && proxy.in_flight() > 0)
    session.note("stopping: " + std::to_string(proxy.in_flight()) + " exchange(s) in flight may finish within " +
                 format_seconds(o.interrupt_grace_s) + " s (Ctrl-C again to quit at once)");
  proxy.stop(o.interrupt_grace_s);
  session.finish();

  live.finish(utc_now_rfc3339(true), RunCost{});  // results.json gets its real ending
  const bool write_failed = live.write_failed(std::cerr);
  const Summary& summary = live.summary();
  ReportOutcome reports = write_reports(live.file(), results_path, o.out_dir, formats, "", o.strict, std::cout, std::cerr);
  console.end(info.providers, summary, reports.hint.empty() ? results_path : reports.hint, live.deviations());
  if (write_failed || !reports.ok) return kExitInput;
  if (summary.total == 0) {
    std::cerr << "apiconform: no exchange went through the proxy; was the client's base URL " << address << "?\n";
    return kExitInput;
  }
  return exit_code_for(summary);
}

}  // namespace

void add_proxy_command(CLI::App& app, Action& action, const std::string& command_line) {
  auto o = std::make_shared<ProxyCommandOptions>();
  CLI::App* cmd = app.add_subcommand(
      "proxy", "Stand between a real client (an SDK, a coding agent, your app) and an endpoint; judge every exchange");
  cmd->footer(
      "The client points its base URL at --listen; every request goes on to --target unchanged (its own key\n"
      "included) and every reply comes back byte for byte, streams as they arrive. Each exchange is judged with\n"
      "the checks of `run` (the request against the request schema: a request the API would refuse is a\n"
      "client-side finding; the reply by status, headers, body schema, stream grammar, events, folded message)\n"
      "and appended to OUT/results.json as it completes. Reports are written when the proxy stops: Ctrl-C,\n"
      "SIGTERM, --max-exchanges or --duration. The client's key never reaches an output.\n"
      "Examples:\n"
      "  apiconform proxy --listen 127.0.0.1:8080 --target https://api.anthropic.com --format html\n"
      "  ANTHROPIC_BASE_URL=http://127.0.0.1:8080 claude            a coding agent through it\n"
      "  apiconform proxy --listen :8080 --target https://gw.example --record captured/ --max-exchanges 20\n"
      "  apiconform replay captured/                                 judge the recording again, offline\n"
      "Exit codes: 0 every exchange conformant, 1 findings, 2 usage errors or no exchange, 3 exchanges without a\n"
      "verdict (the target unreachable, a reply cut). See docs/proxy.md.");
  cmd->add_option("--listen", o->listen, "HOST:PORT to listen on, e.g. 127.0.0.1:8080 (port 0 = any free one, printed)")
      ->required();
  cmd->add_option("--target", o->target, "Base URL the requests go on to, e.g. https://api.anthropic.com")->required();
  cmd->add_option("--out", o->out_dir, "Output folder for results.json and the reports")->capture_default_str();
  cmd->add_option("--format", o->formats,
                  "Reports to write when the proxy stops, comma-separated: " + format_names_text());
  cmd->add_option("--record", o->record_dir,
                  "Save each exchange (request, raw reply bytes, timings; keys removed) as a file in this folder, "
                  "for `apiconform replay` and `serve --replay`");
  cmd->add_option("--max-exchanges", o->max_exchanges, "Stop after this many exchanges were judged")
      ->check(CLI::Range(1LL, 1000000000LL));
  cmd->add_option("--duration", o->duration_s, "Stop after this many seconds")->check(CLI::Range(0.001, 1e9));
  cmd->add_option("--schemas", o->schemas_dir, "Schemas folder (default: the shipped schemas/)");
  cmd->add_flag("--strict", o->strict, "Reply fields the schemas do not know fail instead of warn");
  cmd->add_option("--secret-header", o->secret_headers,
                  "A header whose value is secret, beyond x-api-key, authorization, proxy-authorization and cookies "
                  "(repeatable)");
  cmd->add_option("--connections", o->connections, "Client connections served at once")
      ->capture_default_str()
      ->check(CLI::Range(1, 10000));
  cmd->add_option("--connect-timeout", o->connect_timeout_s, "Seconds to connect to the target")
      ->capture_default_str()
      ->check(CLI::Range(0.1, 600.0));
  cmd->add_option("--cacert", o->ca_file,
                  "A PEM file of CA certificates to trust for an https target: a private CA or a self-signed "
                  "target (certificates are always verified; without it, the system's CAs)")
      ->check(CLI::ExistingFile);
  cmd->add_option("--interrupt-grace", o->interrupt_grace_s,
                  "Seconds exchanges in flight may still finish once the proxy stops, before they are cut")
      ->capture_default_str()
      ->check(CLI::Range(0.0, 600.0));
  cmd->add_flag("!--no-progress", o->progress, "No live line: one line per exchange instead");
  cmd->final_callback([o, &action, command_line]() {
    if (o->schemas_dir.empty()) o->schemas_dir = data_path("schemas");
    o->command_line = command_line;
    action = [o]() { return proxy_command(*o); };
  });
}

}  // namespace ac
