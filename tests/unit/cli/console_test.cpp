#include <sstream>
#include <string>

#include <gtest/gtest.h>

#include "cli/console.hpp"

namespace ac {
namespace {

std::size_t count(const std::string& text, const std::string& needle) {
  std::size_t n = 0;
  for (std::size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) ++n;
  return n;
}

Result passing(int repeat) {
  Result r;
  r.case_id = "basic.text";
  r.provider = "reference";
  r.repeat = repeat;
  return r;
}

// A fast endpoint finishes thousands of requests a second: the terminal's progress line is
// redrawn at most 20 times a second, not once per result, and always shows the first result and
// the end.
TEST(ConsoleProgress, TerminalLineIsRedrawnAtMostTwentyTimesASecond) {
  std::ostringstream out;
  ConsoleOptions options;
  options.tty = true;
  Console console(out, options);
  console.begin(2000);
  for (int i = 0; i < 2000; ++i) console.on_result(passing(i));
  const std::string text = out.str();
  std::size_t lines = count(text, "basic.text @ reference");
  EXPECT_GE(lines, 1u);
  EXPECT_LT(lines, 200u) << "a redraw per result (2000) or close to it";
  EXPECT_NE(text.find("[   1/2000] 1 pass"), std::string::npos) << text.substr(0, 200);
  EXPECT_NE(text.find("[2000/2000] 2000 pass"), std::string::npos);
  EXPECT_EQ(text.substr(text.size() - 4), "\r\033[K") << "the line is cleared at the end";
}

TEST(ConsoleProgress, WithoutATerminalOnlyProblemsGetALine) {
  std::ostringstream out;
  Console console(out, ConsoleOptions{});
  console.begin(3);
  console.on_result(passing(0));
  Result failed = passing(1);
  failed.verdict = Verdict::Fail;
  console.on_result(failed);
  console.on_result(passing(2));
  EXPECT_EQ(out.str(), "running 3 jobs\nFAIL basic.text @ reference\n");
}

Result skipped() {
  Result r = passing(0);
  r.case_id = "skipped.case";
  r.verdict = Verdict::Skip;
  return r;
}

// Results decided without sending (skipped, unsupported) come first and are not work done: the
// count, the rate and the ETA are of the requests sent.
TEST(ConsoleProgress, NotSentResultsAreNotCountedAsWorkDone) {
  std::ostringstream out;
  ConsoleOptions options;
  options.tty = true;
  Console console(out, options);
  console.begin(3, 2);
  console.on_result(skipped());  // drawn: the first result
  console.on_result(skipped());
  console.on_result(passing(0));  // drawn: the last one
  const std::string text = out.str();
  EXPECT_NE(text.find("[0/1] 0 pass, 0 fail, 0 error, 1 not sent"), std::string::npos) << text;
  EXPECT_NE(text.find("[1/1] 1 pass, 0 fail, 0 error, 2 not sent | "), std::string::npos) << text;
}

TEST(ConsoleProgress, TheTerminalLineShowsElapsedRateInFlightAndEta) {
  std::ostringstream out;
  ConsoleOptions options;
  options.tty = true;
  Console console(out, options);
  console.begin(4);
  console.set_in_flight(3);
  console.on_result(passing(0));
  const std::string text = out.str();
  // "0 s, <rate>/s, 3 in flight, ETA <n> s": the rate and the ETA depend on the clock, their
  // presence does not.
  EXPECT_NE(text.find("[1/4] 1 pass, 0 fail, 0 error | 0 s, "), std::string::npos) << text;
  EXPECT_NE(text.find("/s, 3 in flight, ETA "), std::string::npos) << text;
  EXPECT_NE(text.find(" | basic.text @ reference"), std::string::npos) << text;
}

TEST(ConsoleProgress, ANoteClearsTheProgressLineAndStandsOnItsOwn) {
  std::ostringstream out;
  ConsoleOptions options;
  options.tty = true;
  Console console(out, options);
  console.note("anthropic: at most 4 requests in flight (the profile's concurrency), not --jobs 8");
  EXPECT_EQ(out.str(), "\r\033[Kanthropic: at most 4 requests in flight (the profile's concurrency), not --jobs 8\n");
}

}  // namespace
}  // namespace ac

namespace ac {
namespace {

// A replay sends nothing: its first line says what it judges, not "running N jobs".
TEST(ConsoleProgress, TheFirstLineNamesWhatIsComing) {
  std::ostringstream out;
  ConsoleOptions options;
  options.start_verb = "judging";
  options.item = "recorded exchange";
  Console one(out, options);
  one.begin(1);
  Console eight(out, options);
  eight.begin(8);
  EXPECT_EQ(out.str(), "judging 1 recorded exchange\njudging 8 recorded exchanges\n");
}

}  // namespace
}  // namespace ac
