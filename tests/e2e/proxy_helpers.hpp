#pragma once
// `apiconform serve` (the simulator) with `apiconform proxy` in front of it, and clients to drive
// them from the shell: for the proxy's end-to-end tests (tests/e2e/proxy_test.cpp) and the official
// SDK's (tests/sdk/sdk_proxy_test.cpp).
#include <cstdio>
#include <memory>
#include <regex>
#include <string>
#include <vector>

#include "e2e/e2e_helpers.hpp"

namespace ac::test {

// What `command` printed on its standard output (run by /bin/sh).
inline std::string shell_output(const std::string& command) {
  std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(command.c_str(), "r"), pclose);
  std::string out;
  if (!pipe) return out;
  char buffer[65536];
  for (std::size_t n; (n = std::fread(buffer, 1, sizeof buffer, pipe.get())) > 0;) out.append(buffer, n);
  return out;
}

// The simulator's random ids (msg_, req_, toolu_) and its rate-limit reset times replaced by a
// mark: what is left of two replies to the same request is byte for byte the same.
inline std::string without_ids(const std::string& text) {
  static const std::regex ids("(msg|req|toolu)_[A-Za-z0-9]+");
  static const std::regex times("[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:.]+Z");
  return std::regex_replace(std::regex_replace(text, ids, "$1_ID"), times, "TIME");
}

class ProxiedSimulator {
 public:
  // `serve` on a free port with `serve_args`, then `proxy` in front of it with `proxy_args` besides
  // --listen, --target and --out (OUT = dir().file("out")); an argument starting with "{DIR}"
  // starts with dir().path() instead.
  explicit ProxiedSimulator(const std::vector<std::string>& proxy_args, std::vector<std::string> serve_args = {},
                            const std::map<std::string, std::string>& env = {}) {
    sim_port_ = free_port();
    serve_args.insert(serve_args.begin(), {"serve", "--port", std::to_string(sim_port_)});
    sim_ = std::make_unique<BackgroundApiconform>(serve_args);
    proxy_port_ = free_port();
    std::vector<std::string> args{"proxy",    "--listen",     "127.0.0.1:" + std::to_string(proxy_port_),
                                  "--target", sim_url(),      "--out",
                                  out(""),    "--no-progress"};
    for (std::string a : proxy_args) {  // "{DIR}/rec": a folder of this test's own
      if (a.rfind("{DIR}", 0) == 0) a = dir_.path() + a.substr(5);
      args.push_back(a);
    }
    proxy_ = std::make_unique<StartedApiconform>(args, env);
    ready_ = wait_for_port(sim_port_, 30) && wait_for_port(proxy_port_, 30);
  }
  bool ready() const { return ready_; }
  std::string sim_url() const { return "http://127.0.0.1:" + std::to_string(sim_port_); }
  std::string proxy_url() const { return "http://127.0.0.1:" + std::to_string(proxy_port_); }
  std::string out(const std::string& name) const { return dir_.file("out") + (name.empty() ? "" : "/" + name); }
  const TempDir& dir() const { return dir_; }
  StartedApiconform& proxy() { return *proxy_; }
  // results.json as it is now (the proxy rewrites its ending after every exchange).
  ResultsFile results_now() const {
    ResultsFile file;
    std::string error;
    read_results(out("results.json"), file, error);
    return file;
  }
  bool judged(std::size_t count) const {
    return eventually([&] { return results_now().results.size() >= count; });
  }

 private:
  TempDir dir_;
  int sim_port_ = 0, proxy_port_ = 0;
  std::unique_ptr<BackgroundApiconform> sim_;
  std::unique_ptr<StartedApiconform> proxy_;
  bool ready_ = false;
};

}  // namespace ac::test
