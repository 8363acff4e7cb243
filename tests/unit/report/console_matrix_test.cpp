#include <gtest/gtest.h>

#include <sstream>

#include "report/report.hpp"
#include "unit/report/report_fixture.hpp"
#include "unit/results/make_result.hpp"

namespace ac {
namespace {

TEST(ConsoleMatrix, PlainWhenColourIsOff) {
  const std::string text = render_console_matrix(testing::report_fixture(), false);
  EXPECT_EQ(text.find("\x1b["), std::string::npos);
  EXPECT_NE(text.find("anthropic: not run: set ANTHROPIC_API_KEY"), std::string::npos) << text;
  EXPECT_NE(text.find("fail* 0/1"), std::string::npos) << text;
}

TEST(ConsoleMatrix, ColoursCellsWhenAsked) {
  const std::string text = render_console_matrix(testing::report_fixture(), true);
  EXPECT_NE(text.find("\x1b[32mpass 2/2\x1b[0m"), std::string::npos) << text;
  EXPECT_NE(text.find("\x1b[33mfail* 0/1\x1b[0m"), std::string::npos) << text;
}

TEST(ConsoleMatrix, ColumnsLineUp) {
  const std::string text = render_console_matrix(testing::report_fixture(), false);
  std::istringstream lines(text);
  std::string header, row;
  std::getline(lines, header);
  std::getline(lines, row);
  EXPECT_EQ(header.find("reference"), row.find("unsupported")) << header << "\n" << row;
}

TEST(ConsoleMatrix, TerminalControlsInNamesAreNeutralised) {
  const std::string text = render_console_matrix(
      testing::make_file({testing::make_result("evil\x1b]0;pwned\x07", "f\xC2\x9B" "31m", "c", Verdict::Pass)}), false);
  EXPECT_EQ(text.find('\x1b'), std::string::npos);
  EXPECT_EQ(text.find('\x07'), std::string::npos);
  EXPECT_EQ(text.find("\xC2\x9B"), std::string::npos);
}

TEST(ConsoleMatrix, RepeatsAddPassAtKRows) {
  const std::string text = render_console_matrix(testing::repeats_fixture(), false);
  EXPECT_NE(text.find("\npass@3           66.7%\n"), std::string::npos) << text;
  EXPECT_NE(text.find("\npass^3           33.3%\n"), std::string::npos) << text;
}

}  // namespace
}  // namespace ac
