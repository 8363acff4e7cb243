// `expect.stream.error`: a case that expects the stream to end with an in-band error. The error
// of that type is then the expected ending; anything else (another type, no error, a normal end)
// fails, and the events before the error are judged as usual.
#include "stream_test_support.hpp"

namespace ac::test {
namespace {

const std::string kOverloaded =
    frame("error", R"({"type":"error","error":{"details":null,"type":"overloaded_error","message":"Overloaded"} })");

Judged judge_expecting(const std::string& error_type, const std::string& text) {
  StreamExpectation expect;
  expect.expected = true;
  expect.error = error_type;
  return ::ac::test::judge_expecting(expect, text);
}

TEST(ExpectedStreamError, TheExpectedErrorAfterContentPasses) {
  auto j = judge_expecting("overloaded_error", message_start() + text_start(0) + text_delta(0, "a") + kOverloaded);
  EXPECT_TRUE(j.findings.empty()) << dump(j.findings);
  EXPECT_TRUE(j.error);
  EXPECT_EQ(j.error_summary, "overloaded_error: Overloaded");
  EXPECT_FALSE(j.completed);  // still not a complete message, for whoever reads the verdict
}

TEST(ExpectedStreamError, TheExpectedErrorAsTheOnlyEventPasses) {
  auto j = judge_expecting("overloaded_error", kOverloaded);
  EXPECT_TRUE(j.findings.empty()) << dump(j.findings);
  EXPECT_EQ(j.events, 1u);
}

TEST(ExpectedStreamError, AnotherErrorTypeFails) {
  auto j = judge_expecting("api_error", message_start() + kOverloaded);
  ASSERT_EQ(failing(j.findings), 1u) << dump(j.findings);
  const Finding* f = find(j.findings, "stream-error", "another type than the expected one");
  ASSERT_NE(f, nullptr) << dump(j.findings);
  EXPECT_EQ(f->severity, Severity::Breaking);
  EXPECT_EQ(f->expected, "an in-band error of type api_error");
  EXPECT_EQ(f->actual, "overloaded_error");
  EXPECT_EQ(f->pointer, "/events/1/data/error/type");
}

TEST(ExpectedStreamError, ACompleteStreamWithoutErrorFails) {
  auto j = judge_expecting("overloaded_error", valid_text_stream());
  ASSERT_EQ(failing(j.findings), 1u) << dump(j.findings);
  const Finding* f = find(j.findings, "stream-error", "it ended normally with message_stop");
  ASSERT_NE(f, nullptr) << dump(j.findings);
  EXPECT_EQ(f->expected, "an in-band error of type overloaded_error");
}

TEST(ExpectedStreamError, AStreamThatJustStopsFailsTwice) {
  // No terminal event at all: the grammar's finding (no message_stop or error) and the missing error.
  auto j = judge_expecting("overloaded_error", message_start() + text_start(0) + text_delta(0, "a"));
  EXPECT_NE(find(j.findings, "stream-error", "no error event arrived"), nullptr) << dump(j.findings);
  EXPECT_NE(find(j.findings, "stream-grammar", "without"), nullptr) << dump(j.findings);
}

TEST(ExpectedStreamError, EventsBeforeTheErrorAreStillJudged) {
  // A delta for a block that was never started, then the expected error: the grammar finding stays.
  auto j = judge_expecting("overloaded_error", message_start() + text_delta(0, "a") + kOverloaded);
  EXPECT_NE(find(j.findings, "stream-grammar", "no block is open"), nullptr) << dump(j.findings);
  EXPECT_EQ(find(j.findings, "stream-error", ""), nullptr) << dump(j.findings);
}

TEST(ExpectedStreamError, WithoutTheExpectationAnErrorStillFails) {
  auto j = judge_text(message_start() + kOverloaded);
  const Finding* f = find(j.findings, "stream-error", "the stream ended with an in-band error: overloaded_error");
  ASSERT_NE(f, nullptr) << dump(j.findings);
  EXPECT_EQ(f->severity, Severity::Breaking);
}

}  // namespace
}  // namespace ac::test
