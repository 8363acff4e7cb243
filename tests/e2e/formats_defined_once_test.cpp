// The report formats are one table (report/report.cpp): `list formats`, every --format help text
// and what --format accepts all come from it, so they cannot drift apart again.
#include <gtest/gtest.h>

#include <sstream>

#include "e2e_helpers.hpp"

namespace ac::test {
namespace {

TEST(FormatsDefinedOnce, ListHelpAndValidationAgree) {
  ProcessResult list = run_apiconform({"list", "formats"});
  ASSERT_EQ(list.exit_code, 0) << list.err;
  std::vector<std::string> names;
  std::istringstream lines(list.out);
  for (std::string line; std::getline(lines, line);)
    if (!line.empty()) names.push_back(line.substr(0, line.find(' ')));
  ASSERT_GE(names.size(), 4u) << list.out;
  std::string joined;
  for (const auto& n : names) joined += (joined.empty() ? "" : ", ") + n;
  for (const char* command : {"run", "report", "merge"}) {
    ProcessResult help = run_apiconform({command, "--help"});
    EXPECT_NE(help.out.find(joined), std::string::npos) << command << " --help does not list " << joined << "\n"
                                                        << help.out;
  }
  // Every listed name is accepted by report --format (json is results.json itself).
  TempDir dir;
  ProcessResult run = run_apiconform({"run", "--cases", "cases/anthropic/messages-basic.yaml", "--case", "messages.basic-text",
                                      "--out", dir.path(), "--no-progress"});
  ASSERT_EQ(run.exit_code, 0) << run.out << run.err;
  for (const auto& n : names) {
    ProcessResult r = run_apiconform({"report", dir.file("results.json"), "--format", n, "--out", dir.file("r")});
    EXPECT_EQ(r.exit_code, 0) << n << ": " << r.err;
  }
}

}  // namespace
}  // namespace ac::test
