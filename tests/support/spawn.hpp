#pragma once
#include <chrono>
#include <map>
#include <string>
#include <vector>

namespace ac::test {

// How to start a program: what to run, where, and where its standard streams go.
struct SpawnSpec {
  std::vector<std::string> argv;           // argv[0] is looked up on PATH when it has no '/'
  std::map<std::string, std::string> env;  // added to (or replacing in) this process's environment
  std::string cwd;                         // empty: this process's folder
  std::string stdin_path = "/dev/null";
  std::string stdout_path = "/dev/null";
  std::string stderr_path = "/dev/null";  // the same path as stdout_path shares one file
};

// Starts `spec` and returns its pid; throws when it cannot be started.
//
// Why posix_spawn and not fork + exec: the tests fork while other threads of theirs run (a
// LocalServer, a proxy). A forked child holds only the forking thread, so a lock another thread
// held at that moment stays held forever; a child that allocates between fork and exec (building
// argv, setenv) then hangs. ASan's allocator in GCC 12 has no fork handler, and one such hang
// timed a CI run out after 600 s (google/sanitizers#1814). Everything here is built before the
// spawn, and glibc's posix_spawn runs only system calls in the child.
int spawn_process(const SpawnSpec& spec);

// Waits up to `bound` for `pid` to end and reaps it, leaving its waitpid status in `status`.
// Still running then: killed with SIGKILL, reaped, and false.
bool wait_or_kill(int pid, std::chrono::milliseconds bound, int& status);

}  // namespace ac::test
