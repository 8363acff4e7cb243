#include "support/spawn.hpp"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>

#include <algorithm>
#include <cstring>
#include <stdexcept>
#include <thread>

extern char** environ;

namespace ac::test {
namespace {

// This process's environment with `extra` laid over it, as "KEY=VALUE" strings.
std::vector<std::string> merged_environment(const std::map<std::string, std::string>& extra) {
  std::vector<std::string> out;
  for (char** e = environ; *e; ++e) {
    std::string entry = *e;
    if (extra.count(entry.substr(0, entry.find('='))) == 0) out.push_back(std::move(entry));
  }
  for (const auto& [key, value] : extra) out.push_back(key + "=" + value);
  return out;
}

std::vector<char*> pointers(std::vector<std::string>& strings) {
  std::vector<char*> out;
  for (auto& s : strings) out.push_back(s.data());
  out.push_back(nullptr);
  return out;
}

// posix_spawn_file_actions_t, destroyed when it goes.
class FileActions {
 public:
  FileActions() { posix_spawn_file_actions_init(&actions_); }
  ~FileActions() { posix_spawn_file_actions_destroy(&actions_); }
  FileActions(const FileActions&) = delete;
  FileActions& operator=(const FileActions&) = delete;
  posix_spawn_file_actions_t* get() { return &actions_; }

 private:
  posix_spawn_file_actions_t actions_;
};

}  // namespace

int spawn_process(const SpawnSpec& spec) {
  if (spec.argv.empty()) throw std::invalid_argument("spawn_process: no program");
  std::vector<std::string> args = spec.argv, env = merged_environment(spec.env);
  std::vector<char*> argv = pointers(args), envp = pointers(env);
  FileActions actions;
  const int truncate = O_WRONLY | O_CREAT | O_TRUNC;
  posix_spawn_file_actions_addopen(actions.get(), 0, spec.stdin_path.c_str(), O_RDONLY, 0);
  posix_spawn_file_actions_addopen(actions.get(), 1, spec.stdout_path.c_str(), truncate, 0600);
  if (spec.stderr_path == spec.stdout_path)
    posix_spawn_file_actions_adddup2(actions.get(), 1, 2);
  else
    posix_spawn_file_actions_addopen(actions.get(), 2, spec.stderr_path.c_str(), truncate, 0600);
  if (!spec.cwd.empty()) posix_spawn_file_actions_addchdir_np(actions.get(), spec.cwd.c_str());
  pid_t pid = 0;
  const int error = posix_spawnp(&pid, argv[0], actions.get(), nullptr, argv.data(), envp.data());
  if (error != 0) throw std::runtime_error("cannot start " + spec.argv[0] + ": " + std::strerror(error));
  return pid;
}

bool wait_or_kill(int pid, std::chrono::milliseconds bound, int& status) {
  const auto deadline = std::chrono::steady_clock::now() + bound;
  auto pause = std::chrono::milliseconds(1);
  while (waitpid(pid, &status, WNOHANG) == 0) {
    if (std::chrono::steady_clock::now() > deadline) {
      kill(pid, SIGKILL);
      waitpid(pid, &status, 0);
      return false;
    }
    std::this_thread::sleep_for(pause);
    pause = std::min(pause * 2, std::chrono::milliseconds(20));
  }
  return true;
}

}  // namespace ac::test
