#include "redact/terminal_text.hpp"

#include <gtest/gtest.h>

namespace ac {
namespace {

TEST(TerminalText, ControlCharactersBecomeVisibleEscapes) {
  EXPECT_EQ(visible_controls("title\x1b]0;pwned\x07 clear\x1b[2J"), "title\\x1b]0;pwned\\x07 clear\\x1b[2J");
  EXPECT_EQ(visible_controls("over\rwrite\x7f"), "over\\x0dwrite\\x7f");
  EXPECT_EQ(visible_controls("lines\nand\ttabs stay"), "lines\nand\ttabs stay");
}

TEST(TerminalText, C1ControlsBidiOverridesAndBadBytesAreShown) {
  EXPECT_EQ(visible_controls("csi \xC2\x9B" "2J"), "csi \\u009b2J");
  EXPECT_EQ(visible_controls("abc\xE2\x80\xAE" "fed"), "abc\\u202efed");
  EXPECT_EQ(visible_controls("raw \x9b byte"), "raw \\x9b byte");
  EXPECT_EQ(visible_controls("caf\xC3\xA9 \xE2\x9C\x93"), "caf\xC3\xA9 \xE2\x9C\x93");
}

TEST(TerminalText, OnATerminalOnlyOurOwnSequencesPass) {
  const std::string ours = "\x1b[31mFAIL\x1b[0m \r\x1b[K[1/2]";
  EXPECT_EQ(neutralise_console(ours, true), ours);
  EXPECT_EQ(neutralise_console(ours, false), "\\x1b[31mFAIL\\x1b[0m \\x0d\\x1b[K[1/2]");
  EXPECT_EQ(neutralise_console("\x1b]0;title\x07\x1b[2J\r", true), "\\x1b]0;title\\x07\\x1b[2J\\x0d");
}

}  // namespace
}  // namespace ac
