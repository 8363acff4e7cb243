// The committed demo matrix (docs/compatibility-demo.md) is what the demo run produces now.
#include <gtest/gtest.h>

#include <fstream>
#include <regex>

#include "e2e_helpers.hpp"

namespace ac::test {
namespace {

std::vector<std::string> demo_providers() {
  std::ifstream in(source_dir() + "/ci/demo-providers");
  std::vector<std::string> out;
  for (std::string line; std::getline(in, line);)
    if (!line.empty() && line[0] != '#') out.push_back(line);
  return out;
}

// The same normalisation as ci/update-demo-doc.sh: the run's time and the simulators' random
// ids are the only volatile text.
std::string normalise(const std::string& markdown) {
  static const std::regex time(R"(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z)");
  static const std::regex ids(R"((msgbatch|msg|toolu|req)(\\?_)[A-Za-z0-9]{8,})");
  return std::regex_replace(std::regex_replace(markdown, time, "(time of the run)"), ids, "$1$2…");
}

TEST(DemoDoc, TheCommittedCompatibilityDemoIsCurrent) {
  std::vector<std::string> args{"run", "--simulate"};
  for (const auto& p : demo_providers()) args.insert(args.end(), {"--provider", p});
  TempDir out;
  args.insert(args.end(), {"--out", out.path(), "--format", "md", "--no-progress"});
  ProcessResult r = run_apiconform(args);
  ASSERT_TRUE(r.exit_code == 0 || r.exit_code == 1) << r.out << r.err;
  std::string committed = read_file(source_dir() + "/docs/compatibility-demo.md");
  std::size_t body = committed.find("-->\n\n");
  ASSERT_NE(body, std::string::npos) << "docs/compatibility-demo.md lacks its generated-file header";
  EXPECT_EQ(committed.substr(body + 5), normalise(read_file(out.file("report.md"))))
      << "docs/compatibility-demo.md is stale: run ci/update-demo-doc.sh and commit it";
}

}  // namespace
}  // namespace ac::test
