#pragma once
#include <string>

#include "support/run_binary.hpp"

namespace ac::test {

// claude-code-router (@musistudio/claude-code-router on npm, installed pinned into the build tree
// by the gateway_install fixture, tests/CMakeLists.txt): an open-source gateway that takes the
// Anthropic Messages API on /v1/messages and forwards to an OpenAI Chat Completions upstream.
// It is a router configured by JSON ($HOME/.claude-code-router/config.json, docs/upstream.md).
class RouterGateway {
 public:
  // Writes a config that sends every request to `upstream_model` at `upstream_url` (the full
  // chat completions URL) and starts the gateway with the machine's node on a free 127.0.0.1 port,
  // waiting until it accepts connections (started() says whether it did).
  RouterGateway(const std::string& install_dir, const std::string& upstream_url, const std::string& upstream_model);
  ~RouterGateway();  // SIGTERM, then reaped
  RouterGateway(const RouterGateway&) = delete;
  RouterGateway& operator=(const RouterGateway&) = delete;

  bool started() const { return started_; }
  int port() const { return port_; }
  std::string base_url() const { return "http://127.0.0.1:" + std::to_string(port_); }
  std::string log() const;  // what it printed, for a failure message

 private:
  TempDir home_;
  int port_ = 0;
  int pid_ = -1;
  bool started_ = false;
};

// The build tree's gateway/ (where the fixture installs it).
std::string gateway_install_dir();

// Why the gateway cannot run here ("" when it can): the fixture found npm or its registry
// unreachable, or the package is not installed.
std::string gateway_unavailable(const std::string& install_dir);

}  // namespace ac::test
