#pragma once
#include <memory>
#include <string>
#include <vector>

#include "sim/replay_book.hpp"

namespace ac::sim {

struct SimOptions {
  std::string dialect = "reference";        // which documented behaviour to serve
  std::string dialects_dir;                 // extra dialect files (*.yaml) beside the built-in ones
                                            // (compiled in from harness/sim/dialects/)
  std::vector<std::string> faults;          // deliberate deviations (streaming), several at once
  std::string api_key = "sim-test-key";     // the only key accepted
  // Delay between stream events. A real stream spreads its deltas over time; sent in one burst,
  // a reply that came late (a loaded machine) would look buffered to the stream judge (four
  // deltas within 10 ms after 200 ms of silence), so the default spreads them a little.
  double pace_ms = 4;
  std::size_t max_body_bytes = 32u << 20;   // above this: 413
  // Connections served at once: the server gives each open connection a thread for as long as it
  // is kept alive, so a client holding more would wait for one to close or time out (5 s idle).
  std::size_t connections = 32;
  double first_byte_ms = 0;                 // delay before any reply starts (a slow model; the benchmark)
  // `serve --replay`: when not empty, every request is answered from these recorded replies
  // (sim/replay_book.hpp says which) instead of the simulated API; unmatched requests get a 404.
  std::vector<RecordedReply> replay;
  bool replay_pace = false;                 // send each recorded piece at its recorded time
};

// An embedded server that speaks the Messages API on 127.0.0.1 only, serving on its own thread.
class Simulator {
 public:
  explicit Simulator(SimOptions options);
  ~Simulator();
  Simulator(const Simulator&) = delete;
  Simulator& operator=(const Simulator&) = delete;

  // Binds 127.0.0.1:port (0 = an ephemeral port) and starts serving; returns the bound port,
  // or -1 with `error` set.
  int start(int port, std::string& error);
  void stop();
  std::string base_url() const;  // "http://127.0.0.1:<port>"

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Names and one-line descriptions of the fault modes, for `apiconform list faults`.
std::vector<std::pair<std::string, std::string>> list_faults();

// Names and one-line descriptions of the dialects `SimOptions::dialect` accepts (the reference
// first, then the built-in dialect files by name), for `apiconform list dialects`.
std::vector<std::pair<std::string, std::string>> list_dialects();

}  // namespace ac::sim
