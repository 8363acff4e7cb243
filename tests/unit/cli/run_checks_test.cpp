#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "cli/format_list.hpp"
#include "cli/run_checks.hpp"

namespace ac {
namespace {

TEST(FormatList, NamesAndAliasesBecomeCanonicalNamesWithoutRepeats) {
  std::vector<std::string> out, errors;
  EXPECT_TRUE(parse_formats({"html,markdown", "xml", "md"}, out, errors));
  EXPECT_EQ(out, (std::vector<std::string>{"html", "md", "junit"}));
  EXPECT_TRUE(errors.empty());
}

// 'html, md' is what people type after reading "comma-separated": the intent is plain.
TEST(FormatList, SpacesAroundNamesAndEmptyItemsAreTolerated) {
  std::vector<std::string> out, errors;
  EXPECT_TRUE(parse_formats({"html, md,", " junit "}, out, errors));
  EXPECT_EQ(out, (std::vector<std::string>{"html", "md", "junit"}));
}

TEST(FormatList, AnUnknownNameIsRejectedWithASuggestion) {
  std::vector<std::string> out, errors;
  EXPECT_FALSE(parse_formats({"htlm,md", "pdf"}, out, errors));
  ASSERT_EQ(errors.size(), 2u);
  EXPECT_NE(errors[0].find("`htlm`"), std::string::npos) << errors[0];
  EXPECT_NE(errors[0].find("did you mean `html`?"), std::string::npos) << errors[0];
  EXPECT_NE(errors[1].find("`pdf`"), std::string::npos) << errors[1];
  EXPECT_NE(errors[1].find("list formats"), std::string::npos) << errors[1];
}

TEST(FormatList, EveryListedNameIsAccepted) {
  std::vector<std::string> out, errors;
  EXPECT_TRUE(parse_formats(format_names(), out, errors));
  EXPECT_EQ(out, format_names());
}

Case make_case(const std::string& id, const std::string& feature, std::vector<std::string> tags) {
  Case c;
  c.id = id;
  c.feature = feature;
  c.tags = std::move(tags);
  return c;
}

std::vector<Case> two_cases() {
  return {make_case("messages.basic-text", "messages.basic", {"smoke"}),
          make_case("streaming.text", "streaming", {"stream"})};
}

TEST(FilterCheck, FiltersThatMatchSomethingPass) {
  PlanOptions plan;
  plan.only_cases = {"messages.*"};
  plan.only_tags = {"smoke"};
  EXPECT_TRUE(filter_problems(two_cases(), plan).empty());
}

TEST(FilterCheck, EachFilterThatMatchesNoCaseIsNamedWithASuggestion) {
  PlanOptions plan;
  plan.only_cases = {"messages.*", "nothing.*"};
  plan.only_features = {"stremaing"};
  auto problems = filter_problems(two_cases(), plan);
  ASSERT_EQ(problems.size(), 2u);
  EXPECT_NE(problems[0].find("--case 'nothing.*' matches no case"), std::string::npos) << problems[0];
  EXPECT_NE(problems[1].find("did you mean `streaming`?"), std::string::npos) << problems[1];
}

TEST(FilterCheck, FiltersThatMatchOnlyApartAreAProblemToo) {
  PlanOptions plan;
  plan.only_cases = {"messages.*"};
  plan.only_features = {"streaming"};
  auto problems = filter_problems(two_cases(), plan);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_NE(problems[0].find("no case matches them all"), std::string::npos) << problems[0];
}

TEST(FilterCheck, NoCasesAtAllIsAProblem) {
  EXPECT_EQ(filter_problems({}, PlanOptions{}).size(), 1u);
}

TEST(OutDirCheck, AMissingFolderIsCreatedAndAnUnwritableOneIsNamed) {
  std::string base = ::testing::TempDir() + "/out-dir-check-" + std::to_string(getpid());
  std::filesystem::remove_all(base);
  EXPECT_EQ(out_dir_problem(base + "/a/b"), "");
  EXPECT_TRUE(std::filesystem::is_directory(base + "/a/b"));
  EXPECT_TRUE(std::filesystem::is_empty(base + "/a/b"));  // the probe file is gone
  // A regular file where the folder should be: creating it fails, whoever runs the test.
  { std::FILE* f = std::fopen((base + "/file").c_str(), "w"); std::fclose(f); }
  std::string problem = out_dir_problem(base + "/file/sub");
  EXPECT_NE(problem.find("--out " + base + "/file/sub: cannot create the folder"), std::string::npos) << problem;
  std::filesystem::remove_all(base);
}

}  // namespace
}  // namespace ac
