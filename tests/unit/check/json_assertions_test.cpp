#include "check/json_assertions.hpp"

#include <gtest/gtest.h>

#include "model/expected_value.hpp"

namespace ac {
namespace {

rapidjson::Document parse(const char* text) {
  rapidjson::Document d;
  d.Parse(text);
  return d;
}

JsonExpectation make(const std::string& pointer, JsonCheckKind kind, const std::string& value = "") {
  JsonExpectation a;
  a.pointer = pointer;
  a.kind = kind;
  a.value = value;
  return a;
}

Findings run(const JsonExpectation& a, const char* doc) {
  Findings out;
  check_json_assertions({a}, parse(doc), "json", "", out);
  return out;
}

const char* kMessage =
    R"({"id":"msg_1","type":"message","content":[{"type":"text","text":"héllo"}],"usage":{"output_tokens":5,"ratio":0.5},"stop_sequence":null})";

TEST(JsonAssertions, EqualsPassesOnSameValueAndComparesNumbersByValue) {
  EXPECT_TRUE(run(make("/type", JsonCheckKind::Equals, "\"message\""), kMessage).empty());
  EXPECT_TRUE(run(make("/usage/output_tokens", JsonCheckKind::Equals, "5.0"), kMessage).empty());
  EXPECT_TRUE(run(make("/stop_sequence", JsonCheckKind::Equals, "null"), kMessage).empty());
}

TEST(JsonAssertions, EqualsFailsWithExpectedActualAndPointer) {
  Findings f = run(make("/type", JsonCheckKind::Equals, "\"chat.completion\""), kMessage);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].pointer, "/type");
  EXPECT_EQ(f[0].expected, "\"chat.completion\"");
  EXPECT_EQ(f[0].actual, "\"message\"");
  EXPECT_EQ(f[0].check, "json");
}

TEST(JsonAssertions, MatchesSearchesStringsAndRejectsNonStrings) {
  EXPECT_TRUE(run(make("/id", JsonCheckKind::Matches, "^msg_"), kMessage).empty());
  EXPECT_EQ(run(make("/id", JsonCheckKind::Matches, "^chatcmpl-"), kMessage).size(), 1u);
  Findings f = run(make("/usage/output_tokens", JsonCheckKind::Matches, "5"), kMessage);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_NE(f[0].message.find("expected a string"), std::string::npos);
}

TEST(JsonAssertions, TypeAcceptsListsAndIntegerIsANumber) {
  EXPECT_TRUE(run(make("/usage/output_tokens", JsonCheckKind::Type, "[\"integer\"]"), kMessage).empty());
  EXPECT_TRUE(run(make("/usage/output_tokens", JsonCheckKind::Type, "[\"number\"]"), kMessage).empty());
  EXPECT_TRUE(run(make("/stop_sequence", JsonCheckKind::Type, "[\"string\",\"null\"]"), kMessage).empty());
  Findings f = run(make("/usage/ratio", JsonCheckKind::Type, "[\"integer\"]"), kMessage);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].expected, "integer");
}

TEST(JsonAssertions, OneOfPassesOnAMemberAndFailsOtherwise) {
  EXPECT_TRUE(run(make("/type", JsonCheckKind::OneOf, R"(["error","message"])"), kMessage).empty());
  Findings f = run(make("/type", JsonCheckKind::OneOf, R"(["error"])"), kMessage);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].expected, R"(one of ["error"])");
}

TEST(JsonAssertions, RangeIsInclusive) {
  auto a = make("/usage/output_tokens", JsonCheckKind::Range);
  a.min = 5;
  a.max = 5;
  EXPECT_TRUE(run(a, kMessage).empty());
  a.min = 6;
  a.max.reset();
  Findings f = run(a, kMessage);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].expected, ">= 6");
  EXPECT_EQ(f[0].actual, "5");
}

TEST(JsonAssertions, LengthCountsCharactersElementsAndMembers) {
  auto a = make("/content/0/text", JsonCheckKind::Length);
  a.min = a.max = 5;  // "héllo" is 5 characters, 6 bytes
  EXPECT_TRUE(run(a, kMessage).empty());
  auto b = make("/content", JsonCheckKind::Length);
  b.min = 2;
  EXPECT_EQ(run(b, kMessage).size(), 1u);
  auto c = make("/usage", JsonCheckKind::Length);
  c.max = 2;
  EXPECT_TRUE(run(c, kMessage).empty());
}

TEST(JsonAssertions, ExistsAndAbsent) {
  EXPECT_TRUE(run(make("/usage", JsonCheckKind::Exists), kMessage).empty());
  EXPECT_EQ(run(make("/choices", JsonCheckKind::Exists), kMessage).size(), 1u);
  EXPECT_TRUE(run(make("/choices", JsonCheckKind::Absent), kMessage).empty());
  Findings f = run(make("/id", JsonCheckKind::Absent), kMessage);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].actual, "\"msg_1\"");
}

TEST(JsonAssertions, MissingPointerIsOneClearFinding) {
  Findings f = run(make("/usage/input_tokens", JsonCheckKind::Equals, "3"), kMessage);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].actual, "absent");
}

TEST(JsonAssertions, PrefixIsPutBeforePointers) {
  Findings out;
  check_json_assertions({make("/type", JsonCheckKind::Equals, "\"x\"")}, parse(kMessage), "stream-folded", "/folded", out);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].pointer, "/folded/type");
  EXPECT_EQ(out[0].check, "stream-folded");
}

}  // namespace
}  // namespace ac

namespace ac {
namespace {

TEST(JsonAssertions, AFailureTakesTheSeverityTheCaseGives) {
  auto a = make("/model", JsonCheckKind::Equals, "\"claude-x\"");
  a.severity = Severity::Cosmetic;
  Findings f = run(a, R"({"model":"claude-y"})");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].severity, Severity::Cosmetic);
}

TEST(JsonAssertions, JudgesTheValueReadAtPlanningNotTheText) {
  // Planning read the value (read_expected_value); the check does not read the text again.
  JsonExpectation a = make("/type", JsonCheckKind::Equals, "\"message\"");
  read_expected_value(a);
  a.value = "text no longer read";
  EXPECT_TRUE(run(a, kMessage).empty());
  JsonExpectation t = make("/usage/output_tokens", JsonCheckKind::Type, "\"integer\"");
  read_expected_value(t);
  t.value = "[\"string\"]";
  EXPECT_TRUE(run(t, kMessage).empty());
  JsonExpectation o = make("/type", JsonCheckKind::OneOf, "[\"message\", \"error\"]");
  read_expected_value(o);
  o.value = "not a list";
  EXPECT_TRUE(run(o, kMessage).empty());
}

}  // namespace
}  // namespace ac
