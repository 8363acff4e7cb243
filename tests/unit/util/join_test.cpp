#include "util/join.hpp"

#include <gtest/gtest.h>

#include <map>

namespace ac {
namespace {

TEST(Join, PutsTheSeparatorBetweenItemsOnly) {
  EXPECT_EQ(join({"a", "b", "c"}, ", "), "a, b, c");
  EXPECT_EQ(join({"only"}, ", "), "only");
  EXPECT_EQ(join({}, ", "), "");
  EXPECT_EQ(join({"", "b"}, ";"), ";b") << "an empty item still takes its place";
}

TEST(Join, FirstItemsOnlyLeavesTheRestToTheCaller) {
  const std::vector<std::string> ids = {"m1", "m2", "m3", "m4"};
  EXPECT_EQ(join_first(ids, 2, ", "), "m1, m2");
  EXPECT_EQ(join_first(ids, 9, ", "), "m1, m2, m3, m4");
  EXPECT_EQ(join_first(ids, 0, ", "), "");
}

TEST(Join, TurnsEachItemIntoTextOfAnyRange) {
  const std::map<std::string, int> vars = {{"a", 1}, {"b", 2}};
  EXPECT_EQ(join(vars, " | ", [](const auto& kv) { return kv.first + "=" + std::to_string(kv.second); }), "a=1 | b=2");
  const int numbers[] = {1, 2, 3};
  EXPECT_EQ(join(
                numbers, "+", [](int n) { return std::to_string(n); }, 2),
            "1+2");
}

TEST(AppendJoined, SeparatesOnlyWhenTheListHasSomething) {
  std::string notes;
  append_joined(notes, "; ", "2 retried");
  EXPECT_EQ(notes, "2 retried");
  append_joined(notes, "; ", "1 flaky");
  EXPECT_EQ(notes, "2 retried; 1 flaky");
  std::string started = "not run: budget";
  append_joined(started, "; ", "1 flaky");
  EXPECT_EQ(started, "not run: budget; 1 flaky");
}

}  // namespace
}  // namespace ac
