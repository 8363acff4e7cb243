#include <gtest/gtest.h>

#include "report/report.hpp"
#include "unit/report/golden.hpp"
#include "unit/report/report_fixture.hpp"

namespace ac {
namespace {

using testing::expect_golden;
using testing::normalise_volatile;

std::string rendered(const std::string& format, const ResultsFile& file) {
  std::string out, error;
  EXPECT_TRUE(render_report(format, file, out, error)) << error;
  return normalise_volatile(out);
}

TEST(GoldenReports, Html) { expect_golden("report.html", rendered("html", testing::report_fixture())); }
TEST(GoldenReports, Markdown) { expect_golden("report.md", rendered("md", testing::report_fixture())); }
TEST(GoldenReports, Junit) { expect_golden("junit.xml", rendered("junit", testing::report_fixture())); }
TEST(GoldenReports, Console) { expect_golden("console.txt", rendered("console", testing::report_fixture())); }
TEST(GoldenReports, ConsoleInColour) {
  expect_golden("console-colour.txt", normalise_volatile(render_console_matrix(testing::report_fixture(), true)));
}

TEST(GoldenReports, UpstreamHtml) { expect_golden("upstream.html", rendered("html", testing::upstream_fixture())); }
TEST(GoldenReports, UpstreamMarkdown) { expect_golden("upstream.md", rendered("md", testing::upstream_fixture())); }

TEST(GoldenReports, RepeatsHtml) { expect_golden("repeats.html", rendered("html", testing::repeats_fixture())); }
TEST(GoldenReports, RepeatsMarkdown) { expect_golden("repeats.md", rendered("md", testing::repeats_fixture())); }
TEST(GoldenReports, RepeatsJunit) { expect_golden("repeats.junit.xml", rendered("junit", testing::repeats_fixture())); }
TEST(GoldenReports, RepeatsConsole) { expect_golden("repeats.console.txt", rendered("console", testing::repeats_fixture())); }

// Issue 12: every report with a baseline comparison opens with it; the console's ends with it.
TEST(GoldenReports, BaselineMarkdown) { expect_golden("baseline.md", rendered("md", testing::baseline_fixture())); }
TEST(GoldenReports, BaselineHtml) { expect_golden("baseline.html", rendered("html", testing::baseline_fixture())); }
TEST(GoldenReports, BaselineJunit) { expect_golden("baseline.junit.xml", rendered("junit", testing::baseline_fixture())); }
TEST(GoldenReports, BaselineConsole) {
  const ResultsFile f = testing::baseline_fixture();
  expect_golden("baseline.console.txt", normalise_volatile(format_diff(*f.comparison, false)));
}

TEST(Normalise, ReplacesTimesPortsAndVersion) {
  EXPECT_EQ(normalise_volatile("at 2026-11-22T10:00:00Z on http://127.0.0.1:40123/v1 by apiconform 0.1.0"),
            "at @TIMESTAMP@ on http://127.0.0.1:@PORT@/v1 by apiconform @VERSION@");
}

}  // namespace
}  // namespace ac

#include "results/results_reader.hpp"
#include "results/results_writer.hpp"
#include "unit/results/scratch_dir.hpp"

namespace ac {
namespace {

// `apiconform report results.json` must say exactly what the end of the run said.
TEST(ReportsFromFile, MatchTheReportsRenderedInMemory) {
  const ResultsFile fixture = testing::report_fixture();
  testing::ScratchDir dir;
  ResultsWriter writer;
  std::string error;
  ASSERT_TRUE(writer.open(dir.file("results.json"), fixture.run, error)) << error;
  for (const auto& r : fixture.results) writer.add(r);
  writer.close(fixture.summary, fixture.finished_at, fixture.deviations);
  ResultsFile read;
  ASSERT_TRUE(read_results(dir.file("results.json"), read, error)) << error;
  for (const auto& format : report_formats()) {
    std::string from_memory, from_file;
    ASSERT_TRUE(render_report(format.name, fixture, from_memory, error));
    ASSERT_TRUE(render_report(format.name, read, from_file, error));
    EXPECT_EQ(testing::first_difference(from_memory, from_file), "") << format.name;
  }
}

}  // namespace
}  // namespace ac
