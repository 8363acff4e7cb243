#include <gtest/gtest.h>

#include <filesystem>

#include "load/suite_version.hpp"
#include "unit/results/scratch_dir.hpp"

namespace ac {
namespace {

using testing::ScratchDir;
using testing::write_text;

// A small suite: cases/VERSION, one case file, one schema.
void make_suite(const std::string& root, const std::string& version, const std::string& case_text) {
  std::filesystem::create_directories(root + "/cases/sub");
  std::filesystem::create_directories(root + "/schemas/anthropic");
  if (!version.empty()) write_text(root + "/cases/VERSION", version + "\n");
  write_text(root + "/cases/sub/a.yaml", case_text);
  write_text(root + "/schemas/anthropic/m.json", "{}");
}

SuiteVersion of(const std::string& root) { return suite_version({root + "/cases"}, root + "/schemas"); }

TEST(SuiteVersion, ReadsTheVersionFileAndHashesTheContent) {
  ScratchDir dir;
  make_suite(dir.path(), "2026.12.0", "cases: []\n");
  const SuiteVersion v = of(dir.path());
  EXPECT_EQ(v.version, "2026.12.0");
  ASSERT_EQ(v.hash.size(), 16u);
  EXPECT_EQ(v.text(), "2026.12.0 (content " + v.hash + ")");
}

TEST(SuiteVersion, TheSameSuiteElsewhereHasTheSameHash) {
  ScratchDir a, b;
  make_suite(a.path(), "1", "cases: []\n");
  make_suite(b.path(), "1", "cases: []\n");
  write_text(b.path() + "/cases/notes.txt", "not part of the suite");  // only .yaml/.yml/.json count
  EXPECT_EQ(of(a.path()).hash, of(b.path()).hash);
}

TEST(SuiteVersion, AnyEditChangesTheHashButNotTheVersion) {
  ScratchDir a, b, c;
  make_suite(a.path(), "1", "cases: []\n");
  make_suite(b.path(), "1", "cases: [] \n");
  make_suite(c.path(), "1", "cases: []\n");
  write_text(c.path() + "/schemas/anthropic/m.json", "{\"type\":\"object\"}");
  EXPECT_NE(of(a.path()).hash, of(b.path()).hash);
  EXPECT_NE(of(a.path()).hash, of(c.path()).hash);
  EXPECT_EQ(of(b.path()).version, "1");
}

TEST(SuiteVersion, RenamingAFileChangesTheHash) {
  ScratchDir a, b;
  make_suite(a.path(), "1", "cases: []\n");
  make_suite(b.path(), "1", "cases: []\n");
  std::filesystem::rename(b.path() + "/cases/sub/a.yaml", b.path() + "/cases/sub/b.yaml");
  EXPECT_NE(of(a.path()).hash, of(b.path()).hash);
}

TEST(SuiteVersion, CasesWithoutAVersionFileAreUnversioned) {
  ScratchDir dir;
  make_suite(dir.path(), "", "cases: []\n");
  EXPECT_EQ(of(dir.path()).version, "");
  EXPECT_EQ(of(dir.path()).text().rfind("unversioned (content ", 0), 0u);
}

TEST(SuiteVersion, AddedCaseFilesJoinTheHash) {
  ScratchDir dir;
  make_suite(dir.path(), "1", "cases: []\n");
  write_text(dir.file("mine.yaml"), "cases: []\n");
  const SuiteVersion shipped = of(dir.path());
  const SuiteVersion with_mine = suite_version({dir.path() + "/cases", dir.file("mine.yaml")}, dir.path() + "/schemas");
  EXPECT_EQ(with_mine.version, "1");
  EXPECT_NE(with_mine.hash, shipped.hash);
}

}  // namespace
}  // namespace ac
