#pragma once
#include <cstdlib>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>

#include <gtest/gtest.h>

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

inline std::string golden_dir() {
  const char* source = std::getenv("APICONFORM_SOURCE");
  return std::string(source && *source ? source : ".") + "/tests/golden";
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
  if (expected.str() == actual) return;
  // Point at the first differing line rather than dumping two whole reports.
  std::istringstream a(expected.str()), b(actual);
  std::string la, lb;
  int line = 0;
  while (true) {
    ++line;
    const bool more_a = static_cast<bool>(std::getline(a, la));
    const bool more_b = static_cast<bool>(std::getline(b, lb));
    if (!more_a && !more_b) break;
    if (la != lb || more_a != more_b) {
      ADD_FAILURE() << path << ":" << line << ": differs from the rendering (APICONFORM_UPDATE_GOLDEN=1 "
                    << "rewrites it after review)\n  golden: " << (more_a ? la : "<end of file>")
                    << "\n  now:    " << (more_b ? lb : "<end of output>");
      return;
    }
  }
  ADD_FAILURE() << path << ": differs only in its final newline";
}

}  // namespace ac::testing
