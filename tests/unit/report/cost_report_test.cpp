// What a run spent appears in every report format (and only when results.json says it).
#include <gtest/gtest.h>

#include "report/report.hpp"
#include "unit/report/report_fixture.hpp"

namespace ac {
namespace {

ResultsFile with_cost() {
  ResultsFile f = testing::report_fixture();
  f.cost.providers.push_back(ProviderCost{"hostile-gw", 12, 3400, 1, 2, 1});
  f.cost.token_budget = 3000;
  f.cost.budget_reached = true;
  f.cost.not_run = 5;
  return f;
}

std::string rendered(const std::string& format, const ResultsFile& f) {
  std::string out, error;
  EXPECT_TRUE(render_report(format, f, out, error)) << error;
  return out;
}

TEST(CostInReports, EachFormatSaysWhatTheRunSpent) {
  const ResultsFile f = with_cost();
  const std::string spent = "12 requests, 3400 input tokens, 1 output token; canceled 2 batches it created; 1 batch it could not cancel";
  const std::string md = rendered("md", f);
  EXPECT_NE(md.find("### Cost\n\n- hostile-gw: " + spent), std::string::npos) << md;
  EXPECT_NE(md.find("- the token budget of 3000 tokens was reached (3401 spent): 5 cases not run"), std::string::npos);
  const std::string html = rendered("html", f);
  EXPECT_NE(html.find("<h2 id=\"cost\">Cost</h2>"), std::string::npos);
  EXPECT_NE(html.find("<li>hostile-gw: " + spent + "</li>"), std::string::npos);
  const std::string junit = rendered("junit", f);
  EXPECT_NE(junit.find("<property name=\"spent\" value=\"" + spent + "\"/>"), std::string::npos) << junit;
}

TEST(CostInReports, AResultsFileWithoutCostHasNoCostSection) {
  const ResultsFile f = testing::report_fixture();
  EXPECT_EQ(rendered("md", f).find("### Cost"), std::string::npos);
  EXPECT_EQ(rendered("html", f).find("id=\"cost\""), std::string::npos);
  EXPECT_EQ(rendered("junit", f).find("name=\"spent\""), std::string::npos);
}

}  // namespace
}  // namespace ac
