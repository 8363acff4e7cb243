// Preloaded into apiconform by startup_bench (LD_PRELOAD): on the process's first send() of any
// socket it writes the CLOCK_MONOTONIC time in nanoseconds, the CPU time the process has used
// (user + system, all threads) in microseconds and the CLOCK_MONOTONIC time main() was entered to
// $FIRST_SEND_FILE and ends the process, so the bench measures process
// start to the first request on the wire without a line of instrumentation in the harness. (libcurl sends with send();
// the embedded simulator receives before it sends, so the first send is the harness's first request.)
#include <dlfcn.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/types.h>
#include <time.h>
#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <cstdlib>

namespace {

std::atomic<bool> seen{false};
long long main_ns = 0;  // when main() was called: every shared library loaded, relocated, initialised

long long now_ns() {
  timespec now{};
  clock_gettime(CLOCK_MONOTONIC, &now);
  return static_cast<long long>(now.tv_sec) * 1000000000LL + now.tv_nsec;
}

void record_first_send() {
  if (seen.exchange(true)) return;
  const long long sent_ns = now_ns();
  rusage used{};
  getrusage(RUSAGE_SELF, &used);
  const long long cpu_us =
      (used.ru_utime.tv_sec + used.ru_stime.tv_sec) * 1000000LL + used.ru_utime.tv_usec + used.ru_stime.tv_usec;
  if (const char* path = std::getenv("FIRST_SEND_FILE")) {
    if (FILE* f = std::fopen(path, "w")) {
      std::fprintf(f, "%lld %lld %lld\n", sent_ns, cpu_us, main_ns);
      std::fclose(f);
    }
  }
  _exit(0);  // the figure is taken; the rest of the run is not what is measured
}

}  // namespace

// glibc calls main through __libc_start_main once the dynamic loader is done: the moment it is
// called ends the part of start-up no line of the program can change (loading its libraries).
using Main = int (*)(int, char**, char**);
namespace {
Main real_main = nullptr;
int timed_main(int argc, char** argv, char** envp) {
  main_ns = now_ns();
  return real_main(argc, argv, envp);
}
}  // namespace

extern "C" int __libc_start_main(Main main, int argc, char** argv, void (*init)(), void (*fini)(), void (*rtld_fini)(),
                                 void* stack_end) {
  using Start = int (*)(Main, int, char**, void (*)(), void (*)(), void (*)(), void*);
  static Start real = reinterpret_cast<Start>(dlsym(RTLD_NEXT, "__libc_start_main"));
  real_main = main;
  return real(timed_main, argc, argv, init, fini, rtld_fini, stack_end);
}

extern "C" ssize_t send(int fd, const void* buf, size_t len, int flags) {
  using Send = ssize_t (*)(int, const void*, size_t, int);
  static Send real = reinterpret_cast<Send>(dlsym(RTLD_NEXT, "send"));
  record_first_send();
  return real(fd, buf, len, flags);
}

extern "C" ssize_t sendmsg(int fd, const struct msghdr* msg, int flags) {
  using SendMsg = ssize_t (*)(int, const struct msghdr*, int);
  static SendMsg real = reinterpret_cast<SendMsg>(dlsym(RTLD_NEXT, "sendmsg"));
  record_first_send();
  return real(fd, msg, flags);
}
