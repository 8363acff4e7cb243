// --shard K/N: a deterministic split of the suite by case id.
#include <gtest/gtest.h>

#include <set>

#include "plan/job.hpp"

namespace ac {
namespace {

TEST(Shard, EveryIdFallsInExactlyOneShardTheSameEveryTime) {
  std::vector<std::string> ids;
  for (int i = 0; i < 500; ++i) ids.push_back("case." + std::to_string(i));
  for (int n : {2, 3, 7}) {
    std::vector<int> sizes(n, 0);
    for (const auto& id : ids) {
      int k = shard_of(id, n);
      ASSERT_GE(k, 0);
      ASSERT_LT(k, n);
      EXPECT_EQ(shard_of(id, n), k);
      ++sizes[k];
    }
    for (int size : sizes) EXPECT_GT(size, 500 / n / 2) << "a shard of " << n << " is far below its share";
  }
  EXPECT_EQ(shard_of("anything", 1), 0);
}

TEST(Shard, TheSplitDependsOnTheIdAloneNotOnMachineOrOrder) {
  // FNV-1a 64 of the id: fixed values, so runners on any platform agree.
  EXPECT_EQ(shard_of("messages.basic-text", 4), shard_of(std::string("messages.") + "basic-text", 4));
  EXPECT_EQ(shard_of("", 5), static_cast<int>(14695981039346656037ull % 5));
  EXPECT_EQ(shard_of("a", 1000), static_cast<int>(((14695981039346656037ull ^ 'a') * 1099511628211ull) % 1000));
}

TEST(Shard, ParseTakesKOfNAndRefusesTheRest) {
  int k = -1, n = -1;
  std::string error;
  ASSERT_TRUE(parse_shard("2/4", k, n, error)) << error;
  EXPECT_EQ(k, 1);
  EXPECT_EQ(n, 4);
  for (const char* bad : {"0/4", "5/4", "2", "/4", "2/", "a/b", "-1/4", "2/4/6", "1/0"}) {
    EXPECT_FALSE(parse_shard(bad, k, n, error)) << bad;
    EXPECT_NE(error.find("K/N"), std::string::npos) << error;
  }
}

}  // namespace
}  // namespace ac
