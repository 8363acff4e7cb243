#pragma once
#include <chrono>
#include <map>
#include <string>
#include <vector>

namespace ac::test {

struct ProcessResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// Runs the apiconform binary under test ($APICONFORM_BIN) with `args` in `cwd` (default: the
// source tree), extra environment variables set, standard input closed.
ProcessResult run_apiconform(const std::vector<std::string>& args, const std::map<std::string, std::string>& env = {},
                             const std::string& cwd = "");

// The source tree, for data files: the one way every test finds its data. $APICONFORM_SOURCE when
// set (ctest sets it), else the tree the tests were built from, so a test binary run by hand
// outside ctest, from any folder, finds its data too.
std::string source_dir();

// A fresh empty directory, removed when the object goes away.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::string& path() const { return path_; }
  std::string file(const std::string& name) const { return path_ + "/" + name; }
  // Writes `text` to a file inside (creating folders) and returns its path.
  std::string write(const std::string& name, const std::string& text) const;

 private:
  std::string path_;
};

std::string read_file(const std::string& path);

// `apiconform ARGS` started in the background with its output captured, for a test that signals
// it while it runs (run_apiconform is start and wait). Killed and reaped if still running when it goes.
class StartedApiconform {
 public:
  StartedApiconform(const std::vector<std::string>& args, const std::map<std::string, std::string>& env = {},
                    const std::string& cwd = "");
  ~StartedApiconform();
  StartedApiconform(const StartedApiconform&) = delete;
  StartedApiconform& operator=(const StartedApiconform&) = delete;
  void signal(int sig) const;
  std::string output() const;  // its standard output so far
  // Once. A run still going after `bound` is killed: its result then says so in `err` (and on
  // this process's standard error) and has exit code 137. The default is far above the longest
  // run a test makes (about 15 s under ASan on 2 cores), so that a hang fails its one test, naming
  // the command, instead of spending ctest's whole timeout and printing nothing.
  ProcessResult wait(std::chrono::seconds bound = std::chrono::seconds(180));

 private:
  TempDir capture_;
  std::string command_;  // for the message when it is killed
  int pid_ = -1;
};

// `apiconform ARGS` running in the background (e.g. `serve`), stopped with SIGTERM and reaped on
// destruction; one still running 30 s later is killed and fails the test.
class BackgroundApiconform {
 public:
  explicit BackgroundApiconform(const std::vector<std::string>& args);
  ~BackgroundApiconform();
  BackgroundApiconform(const BackgroundApiconform&) = delete;
  BackgroundApiconform& operator=(const BackgroundApiconform&) = delete;

 private:
  int pid_ = -1;
  std::string command_;  // for the failure when it does not stop
};

// A port on 127.0.0.1 that was free a moment ago (for a server the test starts).
int free_port();

// Waits until something accepts connections on 127.0.0.1:port; false after `seconds`.
bool wait_for_port(int port, double seconds);

}  // namespace ac::test
