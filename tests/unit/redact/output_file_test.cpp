#include "redact/output_file.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "redact/secrets.hpp"

namespace ac {
namespace {

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

struct OutputFileTest : ::testing::Test {
  std::string dir = ::testing::TempDir() + "output_file_test_" + std::to_string(::testing::UnitTest::GetInstance()->random_seed());
  void SetUp() override { std::filesystem::create_directories(dir); }
  void TearDown() override { std::filesystem::remove_all(dir); }
};

TEST_F(OutputFileTest, AppearsOnlyWhenCommittedAndIsRedacted) {
  add_process_secret("sk-ant-output-file-secret-0123456789");
  const std::string path = dir + "/results.json";
  {
    std::ofstream(path) << "the previous run's file";
  }
  OutputFile f;
  std::string error;
  ASSERT_TRUE(f.open(path, "results", error)) << error;
  f.write("{\"key\":\"sk-ant-output-file-secret-0123456789\"}");
  EXPECT_EQ(slurp(path), "the previous run's file") << "nothing half-written under the name";
  ASSERT_TRUE(f.commit(error)) << error;
  EXPECT_EQ(slurp(path), "{\"key\":\"[REDACTED]\"}");
  for (const auto& entry : std::filesystem::directory_iterator(dir))
    EXPECT_EQ(entry.path().filename(), "results.json") << "no temporary file is left";
}

TEST_F(OutputFileTest, AbandonedLeavesNothing) {
  const std::string path = dir + "/report.md";
  {
    OutputFile f;
    std::string error;
    ASSERT_TRUE(f.open(path, "md report", error));
    f.write("half");
  }
  EXPECT_TRUE(std::filesystem::is_empty(dir));
}

TEST_F(OutputFileTest, AnUnwritableFolderIsALocatedError) {
  std::string error;
  EXPECT_FALSE(write_output_file(dir + "/no/such/dir/report.html", "html report", "x", error));
  EXPECT_NE(error.find("no/such/dir/report.html: cannot write html report: "), std::string::npos) << error;
}

}  // namespace
}  // namespace ac
