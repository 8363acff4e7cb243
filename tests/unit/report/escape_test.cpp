#include <gtest/gtest.h>

#include "report/escape.hpp"

namespace ac {
namespace {

TEST(HtmlEscape, EscapesMarkupAndQuotes) {
  EXPECT_EQ(html_escape("<a href=\"x\" onclick='y'>&</a>"),
            "&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&lt;/a&gt;");
}

TEST(HtmlEscape, KeepsLineBreaksAndShowsOtherControls) {
  EXPECT_EQ(html_escape("a\nb\tc"), "a\nb\tc");
  EXPECT_EQ(html_escape(std::string("x\0y", 3)), "x\xE2\x90\x80y");  // U+2400
  EXPECT_EQ(html_escape("\x1b[31m"), "\xE2\x90\x9B[31m");            // U+241B
  EXPECT_EQ(html_escape("bad\xFF"), "bad\xEF\xBF\xBD");
}

TEST(XmlEscape, IsSafeInAttributesAndDropsForbiddenCharacters) {
  EXPECT_EQ(xml_escape("a\"b'c<d>&\n"), "a&quot;b&apos;c&lt;d&gt;&amp;&#10;");
  EXPECT_EQ(xml_escape("\x01"), "\xE2\x90\x81");
  EXPECT_EQ(xml_escape("\xEF\xBF\xBF"), "\xEF\xBF\xBD");  // U+FFFF is not an XML character
  EXPECT_EQ(xml_escape_text("line1\nline2\t<"), "line1\nline2\t&lt;");
}

TEST(MarkdownEscape, NeutralisesSyntaxOnOneLine) {
  EXPECT_EQ(markdown_escape("a|b *c* _d_ `e` [f](g) <h>\nnext"),
            "a\\|b \\*c\\* \\_d\\_ \\`e\\` \\[f\\](g) &lt;h&gt; next");
}

TEST(MarkdownEscape, NoMentionNoAutolinkNoControlCharacter) {
  // A zero-width space (as an entity) keeps GitHub from pinging or linking when posted as a comment.
  EXPECT_EQ(markdown_escape("@everyone see https://evil.example and www.evil.example"),
            "@&#8203;everyone see https:&#8203;//evil.example and www.&#8203;evil.example");
  EXPECT_EQ(markdown_escape("title\x1b]0;x\x07"), "title\xE2\x90\x9B\\]0;x\xE2\x90\x87");
}

TEST(Excerpt, CutsOnACharacterBoundaryAndSaysSo) {
  EXPECT_EQ(excerpt("short", 10), "short");
  EXPECT_EQ(excerpt("ab\xE2\x82\xAC" "cd", 4), "ab\xE2\x80\xA6");
}

TEST(Fixed, FormatsIndependentlyOfTheValue) {
  EXPECT_EQ(fixed(12.345, 1), "12.3");
  EXPECT_EQ(fixed(0.0 / 0.0, 1), "0.0");
}

}  // namespace
}  // namespace ac
