#include "util/trim.hpp"

#include <gtest/gtest.h>

namespace ac {
namespace {

TEST(Trim, BlanksByDefaultOrTheCharactersGiven) {
  EXPECT_EQ(trim(" \tgzip, br \t"), "gzip, br");
  EXPECT_EQ(trim("a b"), "a b") << "blanks inside stay";
  EXPECT_EQ(trim(" \t "), "");
  EXPECT_EQ(trim(""), "");
  EXPECT_EQ(trim("\r\nhtml\r\n"), "\r\nhtml\r\n") << "line breaks are not blanks";
  EXPECT_EQ(trim("\r\nhtml \r\n", " \t\r\n"), "html");
  EXPECT_EQ(trim("\t name ", " "), "\t name");
}

}  // namespace
}  // namespace ac
