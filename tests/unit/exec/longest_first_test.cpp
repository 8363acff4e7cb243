// The longest expected cases start first, so no long one starts last and decides the run's end.
#include <gtest/gtest.h>

#include "exec/longest_first.hpp"

namespace ac {
namespace {

struct Fixture {
  std::vector<Case> cases;
  std::vector<Job> jobs;
  Fixture() {
    cases.resize(5);
    cases[0].id = "plain";
    cases[1].id = "stream";
    cases[2].id = "three-steps";
    cases[3].id = "plain-2";
    cases[4].id = "big-body";
    cases[2].later_steps.resize(2);
    cases[2].later_steps[1].expect.stream = StreamExpectation{};
    cases[4].request.body_padding = 33554500;
    jobs.resize(cases.size());
    for (std::size_t i = 0; i < cases.size(); ++i) jobs[i].test = &cases[i];
    jobs[1].expect.stream = StreamExpectation{};
  }
  std::vector<std::string> ordered() {
    std::vector<const Job*> order;
    for (const auto& j : jobs) order.push_back(&j);
    longest_first(order);
    std::vector<std::string> ids;
    for (const Job* j : order) ids.push_back(j->test->id);
    return ids;
  }
};

TEST(LongestFirst, StepsAndStreamsCountAsLongerWork) {
  Fixture f;
  EXPECT_EQ(expected_cost(f.jobs[0]), 1);
  EXPECT_EQ(expected_cost(f.jobs[1]), 2);
  EXPECT_EQ(expected_cost(f.jobs[2]), 4);  // three steps, the last one streamed
  EXPECT_EQ(expected_cost(f.jobs[4]), 2);
}

TEST(LongestFirst, LongestStartFirstAndEqualsKeepThePlanOrder) {
  Fixture f;
  EXPECT_EQ(f.ordered(), (std::vector<std::string>{"three-steps", "stream", "big-body", "plain", "plain-2"}));
}

}  // namespace
}  // namespace ac
