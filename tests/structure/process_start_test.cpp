// How the tests start programs (tests/support/spawn.hpp says why): with posix_spawn, never with a
// bare fork, because a child forked beside a running thread can hang on a lock that thread held.
// One such hang cost a CI run 600 s. The scan keeps fork out; the rest checks that spawn_process
// does what the fork + exec code it replaced did.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <thread>

#include "support/run_binary.hpp"
#include "support/spawn.hpp"

namespace ac::test {
namespace {

namespace fs = std::filesystem;

int wait_for(int pid) {
  int status = 0;
  waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

TEST(ProcessStart, NoCodeForksAProcess) {
  static const std::regex fork_call(R"(\b(v?fork)\s*\(\s*\))");
  std::vector<std::string> found;
  for (const char* folder : {"harness", "tests", "bench", "fuzz"}) {
    for (const auto& entry : fs::recursive_directory_iterator(fs::path(source_dir()) / folder)) {
      const auto ext = entry.path().extension();
      if (ext != ".cpp" && ext != ".hpp") continue;
      std::ifstream in(entry.path());
      std::string line;
      for (int n = 1; std::getline(in, line); ++n) {
        const std::string code = line.substr(0, line.find("//"));
        if (std::regex_search(code, fork_call)) found.push_back(entry.path().string() + ":" + std::to_string(n));
      }
    }
  }
  EXPECT_TRUE(found.empty()) << "start processes with spawn_process (tests/support/spawn.hpp), not fork: "
                             << testing::PrintToString(found);
}

TEST(ProcessStart, TheChildGetsItsFolderEnvironmentAndStreams) {
  TempDir dir;
  SpawnSpec spec;
  spec.argv = {"sh", "-c", "pwd; echo \"$SPAWN_TEST_VALUE\"; echo to-stderr >&2; exit 3"};
  spec.env = {{"SPAWN_TEST_VALUE", "set by the test"}};
  spec.cwd = dir.path();
  spec.stdout_path = dir.file("out");
  spec.stderr_path = dir.file("err");
  EXPECT_EQ(wait_for(spawn_process(spec)), 3);
  EXPECT_EQ(read_file(dir.file("out")), fs::canonical(dir.path()).string() + "\nset by the test\n");
  EXPECT_EQ(read_file(dir.file("err")), "to-stderr\n");
}

TEST(ProcessStart, OneFileCanTakeBothStreams) {
  TempDir dir;
  SpawnSpec spec;
  spec.argv = {"sh", "-c", "echo one; echo two >&2"};
  spec.stdout_path = spec.stderr_path = dir.file("log");
  EXPECT_EQ(wait_for(spawn_process(spec)), 0);
  EXPECT_EQ(read_file(dir.file("log")), "one\ntwo\n");
}

TEST(ProcessStart, AProgramThatCannotStartIsAnErrorNamingIt) {
  SpawnSpec spec;
  spec.argv = {"/nonexistent/program"};
  EXPECT_THROW(
      {
        try {
          spawn_process(spec);
        } catch (const std::runtime_error& e) {
          EXPECT_NE(std::string(e.what()).find("/nonexistent/program"), std::string::npos) << e.what();
          throw;
        }
      },
      std::runtime_error);
}

TEST(ProcessStart, WaitOrKillReapsAProgramThatEnds) {
  SpawnSpec spec;
  spec.argv = {"sh", "-c", "exit 4"};
  int status = 0;
  EXPECT_TRUE(wait_or_kill(spawn_process(spec), std::chrono::seconds(30), status));
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 4);
}

// What BackgroundApiconform does to a server that ignores SIGTERM: it does not wait forever.
TEST(ProcessStart, WaitOrKillKillsAProgramStillRunningAfterTheBound) {
  TempDir dir;
  SpawnSpec spec;
  spec.argv = {"sh", "-c", "trap '' TERM; echo ready; while :; do sleep 1; done"};
  spec.stdout_path = dir.file("out");
  const int pid = spawn_process(spec);
  for (int i = 0; i < 500 && read_file(dir.file("out")).empty(); ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  kill(pid, SIGTERM);
  int status = 0;
  EXPECT_FALSE(wait_or_kill(pid, std::chrono::milliseconds(300), status));
  ASSERT_TRUE(WIFSIGNALED(status));
  EXPECT_EQ(WTERMSIG(status), SIGKILL);
}

}  // namespace
}  // namespace ac::test
