#include <gtest/gtest.h>

#include "report/report.hpp"
#include "unit/report/report_fixture.hpp"
#include "unit/results/make_result.hpp"

namespace ac {
namespace {

TEST(Markdown, HasTheMatrixScoresAndFailures) {
  const std::string md = render_markdown(testing::report_fixture());
  EXPECT_NE(md.find("| Feature | reference | hostile-gw | anthropic |"), std::string::npos) << md;
  EXPECT_NE(md.find("| **Features an SDK client can use** | **2/4** | **2/4** | **-** |"), std::string::npos) << md;
  EXPECT_NE(md.find("| **Deviations** | 2 breaking | 4 breaking, 2 cosmetic | - |"), std::string::npos) << md;
  EXPECT_NE(md.find("fail\\* 0/1"), std::string::npos) << "markdown escapes the cosmetic star";
  EXPECT_NE(md.find("not run: set ANTHROPIC\\_API\\_KEY"), std::string::npos);
  // Each provider's section leads with its deviations, the set-up ones first.
  EXPECT_NE(md.find("#### hostile-gw: 2/4 features usable · 4 breaking, 2 cosmetic\n\n- **D1** breaking · setup.auth:bearer"),
            std::string::npos) << md;
  EXPECT_NE(md.find("| hostile-gw | 2/4 | 4 breaking, 2 cosmetic | /v1/messages · bearer |"), std::string::npos);
  EXPECT_NE(md.find("The official API: /v1/messages · x-api-key"), std::string::npos);
  EXPECT_NE(md.find("#### hostile-gw (1)\n\n- error **errors.missing-key**"), std::string::npos) << "errors stay per case";
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
  for (int i = 0; i < 20; ++i) {
    Result r = testing::make_result("p", "f", "other" + std::to_string(i), Verdict::Fail);
    r.findings[0].code = "json:/y" + std::to_string(i);
    results.push_back(r);
  }
  const std::string md = render_markdown(testing::make_file(results));
  // One root cause is one line, whatever the number of cases it fails.
  EXPECT_NE(md.find("40 cases in 1 feature: case0, case1, case10, case11, …"), std::string::npos) << md;
  EXPECT_NE(md.find("- … and 9 more (see results.json)"), std::string::npos) << md;
  EXPECT_LT(md.size(), 8000u);
}

}  // namespace
}  // namespace ac
