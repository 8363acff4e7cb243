#include "util/content_hash.hpp"

#include <gtest/gtest.h>

namespace ac {
namespace {

// FNV-1a 64's published test values: the suite's content hash in results.json must not change
// with a refactoring.
TEST(ContentHash, IsFnv1a64) {
  EXPECT_EQ(ContentHash().hex(), "cbf29ce484222325");
  ContentHash a;
  a.add("a");
  EXPECT_EQ(a.hex(), "af63dc4c8601ec8c");
  ContentHash foobar;
  foobar.add("foo");
  foobar.add("bar");
  EXPECT_EQ(foobar.hex(), "85944171f73967e8");
}

TEST(ContentHash, AFileIsFramedByItsNameAndLength) {
  ContentHash one, two;
  one.add_file("a", "xy");
  one.add_file("b", "");
  two.add_file("a", "x");
  two.add_file("b", "y");
  EXPECT_NE(one.hex(), two.hex());
  ContentHash same;
  same.add(std::string("a\0" "2\0xy", 6));
  same.add(std::string("b\0" "0\0", 4));
  EXPECT_EQ(same.hex(), one.hex());
}

}  // namespace
}  // namespace ac
