#include "net/stop_signal.hpp"

#include <fcntl.h>
#include <unistd.h>

namespace ac {

StopSignal::StopSignal() {
  if (pipe2(fds_, O_NONBLOCK | O_CLOEXEC) != 0) fds_[0] = fds_[1] = -1;
}

StopSignal::~StopSignal() {
  for (int fd : fds_)
    if (fd >= 0) close(fd);
}

void StopSignal::request() noexcept {
  requested_.store(true, std::memory_order_relaxed);
  if (fds_[1] >= 0) {
    const char byte = 1;
    [[maybe_unused]] ssize_t written = write(fds_[1], &byte, 1);  // a full pipe already wakes the loop
  }
}

}  // namespace ac
