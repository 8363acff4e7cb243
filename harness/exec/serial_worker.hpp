#pragma once
#include <condition_variable>
#include <deque>
#include <exception>
#include <functional>
#include <mutex>
#include <thread>

namespace ac {

// One background thread that runs posted tasks in the order they were posted. The executor
// judges replies and writes results here, so the transport's thread only moves bytes: on two
// cores, judging one reply overlaps with sending the next.
class SerialWorker {
 public:
  SerialWorker();
  ~SerialWorker();  // runs what is still queued, then joins
  SerialWorker(const SerialWorker&) = delete;
  SerialWorker& operator=(const SerialWorker&) = delete;

  void post(std::function<void()> task);

  // Blocks until every task posted so far has run; rethrows the first exception a task threw
  // (tasks posted after it are dropped: the run is failing anyway).
  void drain();

 private:
  void loop();

  std::mutex mutex_;
  std::condition_variable wake_, idle_;
  std::deque<std::function<void()>> tasks_;
  bool busy_ = false;
  bool stopping_ = false;
  std::exception_ptr error_;
  std::thread thread_;  // last: starts after the members it uses exist
};

}  // namespace ac
