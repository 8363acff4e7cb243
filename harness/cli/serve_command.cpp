#include <csignal>
#include <iostream>
#include <memory>
#include <thread>

#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "sim/simulator.hpp"

namespace ac {

namespace {
// A standalone server is the one other tools point many clients at (a benchmark, a gateway's own
// test suite): it holds this many connections at once unless told otherwise.
constexpr std::size_t kServeConnections = 512;

struct ServeOptions {
  int port = 8787;
  sim::SimOptions sim;
  double seconds = 0;
  ServeOptions() { sim.connections = kServeConnections; }
};

volatile std::sig_atomic_t g_stop = 0;  // set by the signal handler only
void on_signal(int) { g_stop = 1; }

int serve(const ServeOptions& o) {
  sim::Simulator simulator(o.sim);
  std::string error;
  if (simulator.start(o.port, error) < 0) {
    std::cerr << "apiconform: could not serve on 127.0.0.1:" << o.port << ": " << error << "\n";
    return kExitRuntime;
  }
  std::cout << "serving the " << o.sim.dialect << " simulator on " << simulator.base_url()
            << " (key: " << o.sim.api_key << ")";
  if (!o.sim.faults.empty()) {
    std::cout << " with faults:";
    for (const auto& f : o.sim.faults) std::cout << " " << f;
  }
  std::cout << "\npress Ctrl-C to stop" << std::endl;
  std::signal(SIGINT, on_signal);
  std::signal(SIGTERM, on_signal);
  auto start = std::chrono::steady_clock::now();
  while (!g_stop) {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    if (o.seconds > 0 && std::chrono::steady_clock::now() - start > std::chrono::duration<double>(o.seconds)) break;
  }
  simulator.stop();
  return kExitOk;
}
}  // namespace

void add_serve_command(CLI::App& app, Action& action) {
  auto o = std::make_shared<ServeOptions>();
  CLI::App* cmd = app.add_subcommand("serve", "Serve a simulator on 127.0.0.1 (the reference API, a provider dialect, or faults)");
  cmd->footer("Example: apiconform serve --port 8787 --fault no-message-stop\nSee `apiconform list faults` and docs/simulator.md.");
  cmd->add_option("--port", o->port, "Port on 127.0.0.1 (0 = any free port)")->capture_default_str();
  cmd->add_option("--dialect", o->sim.dialect, "Which documented behaviour to serve (see `apiconform list dialects`)")
      ->capture_default_str();
  cmd->add_option("--fault", o->sim.faults, "Deliberate stream deviation; repeat or comma-separate for several")->delimiter(',');
  cmd->add_option("--pace-ms", o->sim.pace_ms, "Delay between stream events");
  cmd->add_option("--first-byte-ms", o->sim.first_byte_ms, "Delay before every reply starts (a slow model)")
      ->check(CLI::Range(0.0, 600000.0));
  cmd->add_option("--connections", o->sim.connections, "Connections served at once (each kept-alive one holds a thread)")
      ->capture_default_str()->check(CLI::Range(1, 10000));
  cmd->add_option("--key", o->sim.api_key, "The API key the simulator accepts")->capture_default_str();
  cmd->add_option("--seconds", o->seconds, "Stop after this many seconds (default: until Ctrl-C)");
  cmd->final_callback([o, &action]() {
    for (const auto& f : o->sim.faults) {
      bool known = false;
      for (const auto& [name, text] : sim::list_faults()) known = known || name == f;
      if (!known) throw CLI::ValidationError("--fault", "unknown fault '" + f + "'; see `apiconform list faults`");
    }
    action = [o]() { return serve(*o); };
  });
}

}  // namespace ac
