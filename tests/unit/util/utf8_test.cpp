#include <gtest/gtest.h>

#include "util/utf8.hpp"

namespace ac {
namespace {

const std::string kReplacement = "\xEF\xBF\xBD";

TEST(Utf8, KeepsValidTextUnchanged) {
  const std::string text = "plain, caf\xC3\xA9, \xE2\x82\xAC, \xF0\x9F\x98\x80 and a\x01 control";
  EXPECT_EQ(valid_utf8(text), text);
}

TEST(Utf8, ReplacesEachInvalidByte) {
  EXPECT_EQ(valid_utf8("a\xFF" "b"), "a" + kReplacement + "b");
  EXPECT_EQ(valid_utf8("\x80"), kReplacement);                      // stray continuation
  EXPECT_EQ(valid_utf8("\xC0\xAF"), kReplacement + kReplacement);    // overlong '/'
  EXPECT_EQ(valid_utf8("\xED\xA0\x80"), kReplacement + kReplacement + kReplacement);  // surrogate
  EXPECT_EQ(valid_utf8("\xF4\x90\x80\x80").substr(0, 3), kReplacement);  // above U+10FFFF
  EXPECT_EQ(valid_utf8("ok\xE2\x82"), "ok" + kReplacement + kReplacement);  // cut sequence
}

TEST(Utf8, ValidityCheckAgreesWithTheCleaner) {
  // Long ASCII runs take the eight-bytes-at-a-time path; a bad byte at any offset must be seen.
  const std::string ascii(37, 'x');
  EXPECT_TRUE(is_valid_utf8(ascii));
  EXPECT_TRUE(is_valid_utf8(""));
  EXPECT_TRUE(is_valid_utf8(ascii + "caf\xC3\xA9 \xF0\x9F\x98\x80" + ascii));
  for (std::size_t at = 0; at <= ascii.size(); ++at) {
    std::string bad = ascii;
    bad.insert(at, "\xFF");
    EXPECT_FALSE(is_valid_utf8(bad)) << "bad byte at " << at;
    EXPECT_EQ(valid_utf8(bad), ascii.substr(0, at) + kReplacement + ascii.substr(at));
  }
  EXPECT_FALSE(is_valid_utf8(ascii + "\xE2\x82"));  // cut at the end, after a fast run
}

TEST(Utf8, PrefixNeverCutsASequence) {
  const std::string text = "ab\xE2\x82\xAC" "cd";  // "ab€cd"
  EXPECT_EQ(utf8_prefix_length(text, 3), 2u);
  EXPECT_EQ(utf8_prefix_length(text, 4), 2u);
  EXPECT_EQ(utf8_prefix_length(text, 5), 5u);
  EXPECT_EQ(utf8_prefix_length(text, 100), text.size());
}

}  // namespace
}  // namespace ac

namespace ac {
namespace {

TEST(CutUtf8, CutsOnACharacterBoundaryAndMarksTheCut) {
  EXPECT_EQ(cut_utf8("short", 10, "…"), "short");
  EXPECT_EQ(cut_utf8("ab\xE2\x82\xAC" "cd", 4, "..."), "ab...");  // never inside the euro sign
  EXPECT_EQ(cut_utf8("ab\xE2\x82\xAC" "cd", 5), "ab\xE2\x82\xAC");
  EXPECT_EQ(cut_utf8("\xF0\x9F\x98\x80", 3, "…"), "…");
}

}  // namespace
}  // namespace ac
