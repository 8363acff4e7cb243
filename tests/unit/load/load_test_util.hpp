#pragma once
// Helpers for the loader tests: YAML written to real temporary files, diagnostics looked up by
// location and text.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "model/diagnostic.hpp"

namespace ac::testing {

class TempDir {
 public:
  TempDir() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "ac-load-XXXXXX").string();
    path_ = mkdtemp(tmpl.data());
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  // Writes `text` to `name` (sub-folders created) and returns the full path.
  std::string write(const std::string& name, const std::string& text) const {
    const std::filesystem::path p = std::filesystem::path(path_) / name;
    std::filesystem::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << text;
    return p.string();
  }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

inline std::string dump(const Diagnostics& diags) {
  std::string out;
  for (const auto& d : diags)
    out += "  " + d.where.file + ":" + std::to_string(d.where.line) + ":" + std::to_string(d.where.column) + ": " +
           d.message + (d.hint.empty() ? "" : " [" + d.hint + "]") + "\n";
  return out.empty() ? "  (no diagnostics)\n" : out;
}

// A diagnostic at file:line:col whose message contains `text`.
inline ::testing::AssertionResult has_diag(const Diagnostics& diags, const std::string& file, int line, int col,
                                           const std::string& text) {
  for (const auto& d : diags)
    if (d.where.file == file && d.where.line == line && d.where.column == col &&
        d.message.find(text) != std::string::npos)
      return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure() << "no diagnostic at " << file << ":" << line << ":" << col << " containing \""
                                       << text << "\"; got:\n"
                                       << dump(diags);
}

// The only diagnostic, for tests that make exactly one mistake.
inline const Diagnostic& only(const Diagnostics& diags) {
  static const Diagnostic none{{}, "(none)", ""};
  EXPECT_EQ(diags.size(), 1u) << dump(diags);
  return diags.empty() ? none : diags.front();
}

}  // namespace ac::testing
