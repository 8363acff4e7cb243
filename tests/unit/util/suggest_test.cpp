// "did you mean" hints: close typos are suggested, far ones list the choices.
#include "util/suggest.hpp"

#include <gtest/gtest.h>

namespace ac {
namespace {

TEST(EditDistance, CountsEditsAndSwaps) {
  EXPECT_EQ(edit_distance("expect", "expect"), 0u);
  EXPECT_EQ(edit_distance("expcet", "expect"), 1u);  // one swap
  EXPECT_EQ(edit_distance("expec", "expect"), 1u);
  EXPECT_EQ(edit_distance("exxpect", "expect"), 1u);
  EXPECT_EQ(edit_distance("abc", "xyz"), 3u);
  EXPECT_EQ(edit_distance("", "abc"), 3u);
}

TEST(DidYouMean, SuggestsTheClosestChoice) {
  const std::vector<std::string> keys = {"id", "title", "feature", "tags", "request", "expect"};
  EXPECT_EQ(did_you_mean("expcet", keys), "did you mean `expect`?");
  EXPECT_EQ(did_you_mean("requets", keys), "did you mean `request`?");
  EXPECT_EQ(did_you_mean("Feature", keys), "did you mean `feature`?");  // case does not count
  EXPECT_EQ(did_you_mean("tag", keys), "did you mean `tags`?");
}

TEST(DidYouMean, PrefixesAreClose) {
  EXPECT_EQ(did_you_mean("total", {"connect_s", "total_s"}), "did you mean `total_s`?");
  EXPECT_EQ(did_you_mean("first_byte", {"first_byte_ms", "total_ms"}), "did you mean `first_byte_ms`?");
}

TEST(DidYouMean, FarWordsListTheChoices) {
  EXPECT_EQ(did_you_mean("zzz", {"a", "b"}), "expected one of: `a`, `b`");
  EXPECT_EQ(did_you_mean(std::string(500, 'x'), {"x"}), "expected one of: `x`");
  EXPECT_EQ(did_you_mean("ab", {"xy"}), "expected one of: `xy`");  // short words need a near match
}

}  // namespace
}  // namespace ac
