// User story: a recorded stream that ends with an in-band error (the docs' sample 07) fails
// `check-stream` unless that error is what was expected (`--expect-error`, as a case's
// `expect.stream.error`), and an error of another type still fails.
#include <gtest/gtest.h>

#include "e2e_helpers.hpp"

namespace ac::test {
namespace {

std::string sample(const std::string& name) { return source_dir() + "/tests/unit/stream/samples/" + name; }

TEST(CheckStreamExpectError, AnUnexpectedInBandErrorFails) {
  ProcessResult r = run_apiconform({"check-stream", sample("07-docs-midstream-error-event.sse")});
  EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
  EXPECT_NE(r.out.find("the stream ended with an in-band error: overloaded_error"), std::string::npos) << r.out;
}

TEST(CheckStreamExpectError, TheExpectedErrorPasses) {
  ProcessResult r =
      run_apiconform({"check-stream", "--expect-error", "overloaded_error", sample("07-docs-midstream-error-event.sse")});
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_NE(r.out.find("0 findings"), std::string::npos) << r.out;
}

TEST(CheckStreamExpectError, AnotherTypeOrNoErrorFails) {
  ProcessResult other =
      run_apiconform({"check-stream", "--expect-error", "api_error", sample("07-docs-midstream-error-event.sse")});
  EXPECT_EQ(other.exit_code, 1) << other.out << other.err;
  EXPECT_NE(other.out.find("an in-band error of type api_error"), std::string::npos) << other.out;

  ProcessResult none = run_apiconform({"check-stream", "--expect-error", "overloaded_error", sample("01-docs-basic-text.sse")});
  EXPECT_EQ(none.exit_code, 1) << none.out << none.err;
  EXPECT_NE(none.out.find("it ended normally with message_stop"), std::string::npos) << none.out;
}

}  // namespace
}  // namespace ac::test
