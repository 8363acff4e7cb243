#pragma once
// Where the official TypeScript SDK is for the tests in tests/sdk/ (the sdk_install fixture puts it
// in the build tree's sdk/), and whether it is there.
#include <cstdlib>
#include <filesystem>
#include <string>

#include "support/run_binary.hpp"

namespace ac::test {

// The build tree's sdk/ (tests/CMakeLists.txt), unless the environment names another.
inline std::string sdk_dir() {
  const char* dir = std::getenv("APICONFORM_SDK_DIR");
  return dir && *dir ? dir : APICONFORM_SDK_DIR;
}

// Empty when the SDK is installed; else why not. `skip` is set when a test should skip rather
// than fail: npm or its registry was unreachable (the fixture wrote why).
inline std::string sdk_missing(bool& skip) {
  const std::string dir = sdk_dir();
  skip = std::filesystem::exists(dir + "/npm-unreachable");
  if (skip) return "the official SDK could not be installed: " + read_file(dir + "/npm-unreachable");
  if (!std::filesystem::exists(dir + "/node_modules/@anthropic-ai/sdk/package.json"))
    return "the sdk_install fixture did not install @anthropic-ai/sdk into " + dir;
  return "";
}

}  // namespace ac::test

// In a test body: skips the test when npm was unreachable, fails it when the SDK is missing otherwise.
#define REQUIRE_OFFICIAL_SDK()                                   \
  do {                                                           \
    bool skip_ = false;                                          \
    const std::string missing_ = ::ac::test::sdk_missing(skip_); \
    if (skip_) GTEST_SKIP() << missing_;                         \
    ASSERT_TRUE(missing_.empty()) << missing_;                   \
  } while (0)
