#include <gtest/gtest.h>

#include "report/report.hpp"
#include "unit/report/report_fixture.hpp"
#include "unit/results/scratch_dir.hpp"

namespace ac {
namespace {

TEST(ReportRegistry, ListsEveryFormatAndAliases) {
  std::vector<std::string> names;
  for (const auto& f : report_formats()) names.push_back(f.name);
  EXPECT_EQ(names, (std::vector<std::string>{"html", "md", "junit", "console"}));
  EXPECT_EQ(find_report_format("markdown")->name, "md");
  EXPECT_EQ(find_report_format("xml")->name, "junit");
  EXPECT_EQ(find_report_format("pdf"), nullptr);
}

TEST(ReportRegistry, UnknownFormatNamesTheKnownOnes) {
  std::string out, error;
  EXPECT_FALSE(render_report("pdf", ResultsFile{}, out, error));
  EXPECT_EQ(error, "unknown report format \"pdf\" (formats: html, md, junit, console)");
}

TEST(ReportRegistry, WritesEachFormatToItsFile) {
  testing::ScratchDir dir;
  for (const auto& f : report_formats()) {
    std::string error;
    ASSERT_TRUE(write_report(f.name, testing::report_fixture(), dir.file(f.file_name), error)) << error;
    EXPECT_GT(testing::read_text(dir.file(f.file_name)).size(), 200u) << f.name;
  }
}

TEST(ReportRegistry, UnwritablePathIsReported) {
  std::string error;
  EXPECT_FALSE(write_report("html", ResultsFile{}, "/no/such/dir/report.html", error));
  EXPECT_NE(error.find("/no/such/dir/report.html: cannot write html report"), std::string::npos) << error;
}

}  // namespace
}  // namespace ac
