#pragma once
#include <cstdlib>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>

#include <gtest/gtest.h>

#include "support/run_binary.hpp"

namespace ac::testing {

// Volatile fields of real runs (times, ephemeral ports, the tool's version) become placeholders
// so a golden file only changes when the rendering does. The placeholders avoid < and > so a
// golden HTML file still opens cleanly in a browser.
inline std::string normalise_volatile(std::string text) {
  static const std::regex timestamp(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z?)");
  static const std::regex port(R"(127\.0\.0\.1:\d+)");
  static const std::regex version(R"(apiconform (\d+\.\d+\.\d+))");
  text = std::regex_replace(text, timestamp, "@TIMESTAMP@");
  text = std::regex_replace(text, port, "127.0.0.1:@PORT@");
  text = std::regex_replace(text, version, "apiconform @VERSION@");
  return text;
}

inline std::string golden_dir() { return test::source_dir() + "/tests/golden"; }

// The first line where two renderings differ, "" when they are equal; keeps failures readable.
inline std::string first_difference(const std::string& expected, const std::string& actual) {
  if (expected == actual) return "";
  std::istringstream a(expected), b(actual);
  std::string la, lb;
  for (int line = 1;; ++line) {
    const bool more_a = static_cast<bool>(std::getline(a, la));
    const bool more_b = static_cast<bool>(std::getline(b, lb));
    if (!more_a && !more_b) return "they differ only in the final newline";
    if (la != lb || more_a != more_b) {
      return "line " + std::to_string(line) + ":\n  expected: " + (more_a ? la : "<end>") +
             "\n  actual:   " + (more_b ? lb : "<end>");
    }
  }
}

// Compares `actual` with tests/golden/<name>; APICONFORM_UPDATE_GOLDEN=1 rewrites the file.
inline void expect_golden(const std::string& name, const std::string& actual) {
  const std::string path = golden_dir() + "/" + name;
  const char* update = std::getenv("APICONFORM_UPDATE_GOLDEN");
  if (update && std::string(update) == "1") {
    std::ofstream(path, std::ios::binary) << actual;
    return;
  }
  std::ifstream in(path, std::ios::binary);
  ASSERT_TRUE(in) << path << " is missing; run the test with APICONFORM_UPDATE_GOLDEN=1 to create it";
  std::ostringstream expected;
  expected << in.rdbuf();
  const std::string difference = first_difference(expected.str(), actual);
  if (!difference.empty()) {
    ADD_FAILURE() << path << " differs from the rendering (APICONFORM_UPDATE_GOLDEN=1 rewrites it after review), "
                  << difference;
  }
}

}  // namespace ac::testing
