#pragma once
#include <atomic>

namespace ac {

// A request to stop a run, made from a signal handler (SIGINT, SIGTERM) or another thread: a flag
// and a self-pipe the transport polls beside its sockets, so its loop wakes at once instead of at
// its next timer. What stopping means is the transport's and the executor's (docs/transport.md).
class StopSignal {
 public:
  StopSignal();  // the pipe; without one (out of descriptors) the loop still sees the flag within 1 s
  ~StopSignal();
  StopSignal(const StopSignal&) = delete;
  StopSignal& operator=(const StopSignal&) = delete;

  // Async-signal-safe: an atomic store and one write(2).
  void request() noexcept;
  bool requested() const noexcept { return requested_.load(std::memory_order_relaxed); }
  // The pipe's read end, readable once a stop was requested; -1 without a pipe.
  int wake_fd() const noexcept { return fds_[0]; }

 private:
  static_assert(std::atomic<bool>::is_always_lock_free, "a signal handler may only touch lock-free atomics");
  std::atomic<bool> requested_{false};
  int fds_[2] = {-1, -1};
};

}  // namespace ac
