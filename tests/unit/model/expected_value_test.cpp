// model/expected_value.hpp: an assertion's expected value read once by its kind.
#include "model/expected_value.hpp"

#include <gtest/gtest.h>

namespace ac {
namespace {

TEST(ExpectedValue, EqualsAndOneOfHoldTheParsedJson) {
  const ExpectedValue e = read_expected_value(JsonCheckKind::Equals, R"({"type":"message"})");
  EXPECT_TRUE(e.read);
  ASSERT_TRUE(e.json);
  EXPECT_STREQ((*e.json)["type"].GetString(), "message");
  const ExpectedValue list = read_expected_value(JsonCheckKind::OneOf, R"(["end_turn", "max_tokens"])");
  ASSERT_TRUE(list.json);
  EXPECT_EQ(list.json->Size(), 2u);
}

TEST(ExpectedValue, TextThatIsNotJsonLeavesNoValue) {
  const ExpectedValue e = read_expected_value(JsonCheckKind::Equals, "not json");
  EXPECT_TRUE(e.read);
  EXPECT_FALSE(e.json);
}

TEST(ExpectedValue, TypeNamesFromAStringOrAList) {
  EXPECT_EQ(read_expected_value(JsonCheckKind::Type, R"("string")").types, std::vector<std::string>{"string"});
  EXPECT_EQ(read_expected_value(JsonCheckKind::Type, R"(["integer", 3, "null"])").types,
            (std::vector<std::string>{"integer", "null"}))
      << "what is not a name is left out";
  EXPECT_TRUE(read_expected_value(JsonCheckKind::Type, "[oops").types.empty());
}

TEST(ExpectedValue, SameAsHeaderNamesTheHeader) {
  EXPECT_EQ(read_expected_value(JsonCheckKind::SameAsHeader, R"("request-id")").header, "request-id");
  EXPECT_EQ(read_expected_value(JsonCheckKind::SameAsHeader, "request-id").header, "request-id");
}

TEST(ExpectedValue, ReadsIntoTheAssertion) {
  JsonExpectation a;
  a.kind = JsonCheckKind::Equals;
  a.value = "5";
  read_expected_value(a);
  ASSERT_TRUE(a.expected.read && a.expected.json);
  EXPECT_EQ(a.expected.json->GetInt(), 5);
}

}  // namespace
}  // namespace ac
