// Preloaded into apiconform by startup_bench (LD_PRELOAD): on the process's first send() of any
// socket it writes the CLOCK_MONOTONIC time in nanoseconds and the CPU time the process has used
// (user + system, all threads) in microseconds to $FIRST_SEND_FILE and ends the process, so the bench measures process
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

void record_first_send() {
  if (seen.exchange(true)) return;
  timespec now{};
  clock_gettime(CLOCK_MONOTONIC, &now);
  rusage used{};
  getrusage(RUSAGE_SELF, &used);
  const long long cpu_us =
      (used.ru_utime.tv_sec + used.ru_stime.tv_sec) * 1000000LL + used.ru_utime.tv_usec + used.ru_stime.tv_usec;
  if (const char* path = std::getenv("FIRST_SEND_FILE")) {
    if (FILE* f = std::fopen(path, "w")) {
      std::fprintf(f, "%lld %lld\n", static_cast<long long>(now.tv_sec) * 1000000000LL + now.tv_nsec, cpu_us);
      std::fclose(f);
    }
  }
  _exit(0);  // the figure is taken; the rest of the run is not what is measured
}

}  // namespace

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
