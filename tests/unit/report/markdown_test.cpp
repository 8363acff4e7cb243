#include <gtest/gtest.h>

#include "report/report.hpp"
#include "unit/report/report_fixture.hpp"
#include "unit/results/make_result.hpp"

namespace ac {
namespace {

TEST(Markdown, HasTheMatrixScoresAndFailures) {
  const std::string md = render_markdown(testing::report_fixture());
  EXPECT_NE(md.find("| Feature | reference | hostile-gw | anthropic |"), std::string::npos) << md;
  EXPECT_NE(md.find("| **Score** | **66.7%** | **50.0%** | **-** |"), std::string::npos) << md;
  EXPECT_NE(md.find("fail\\* 0/1"), std::string::npos) << "markdown escapes the cosmetic star";
  EXPECT_NE(md.find("not run: set ANTHROPIC\\_API\\_KEY"), std::string::npos);
  EXPECT_NE(md.find("#### hostile-gw (3)"), std::string::npos);
  EXPECT_NE(md.find("… and 1 more findings"), std::string::npos) << "four findings, three shown";
}

TEST(Markdown, NeutralisesProviderMarkupAndTablePipes) {
  const std::string md = render_markdown(testing::report_fixture());
  EXPECT_EQ(md.find("<script"), std::string::npos);
  EXPECT_EQ(md.find("<img"), std::string::npos);
  EXPECT_NE(md.find("&lt;script&gt;"), std::string::npos);
  EXPECT_NE(md.find("id \\| missing"), std::string::npos);
}

TEST(Markdown, CapsLongFailureListsForAPullRequestComment) {
  std::vector<Result> results;
  for (int i = 0; i < 40; ++i) {
    Result r = testing::make_result("p", "f", "case" + std::to_string(i), Verdict::Fail);
    r.findings[0].actual = std::string(5000, 'x');
    results.push_back(r);
  }
  const std::string md = render_markdown(testing::make_file(results));
  EXPECT_NE(md.find("- … and 30 more (see the HTML report)"), std::string::npos) << md;
  EXPECT_LT(md.size(), 8000u);
}

}  // namespace
}  // namespace ac
