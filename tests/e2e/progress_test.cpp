// User story: asking for --jobs 16 against a profile that allows 8 at once is said once, so the
// user knows why the run is not faster; skipped cases are not counted as work done.
#include <gtest/gtest.h>

#include "e2e_helpers.hpp"

namespace ac::test {
namespace {

std::size_t count(const std::string& text, const std::string& needle) {
  std::size_t n = 0;
  for (std::size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) ++n;
  return n;
}

TEST(Progress, AProfileCappingJobsIsSaidOnce) {
  TempDir dir;
  ProcessResult r = run_apiconform({"run", "--case", "messages.basic-*", "--jobs", "16", "--out", dir.file("out"),
                                    "--no-progress"});
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_EQ(count(r.out, "reference: at most 8 requests in flight (the profile's concurrency), not --jobs 16"), 1u)
      << r.out;
}

TEST(Progress, NothingIsSaidWhenJobsFitTheProfile) {
  TempDir dir;
  ProcessResult r = run_apiconform({"run", "--case", "messages.basic-*", "--jobs", "8", "--out", dir.file("out"),
                                    "--no-progress"});
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_EQ(r.out.find("requests in flight"), std::string::npos) << r.out;
}

}  // namespace
}  // namespace ac::test
