// Issue 12: the regression gate works on deviations. A server that starts ending its streams
// without message_stop is a new breaking deviation (exit 1) for `run --baseline` and `diff`, the
// summary of changes is the console's last line and the first section of the reports, and the
// JUnit report has a failing test for it; the reverse comparison reports it fixed (exit 0).
#include <gtest/gtest.h>

#include "e2e_helpers.hpp"

namespace ac::test {
namespace {

ProcessResult run_against(const std::string& url, const std::string& out, std::vector<std::string> extra = {}) {
  std::vector<std::string> args{"run", "--base-url", url, "--key-env", "GATE_KEY", "--case", "stream.text", "--case",
                                "stream.tool-any", "--no-preflight", "--out", out, "--no-progress"};
  args.insert(args.end(), extra.begin(), extra.end());
  return run_apiconform(args, {{"GATE_KEY", "sim-test-key"}});
}

std::string last_line(const std::string& text) {
  const auto end = text.find_last_not_of('\n');
  const auto start = text.rfind('\n', end);
  return text.substr(start == std::string::npos ? 0 : start + 1, end - (start == std::string::npos ? 0 : start + 1) + 1);
}

TEST(BaselineGate, ANewBreakingDeviationFailsRunAndDiffAndItsFixPasses) {
  const int good_port = free_port();
  BackgroundApiconform good({"serve", "--port", std::to_string(good_port)});
  const int bad_port = free_port();
  BackgroundApiconform bad({"serve", "--port", std::to_string(bad_port), "--fault", "no-message-stop"});
  ASSERT_TRUE(wait_for_port(good_port, 10) && wait_for_port(bad_port, 10));
  TempDir dir;
  ProcessResult before = run_against("http://127.0.0.1:" + std::to_string(good_port), dir.file("old"));
  ASSERT_EQ(before.exit_code, 0) << before.out << before.err;

  ProcessResult after = run_against("http://127.0.0.1:" + std::to_string(bad_port), dir.file("new"),
                                    {"--baseline", dir.file("old/results.json"), "--format", "md,junit,html"});
  EXPECT_EQ(after.exit_code, 1) << after.out << after.err;
  EXPECT_EQ(last_line(after.out).rfind("summary: deviations: 1 new (1 breaking)", 0), 0u) << after.out;
  EXPECT_NE(after.out.find("NEW           stream.end:message_stop-missing  breaking (now D1), 2 cases"),
            std::string::npos) << after.out;
  const std::string md = read_file(dir.file("new/report.md"));
  const auto changes = md.find("### Changes since the baseline");
  ASSERT_NE(changes, std::string::npos) << md;
  EXPECT_LT(changes, md.find("| Feature |")) << "the first section";
  EXPECT_NE(read_file(dir.file("new/report.html")).find("<h2 id=\"comparison\">Changes since the baseline</h2>"),
            std::string::npos);
  const std::string junit = read_file(dir.file("new/junit.xml"));
  EXPECT_NE(junit.find("name=\"new breaking deviation stream.end:message_stop-missing\""), std::string::npos) << junit;

  // `diff` says the same and writes the same reports.
  ProcessResult diff = run_apiconform({"diff", dir.file("old/results.json"), dir.file("new/results.json"), "--format",
                                       "md,junit", "--out", dir.file("diff")});
  EXPECT_EQ(diff.exit_code, 1) << diff.out << diff.err;
  EXPECT_EQ(last_line(diff.out), last_line(after.out));
  EXPECT_NE(read_file(dir.file("diff/report.md")).find("### Changes since the baseline"), std::string::npos);
  EXPECT_NE(read_file(dir.file("diff/junit.xml")).find("type=\"new-breaking-deviation\""), std::string::npos);

  ProcessResult back = run_apiconform({"diff", dir.file("new/results.json"), dir.file("old/results.json")});
  EXPECT_EQ(back.exit_code, 0) << back.out;
  EXPECT_NE(back.out.find("FIXED         stream.end:message_stop-missing"), std::string::npos) << back.out;
  EXPECT_NE(last_line(back.out).find("1 fixed"), std::string::npos) << back.out;
}

}  // namespace
}  // namespace ac::test
