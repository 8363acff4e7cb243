// The layering of harness/ (docs/architecture.md, "Stages and folders") as a test: every
// #include of another stage is one the stage's row allows, each allowed stage stands earlier in
// the table (dependencies point down only), and each stage's ac_module(...) line in CMakeLists.txt
// names exactly the stages its code includes: none missing, none the code does not use.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include "support/run_binary.hpp"

namespace ac {
namespace {

namespace fs = std::filesystem;

struct Stage {
  std::size_t row = 0;
  bool everything = false;
  std::set<std::string> may_use;
};

std::map<std::string, Stage> stage_table() {
  std::istringstream in(test::read_file(test::source_dir() + "/docs/architecture.md"));
  static const std::regex row(R"(^\| `([a-z_]+)/` \| `ac_[a-z_]+` \| .* \| ([^|]*) \|$)");
  std::map<std::string, Stage> stages;
  std::size_t n = 0;
  for (std::string line; std::getline(in, line);) {
    std::smatch m;
    if (!std::regex_match(line, m, row)) continue;
    Stage s;
    s.row = n++;
    const std::string uses = m[2];
    s.everything = uses == "everything";
    static const std::regex word(R"(\b([a-z_]+)\b)");
    if (uses.find("nothing") == std::string::npos && !s.everything)
      for (auto it = std::sregex_iterator(uses.begin(), uses.end(), word); it != std::sregex_iterator(); ++it)
        s.may_use.insert((*it)[1]);
    stages[m[1]] = s;
  }
  return stages;
}

// stage -> the other stages its files include
std::map<std::string, std::set<std::string>> includes_by_stage(const std::map<std::string, Stage>& stages,
                                                               std::vector<std::string>& located) {
  std::map<std::string, std::set<std::string>> out;
  static const std::regex include(R"(^\s*#\s*include\s+"([a-z_]+)/)");
  const fs::path harness = fs::path(test::source_dir()) / "harness";
  for (const auto& entry : fs::recursive_directory_iterator(harness)) {
    if (entry.path().extension() != ".cpp" && entry.path().extension() != ".hpp") continue;
    const std::string rel = fs::relative(entry.path(), harness).string();
    const std::string stage = rel.substr(0, rel.find('/'));
    out[stage];
    std::ifstream in(entry.path());
    std::string line;
    for (int n = 1; std::getline(in, line); ++n) {
      std::smatch m;
      if (!std::regex_search(line, m, include) || m[1] == stage || !stages.count(m[1])) continue;
      out[stage].insert(m[1]);
      located.push_back("harness/" + rel + ":" + std::to_string(n) + " " + stage + " -> " + std::string(m[1]));
    }
  }
  return out;
}

// stage -> the stages its ac_module(...) line links
std::map<std::string, std::set<std::string>> cmake_modules() {
  std::istringstream in(test::read_file(test::source_dir() + "/CMakeLists.txt"));
  static const std::regex module(R"(^ac_module\(([a-z_]+)([^)]*)\))");
  static const std::regex dep(R"(\bac_([a-z_]+)\b)");
  std::map<std::string, std::set<std::string>> out;
  for (std::string line; std::getline(in, line);) {
    std::smatch m;
    if (!std::regex_search(line, m, module)) continue;
    const std::string deps = m[2];
    auto& set = out[m[1]];
    for (auto it = std::sregex_iterator(deps.begin(), deps.end(), dep); it != std::sregex_iterator(); ++it)
      if ((*it)[1] != "httplib") set.insert((*it)[1]);
  }
  return out;
}

TEST(Layering, EveryIncludeIsOneTheStageTableAllowsAndPointsDown) {
  const auto stages = stage_table();
  ASSERT_GE(stages.size(), 12u) << "the stage table of docs/architecture.md was not found";
  for (const auto& [name, s] : stages)
    for (const auto& used : s.may_use) {
      ASSERT_TRUE(stages.count(used)) << name << " may use unknown stage " << used;
      EXPECT_LT(stages.at(used).row, s.row) << name << " may use " << used << ", which stands below it";
    }
  std::vector<std::string> located;
  const auto includes = includes_by_stage(stages, located);
  for (const auto& [stage, used] : includes) {
    ASSERT_TRUE(stages.count(stage)) << "harness/" << stage << "/ is not in the stage table";
    const Stage& s = stages.at(stage);
    if (s.everything) continue;
    for (const auto& u : used) {
      if (s.may_use.count(u)) continue;
      std::string where;
      for (const auto& l : located)
        if (l.find(" " + stage + " -> " + u) != std::string::npos) where += "\n  " + l;
      ADD_FAILURE() << stage << "/ includes " << u << "/, which its row of docs/architecture.md does not allow:"
                    << where;
    }
  }
}

TEST(Layering, CMakeNamesExactlyTheStagesEachStageIncludes) {
  const auto stages = stage_table();
  std::vector<std::string> located;
  const auto includes = includes_by_stage(stages, located);
  const auto modules = cmake_modules();
  for (const auto& [stage, used] : includes) {
    ASSERT_TRUE(modules.count(stage)) << "no ac_module(" << stage << ") in CMakeLists.txt";
    const auto& linked = modules.at(stage);
    for (const auto& u : used)
      EXPECT_TRUE(linked.count(u)) << "ac_module(" << stage << ") does not name ac_" << u << ", which it includes";
    for (const auto& l : linked)
      EXPECT_TRUE(used.count(l)) << "ac_module(" << stage << ") names ac_" << l << ", which its code does not include";
  }
}

}  // namespace
}  // namespace ac
