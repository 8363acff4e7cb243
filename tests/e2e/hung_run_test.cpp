// The tests' own guard (tests/support/run_binary.hpp): a run that never ends is killed after a
// bound and its result says which command it was, so a hang fails one test with a reason instead
// of spending ctest's whole timeout in silence. `serve` is a run that does not end by itself.
#include <gtest/gtest.h>

#include "support/run_binary.hpp"

namespace ac::test {
namespace {

TEST(HungRun, IsKilledAfterTheBoundAndTheResultNamesTheCommand) {
  const std::string port = std::to_string(free_port());
  StartedApiconform run({"serve", "--port", port});
  ProcessResult r = run.wait(std::chrono::seconds(1));
  EXPECT_EQ(r.exit_code, 128 + 9);
  EXPECT_EQ(r.err.find("[test] `"), 0u) << r.err;
  EXPECT_NE(r.err.find("apiconform serve --port " + port + "` did not end within 1 s and was killed"),
            std::string::npos)
      << r.err;
}

TEST(HungRun, ARunThatEndsIsNotTouchedByTheBound) {
  ProcessResult r = run_apiconform({"--version"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err.find("[test]"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace ac::test
