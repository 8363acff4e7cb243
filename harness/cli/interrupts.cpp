#include "cli/interrupts.hpp"

#include <signal.h>
#include <unistd.h>

#include <atomic>

namespace ac {

namespace {

// A signal handler reaches the run only through globals: these two, set while a guard lives.
std::atomic<StopSignal*> g_stop{nullptr};
std::atomic<int> g_signals{0};
struct sigaction g_previous_int, g_previous_term;

void on_signal(int) {
  if (g_signals.fetch_add(1) > 0) _exit(kExitInterrupted);  // the second: no cleanup, at once
  if (StopSignal* stop = g_stop.load()) stop->request();
}

}  // namespace

InterruptGuard::InterruptGuard(StopSignal& stop) {
  g_signals = 0;
  g_stop = &stop;
  struct sigaction action {};
  action.sa_handler = on_signal;
  sigemptyset(&action.sa_mask);
  action.sa_flags = SA_RESTART;  // a write interrupted by the first signal goes on
  sigaction(SIGINT, &action, &g_previous_int);
  sigaction(SIGTERM, &action, &g_previous_term);
}

InterruptGuard::~InterruptGuard() {
  sigaction(SIGINT, &g_previous_int, nullptr);
  sigaction(SIGTERM, &g_previous_term, nullptr);
  g_stop = nullptr;
}

}  // namespace ac
