#include "support/run_binary.hpp"

#include "support/spawn.hpp"
#include "util/join.hpp"

#include <gtest/gtest.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <stdexcept>
#include <thread>

namespace ac::test {

namespace fs = std::filesystem;

std::string source_dir() {
  const char* dir = std::getenv("APICONFORM_SOURCE");
  return dir && *dir ? dir : APICONFORM_TEST_SOURCE_DIR;
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

namespace {

// `apiconform ARGS` in the source tree, standard streams on /dev/null.
SpawnSpec apiconform_spec(const std::vector<std::string>& args) {
  const char* bin = std::getenv("APICONFORM_BIN");
  if (!bin) throw std::runtime_error("APICONFORM_BIN is not set (run the tests through ctest)");
  SpawnSpec spec;
  spec.argv.push_back(bin);
  spec.argv.insert(spec.argv.end(), args.begin(), args.end());
  spec.cwd = source_dir();
  return spec;
}

}  // namespace

TempDir::TempDir() {
  std::string pattern = (fs::temp_directory_path() / "apiconform-test-XXXXXX").string();
  if (!mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
  path_ = pattern;
}

TempDir::~TempDir() {
  std::error_code ec;
  fs::remove_all(path_, ec);
}

std::string TempDir::write(const std::string& name, const std::string& text) const {
  fs::path p = fs::path(path_) / name;
  fs::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << text;
  return p.string();
}

StartedApiconform::StartedApiconform(const std::vector<std::string>& args,
                                     const std::map<std::string, std::string>& env, const std::string& cwd) {
  SpawnSpec spec = apiconform_spec(args);
  spec.env = env;
  if (!cwd.empty()) spec.cwd = cwd;
  spec.stdout_path = capture_.file("out");
  spec.stderr_path = capture_.file("err");
  command_ = join(spec.argv, " ");
  pid_ = spawn_process(spec);
}

StartedApiconform::~StartedApiconform() {
  if (pid_ <= 0) return;
  kill(pid_, SIGKILL);
  int status = 0;
  waitpid(pid_, &status, 0);
}

void StartedApiconform::signal(int sig) const {
  if (pid_ > 0) kill(pid_, sig);
}

std::string StartedApiconform::output() const { return read_file(capture_.file("out")); }

ProcessResult StartedApiconform::wait(std::chrono::seconds bound) {
  int status = 0;
  const bool killed = !wait_or_kill(pid_, bound, status);
  pid_ = -1;
  ProcessResult r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  r.out = read_file(capture_.file("out"));
  r.err = read_file(capture_.file("err"));
  if (killed) {
    const std::string note =
        "[test] `" + command_ + "` did not end within " + std::to_string(bound.count()) + " s and was killed\n";
    std::cerr << note << "its standard error so far:\n" << r.err << std::flush;
    r.err = note + r.err;
  }
  return r;
}

ProcessResult run_apiconform(const std::vector<std::string>& args, const std::map<std::string, std::string>& env,
                             const std::string& cwd) {
  return StartedApiconform(args, env, cwd).wait();
}

BackgroundApiconform::BackgroundApiconform(const std::vector<std::string>& args) {
  SpawnSpec spec = apiconform_spec(args);
  command_ = join(spec.argv, " ");
  pid_ = spawn_process(spec);
}

// A server that does not stop on SIGTERM is a finding, not a reason to hang the test run.
BackgroundApiconform::~BackgroundApiconform() {
  if (pid_ <= 0) return;
  kill(pid_, SIGTERM);
  int status = 0;
  if (!wait_or_kill(pid_, std::chrono::seconds(30), status))
    ADD_FAILURE() << "`" << command_ << "` did not stop within 30 s of SIGTERM and was killed";
}

int free_port() {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = 0;
  socklen_t len = sizeof addr;
  if (bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 ||
      getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) != 0) {
    close(fd);
    throw std::runtime_error("no free port on 127.0.0.1");
  }
  close(fd);
  return ntohs(addr.sin_port);
}

bool wait_for_port(int port, double seconds) {
  auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
  while (std::chrono::steady_clock::now() < deadline) {
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = htons(static_cast<uint16_t>(port));
    bool up = connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
    close(fd);
    if (up) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return false;
}

}  // namespace ac::test
