#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <regex>

#include "report/report.hpp"
#include "unit/report/report_fixture.hpp"

namespace ac {
namespace {

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

// Escaped attribute values cannot hold a raw '"', so dropping every ="..." leaves only the
// markup the page itself wrote: what remains inside tags is what a browser would parse.
std::string without_attribute_values(const std::string& html) {
  static const std::regex value(R"(="[^"]*")");
  return std::regex_replace(html, value, "=\"\"");
}

class HtmlSafety : public ::testing::Test {
 protected:
  const std::string html = render_html(testing::report_fixture());
  const std::string html_lower = lower(html);
  const std::string markup = without_attribute_values(html);
};

TEST_F(HtmlSafety, NoScriptElementAtAll) {
  EXPECT_EQ(html_lower.find("<script"), std::string::npos);
}

TEST_F(HtmlSafety, HostileTextIsShownEscapedNotDropped) {
  EXPECT_NE(html.find("&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos);
  EXPECT_NE(html.find("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"), std::string::npos);
  EXPECT_EQ(html.find("<img"), std::string::npos);
  EXPECT_EQ(html.find("<script>alert"), std::string::npos);
}

TEST_F(HtmlSafety, NoEventHandlerAttributeInAnyTag) {
  // Inside a tag (between '<' and '>'), no on...= attribute may appear.
  static const std::regex handler(R"(<[a-zA-Z][^<>]*\son[a-z]+\s*=)");
  std::smatch m;
  EXPECT_FALSE(std::regex_search(markup, m, handler)) << m.str();
}

TEST_F(HtmlSafety, EveryOnerrorOccurrenceIsInsideEscapedText) {
  int seen = 0;
  for (std::size_t at = markup.find("onerror="); at != std::string::npos; at = markup.find("onerror=", at + 1)) {
    ++seen;
    const std::size_t open = markup.rfind('<', at);
    const std::size_t close = markup.rfind('>', at);
    ASSERT_TRUE(open == std::string::npos || (close != std::string::npos && close > open))
        << "onerror= inside a tag near: " << markup.substr(open, 80);
  }
  EXPECT_GT(seen, 0) << "the fixture's onerror text should be shown (escaped) in element content";
}

TEST_F(HtmlSafety, IsSelfContainedWithAStrictPolicy) {
  EXPECT_NE(html.find("Content-Security-Policy\" content=\"default-src 'none'"), std::string::npos);
  static const std::regex external(R"((src|href)\s*=\s*"(?!#))");
  EXPECT_FALSE(std::regex_search(html, external)) << "every link stays inside the page";
  EXPECT_EQ(html_lower.find("<link"), std::string::npos);
  EXPECT_EQ(html_lower.find("@import"), std::string::npos);
}

TEST_F(HtmlSafety, ControlCharactersAndBadBytesAreMadeVisible) {
  EXPECT_EQ(html.find('\x01'), std::string::npos);
  EXPECT_NE(html.find("\xE2\x90\x81"), std::string::npos) << "U+2401 stands for the 0x01 byte";
  EXPECT_NE(html.find("\xEF\xBF\xBD"), std::string::npos) << "U+FFFD stands for the 0xFF byte";
}

TEST(HtmlContent, HasMatrixLegendScoresDrillDownTimelineAndChart) {
  const std::string html = render_html(testing::report_fixture());
  EXPECT_NE(html.find("<table class=\"matrix\">"), std::string::npos);
  EXPECT_NE(html.find("class=\"legend\""), std::string::npos);
  EXPECT_NE(html.find("<td class=\"s-partial\"><a href=\"#cell-"), std::string::npos);
  EXPECT_NE(html.find("<td class=\"s-cosmetic\">"), std::string::npos) << "the cosmetic stream failure";
  EXPECT_NE(html.find("<td class=\"s-notrun\" title=\"set ANTHROPIC_API_KEY\">"), std::string::npos);
  EXPECT_NE(html.find("Stream timeline"), std::string::npos);
  EXPECT_NE(html.find("<td>20.2</td>"), std::string::npos) << "event arrival times are shown";
  EXPECT_NE(html.find("4 of 9 events shown"), std::string::npos);
  EXPECT_NE(html.find("<svg class=\"latency\""), std::string::npos);
  EXPECT_NE(html.find("curl -sS -X POST"), std::string::npos);
  EXPECT_NE(html.find("retried: 3 attempts"), std::string::npos);
  EXPECT_NE(html.find("fixed: a known deviation that now passes"), std::string::npos);
  EXPECT_NE(html.find("[REDACTED]"), std::string::npos);
  EXPECT_NE(html.find("excerpt: "), std::string::npos) << "a truncated body says so";
  // Every cell with cases has a drill-down target.
  for (const char* id : {"cell-0-0", "cell-0-1", "cell-1-0", "cell-4-1"}) {
    EXPECT_NE(html.find(std::string("id=\"") + id + "\""), std::string::npos) << id;
  }
}

TEST(HtmlContent, AnEmptyRunStillRenders) {
  const std::string html = render_html(ResultsFile{});
  EXPECT_NE(html.find("No results."), std::string::npos);
  EXPECT_NE(html.find("</html>"), std::string::npos);
}

}  // namespace
}  // namespace ac

namespace ac {
namespace {

// Upstream mode adds text from two more hostile parties: what the gateway forwarded and what an
// upstream answered (and requests no case claimed). All of it is shown escaped.
TEST(HtmlSafetyUpstream, ForwardedBodiesRepliesAndUnmatchedRequestsAreEscaped) {
  const std::string html = render_html(testing::upstream_fixture());
  EXPECT_EQ(lower(html).find("<script"), std::string::npos);
  EXPECT_EQ(html.find("<img"), std::string::npos);
  EXPECT_NE(html.find("Rate limit reached &lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos);
  EXPECT_NE(html.find("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"), std::string::npos);
}

}  // namespace
}  // namespace ac
