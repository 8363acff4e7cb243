#include "exec/serial_worker.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <stdexcept>
#include <thread>
#include <vector>

namespace ac {
namespace {

TEST(SerialWorker, RunsTasksInPostOrderOffTheCallingThread) {
  SerialWorker worker;
  std::vector<int> order;
  std::thread::id ran_on;
  for (int i = 0; i < 100; ++i)
    worker.post([&, i] {
      order.push_back(i);
      ran_on = std::this_thread::get_id();
    });
  worker.drain();
  ASSERT_EQ(order.size(), 100u);
  for (int i = 0; i < 100; ++i) EXPECT_EQ(order[i], i);
  EXPECT_NE(ran_on, std::this_thread::get_id());
}

TEST(SerialWorker, DrainWaitsForTasksThatPostMore) {
  SerialWorker worker;
  std::atomic<int> ran{0};
  std::function<void(int)> chain = [&](int left) {
    ++ran;
    if (left > 0) worker.post([&, left] { chain(left - 1); });
  };
  worker.post([&] { chain(9); });
  worker.drain();  // a task posted by a task before drain returns is run too
  EXPECT_EQ(ran.load(), 10);
}

TEST(SerialWorker, AThrowingTaskSurfacesInDrainAndTheWorkerGoesOn) {
  SerialWorker worker;
  bool later_ran = false;
  worker.post([] { throw std::runtime_error("disk full"); });
  worker.post([&] { later_ran = true; });
  EXPECT_THROW(worker.drain(), std::runtime_error);
  EXPECT_FALSE(later_ran);  // dropped: the run is failing
  bool after = false;
  worker.post([&] { after = true; });
  worker.drain();
  EXPECT_TRUE(after);
}

TEST(SerialWorker, DestructorRunsWhatIsQueued) {
  std::atomic<int> ran{0};
  {
    SerialWorker worker;
    for (int i = 0; i < 50; ++i) worker.post([&] { ++ran; });
  }
  EXPECT_EQ(ran.load(), 50);
}

}  // namespace
}  // namespace ac
