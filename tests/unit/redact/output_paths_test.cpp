// The redaction boundary holds by construction only while every output takes one of its two
// doors: files through redact/output_file.cpp, the terminal through std::cout/std::cerr (wrapped
// by redact/output_stream.cpp). This test fails when code anywhere in harness/ opens a file for
// writing or writes to the standard descriptors past the wrapped streams (docs/secrets.md).
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include "support/run_binary.hpp"

namespace ac {
namespace {

using test::source_dir;

const char* const kWords[] = {"fstream", "open", "creat", "O_", "put", "printf", "stdout", "stderr", "STDOUT", "STDERR", "write"};

TEST(OutputPaths, EveryFileAndTerminalWriteGoesThroughTheBoundary) {
  const std::regex writes(
      R"((std::ofstream|std::fstream|\bfopen\s*\(.*"[wa]|\bfreopen\s*\(|\bcreat\s*\(|O_WRONLY|O_RDWR|O_CREAT|\bprintf\s*\(|\bputs\s*\(|\bputchar\s*\(|std::fprintf|\bstdout\b|\bstderr\b|STDOUT_FILENO\s*,|STDERR_FILENO\s*,|::write\s*\(\s*[12]\b))");
  const std::filesystem::path harness = std::filesystem::path(source_dir()) / "harness";
  ASSERT_TRUE(std::filesystem::is_directory(harness)) << harness;
  int files = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(harness)) {
    const auto ext = entry.path().extension();
    if (ext != ".cpp" && ext != ".hpp") continue;
    const std::string rel = std::filesystem::relative(entry.path(), harness).string();
    if (rel == "redact/output_file.cpp") continue;  // the one door for files
    ++files;
    std::ifstream in(entry.path());
    std::string line;
    for (int n = 1; std::getline(in, line); ++n) {
      const std::string code = line.substr(0, line.find("//"));
      // std::regex is slow: only lines holding one of the words it looks for are matched.
      const bool candidate = std::any_of(std::begin(kWords), std::end(kWords),
                                         [&](const char* w) { return code.find(w) != std::string::npos; });
      if (candidate && std::regex_search(code, writes))
        ADD_FAILURE() << "harness/" << rel << ":" << n << " writes past the redaction boundary: " << line;
    }
  }
  EXPECT_GT(files, 100);
}

}  // namespace
}  // namespace ac
