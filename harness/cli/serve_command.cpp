#include <csignal>
#include <iostream>
#include <memory>
#include <thread>

#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "model/diagnostic.hpp"
#include "sim/simulator.hpp"
#include "traffic/exchange_record.hpp"

namespace ac {

namespace {
// A standalone server is the one other tools point many clients at (a benchmark, a gateway's own
// test suite): it holds this many connections at once unless told otherwise.
constexpr std::size_t kServeConnections = 512;

struct ServeOptions {
  int port = 8787;
  sim::SimOptions sim;
  double seconds = 0;
  std::string replay_dir;  // --replay: serve this recording instead of the simulated API
  ServeOptions() { sim.connections = kServeConnections; }
};

// The recording's exchanges as the simulator replays them; false (said on stderr) when the
// folder holds none that can be read. A damaged file is named and left out.
bool load_replay(const std::string& dir, sim::SimOptions& options) {
  Recording rec = read_exchange_records(dir);
  for (const auto& d : rec.diagnostics) std::cerr << format_diagnostic(d);
  if (rec.exchanges.empty()) return false;
  for (std::size_t i = 0; i < rec.exchanges.size(); ++i) {
    ExchangeRecord& x = rec.exchanges[i];
    sim::RecordedReply r;
    r.method = std::move(x.method);
    r.path = std::move(x.path);
    r.request_body = std::move(x.request_body);
    r.status = x.status;
    for (auto& h : x.response_headers) r.headers.emplace_back(std::move(h.name), std::move(h.value));
    r.body = std::move(x.response_body);
    for (const auto& c : x.chunks) r.chunks.emplace_back(c.offset, c.at_ms);
    r.cut = !x.error.empty();
    r.label = rec.files[i];
    options.replay.push_back(std::move(r));
  }
  return true;
}

volatile std::sig_atomic_t g_stop = 0;  // set by the signal handler only
void on_signal(int) { g_stop = 1; }

int serve(ServeOptions o) {
  if (!o.replay_dir.empty() && !load_replay(o.replay_dir, o.sim)) return kExitInput;
  sim::Simulator simulator(o.sim);
  std::string error;
  if (simulator.start(o.port, error) < 0) {
    std::cerr << "apiconform: could not serve on 127.0.0.1:" << o.port << ": " << error << "\n";
    return kExitRuntime;
  }
  if (!o.replay_dir.empty()) {
    sim::ReplayBook book(o.sim.replay);
    std::cout << "serving the recording " << o.replay_dir << " on " << simulator.base_url() << ": "
              << book.expected_text() << (o.sim.replay_pace ? ", at the recorded pace" : "")
              << "\npoint the client at it: ANTHROPIC_BASE_URL=" << simulator.base_url()
              << " (any key; a request the recording lacks gets a 404 naming what it has)";
  } else {
    std::cout << "serving the " << o.sim.dialect << " simulator on " << simulator.base_url()
              << " (key: " << o.sim.api_key << ")";
  }
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
  cmd->footer("Examples:\n"
              "  apiconform serve --port 8787 --fault no-message-stop    the simulator with a stream fault\n"
              "  apiconform serve --replay captured/ --port 8787         a recorded proxy session, served back\n"
              "See `apiconform list faults`, docs/simulator.md and docs/proxy.md (\"serve --replay\").");
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
  cmd->add_option("--replay", o->replay_dir,
                  "Serve a recording (proxy --record DIR) instead of the simulated API: each request gets the "
                  "recorded reply of the same method and path, byte for byte (docs/proxy.md)");
  cmd->add_flag("--replay-pace", o->sim.replay_pace,
                "With --replay: send each recorded piece of a reply at its recorded time (default: at once)");
  cmd->final_callback([o, &action]() {
    for (const auto& f : o->sim.faults) {
      bool known = false;
      for (const auto& [name, text] : sim::list_faults()) known = known || name == f;
      if (!known) throw CLI::ValidationError("--fault", "unknown fault '" + f + "'; see `apiconform list faults`");
    }
    if (!o->replay_dir.empty() && !o->sim.faults.empty())
      throw CLI::ValidationError("--fault", "cannot be combined with --replay: a recording is served as recorded");
    action = [o]() { return serve(*o); };
  });
}

}  // namespace ac
