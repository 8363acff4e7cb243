#pragma once
// A fixture for tests of what the loader reports: writes one case file and loads it.
#include <string>
#include <vector>

#include "load/case_loader.hpp"
#include "load_test_util.hpp"

namespace ac::testing {

class CaseFileTest : public ::testing::Test {
 protected:
  // Writes `yaml` to case.yaml and loads it.
  Diagnostics load(const std::string& yaml) {
    text_ = yaml;
    file_ = dir_.write("case.yaml", yaml);
    cases_.clear();
    return load_cases({file_}, cases_);
  }

  TempDir dir_;
  std::string text_;  // the last file's text
  std::string file_;
  std::vector<Case> cases_;
};

}  // namespace ac::testing
