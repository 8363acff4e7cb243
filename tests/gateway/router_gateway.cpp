#include "gateway/router_gateway.hpp"

#include "support/spawn.hpp"

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>

namespace ac::test {

namespace {

const char* kCli = "/node_modules/@musistudio/claude-code-router/dist/cli.js";

// The config keys are the project's documented ones (its README): LOG off so nothing is written
// outside the temporary HOME, and no APIKEY, which makes the router listen on 127.0.0.1 only.
std::string config_json(int port, const std::string& upstream_url, const std::string& model) {
  return "{\n  \"PORT\": " + std::to_string(port) +
         ",\n  \"LOG\": false,\n  \"NON_INTERACTIVE_MODE\": true,\n  \"Providers\": [{\"name\": \"upstream\", "
         "\"api_base_url\": \"" +
         upstream_url + "\", \"api_key\": \"upstream-test-key\", \"models\": [\"" + model +
         "\"]}],\n  \"Router\": {\"default\": \"upstream," + model + "\"}\n}\n";
}

}  // namespace

std::string gateway_install_dir() {
  const char* dir = std::getenv("APICONFORM_GATEWAY_DIR");
  return dir && *dir ? dir : APICONFORM_GATEWAY_DIR;
}

std::string gateway_unavailable(const std::string& install_dir) {
  if (std::filesystem::exists(install_dir + "/npm-unreachable"))
    return "the gateway could not be installed: " + read_file(install_dir + "/npm-unreachable");
  if (!std::filesystem::exists(install_dir + kCli))
    return "the gateway is not installed in " + install_dir + " (run the gateway_install test first)";
  return "";
}

RouterGateway::RouterGateway(const std::string& install_dir, const std::string& upstream_url,
                             const std::string& upstream_model) {
  port_ = free_port();
  home_.write(".claude-code-router/config.json", config_json(port_, upstream_url, upstream_model));
  SpawnSpec spec;
  spec.argv = {"node", install_dir + kCli, "start"};
  spec.env = {{"HOME", home_.path()}};  // where it reads its config and keeps its pid file
  spec.stdout_path = spec.stderr_path = home_.file("gateway.log");
  pid_ = spawn_process(spec);
  // Node starts in well under a second here; the bound is for a loaded CI machine.
  started_ = pid_ > 0 && wait_for_port(port_, 60);
}

// Killed outright: after SIGTERM it waits seconds for idle keep-alive connections, and all it
// keeps (pid file, config) is in the temporary HOME.
RouterGateway::~RouterGateway() {
  if (pid_ <= 0) return;
  kill(pid_, SIGKILL);
  int status = 0;
  waitpid(pid_, &status, 0);
}

std::string RouterGateway::log() const { return read_file(home_.file("gateway.log")); }

}  // namespace ac::test
