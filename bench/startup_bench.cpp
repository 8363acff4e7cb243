// Start-up of a full run: the time from starting `apiconform run` (the shipped suite against the
// embedded reference simulator) to its first request on the wire, as the preloaded first_send
// module records it (bench/first_send.cpp), and the CPU time the process used until then (which a
// loaded machine does not inflate as it does the wall time). Prints each run's figures and the
// medians.
// Usage: startup_bench APICONFORM FIRST_SEND_MODULE [RUNS=21] [-- extra run arguments]
#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

extern char** environ;

namespace {

long long now_ns() {
  timespec t{};
  clock_gettime(CLOCK_MONOTONIC, &t);
  return static_cast<long long>(t.tv_sec) * 1000000000LL + t.tv_nsec;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: %s APICONFORM FIRST_SEND_MODULE [RUNS=21] [-- run arguments]\n", argv[0]);
    return 2;
  }
  const std::string bin = argv[1];
  const int runs = argc > 3 && std::string(argv[3]) != "--" ? std::atoi(argv[3]) : 21;
  char dir_template[] = "/tmp/startup_bench.XXXXXX";
  const std::string dir = mkdtemp(dir_template);
  const std::string stamp = dir + "/first_send";
  std::vector<std::string> args = {bin, "run", "--out", dir + "/out", "--no-progress"};
  for (int i = 3; i < argc; ++i)
    if (std::string(argv[i]) == "--")
      for (int j = i + 1; j < argc; ++j) args.push_back(argv[j]);
  std::vector<std::string> env_text = {"LD_PRELOAD=" + std::string(argv[2]), "FIRST_SEND_FILE=" + stamp};
  for (char** e = environ; *e; ++e) env_text.push_back(*e);
  std::vector<char*> arg_ptrs, env_ptrs;
  for (auto& a : args) arg_ptrs.push_back(a.data());
  arg_ptrs.push_back(nullptr);
  for (auto& e : env_text) env_ptrs.push_back(e.data());
  env_ptrs.push_back(nullptr);

  std::vector<double> ms, cpu_ms, main_ms;
  posix_spawn_file_actions_t quiet;
  posix_spawn_file_actions_init(&quiet);
  posix_spawn_file_actions_addopen(&quiet, 1, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&quiet, 2, "/dev/null", O_WRONLY, 0);
  for (int i = 0; i < runs; ++i) {
    std::remove(stamp.c_str());
    pid_t pid = 0;
    const long long start = now_ns();
    if (posix_spawn(&pid, bin.c_str(), &quiet, nullptr, arg_ptrs.data(), env_ptrs.data()) != 0) {
      std::perror("posix_spawn");
      return 1;
    }
    int status = 0;
    waitpid(pid, &status, 0);
    std::ifstream in(stamp);
    long long sent = 0, cpu_us = 0, main_at = 0;
    if (!(in >> sent >> cpu_us >> main_at)) {
      std::fprintf(stderr, "run %d sent nothing (exit status %d)\n", i + 1, status);
      return 1;
    }
    ms.push_back((sent - start) / 1e6);
    cpu_ms.push_back(cpu_us / 1e3);
    main_ms.push_back((main_at - start) / 1e6);
    std::printf("%.1f ms wall (main() at %.1f ms), %.1f ms CPU\n", ms.back(), main_ms.back(), cpu_ms.back());
  }
  std::sort(ms.begin(), ms.end());
  std::sort(cpu_ms.begin(), cpu_ms.end());
  std::sort(main_ms.begin(), main_ms.end());
  std::printf(
      "process start to the first request sent, over %d runs: wall median %.1f ms (min %.1f, max %.1f); "
      "CPU median %.1f ms (min %.1f, max %.1f); main() entered at median %.1f ms (min %.1f, max %.1f)\n",
      runs, ms[ms.size() / 2], ms.front(), ms.back(), cpu_ms[cpu_ms.size() / 2], cpu_ms.front(), cpu_ms.back(),
      main_ms[main_ms.size() / 2], main_ms.front(), main_ms.back());
  return 0;
}
