#pragma once
#include "net/stop_signal.hpp"

namespace ac {

// While it lives, the first SIGINT or SIGTERM asks `stop` to stop the run: nothing more is sent,
// replies in flight get a short grace, then results.json and the reports are written and the run
// exits 130. A second one exits at once (130), for a user who will not wait. The previous
// handlers come back when it goes. One at a time per process.
class InterruptGuard {
 public:
  explicit InterruptGuard(StopSignal& stop);
  ~InterruptGuard();
  InterruptGuard(const InterruptGuard&) = delete;
  InterruptGuard& operator=(const InterruptGuard&) = delete;
};

constexpr int kExitInterrupted = 130;  // 128 + SIGINT, what shells report for a Ctrl-C

}  // namespace ac
