#include "util/json_render.hpp"

#include <gtest/gtest.h>

namespace ac {
namespace {

rapidjson::Document parse(const std::string& json) {
  rapidjson::Document d;
  d.Parse(json.c_str(), json.size());
  EXPECT_FALSE(d.HasParseError()) << json;
  return d;
}

TEST(ToJson, WholeValueIsCompactJson) {
  EXPECT_EQ(to_json(parse(R"({ "a" : [1, 2.5, "x"], "b": null })")), R"({"a":[1,2.5,"x"],"b":null})");
}

TEST(JsonExcerpt, CutsAtTheLimitWithTheMarker) {
  const auto d = parse(R"({"text":"abcdefghijklmnopqrstuvwxyz"})");
  EXPECT_EQ(json_excerpt(d, 10, "…"), R"({"text":"a…)");
  EXPECT_EQ(json_excerpt(d, 10, "..."), R"({"text":"a...)");
  EXPECT_EQ(json_excerpt(d, std::string::npos, "…"), R"({"text":"abcdefghijklmnopqrstuvwxyz"})") << "no limit";
}

TEST(JsonExcerpt, ValueOfExactlyTheLimitIsNotCut) {
  const auto d = parse(R"("abcdef")");  // 8 bytes with its quotes
  EXPECT_EQ(json_excerpt(d, 8, "..."), R"("abcdef")");
  EXPECT_EQ(json_excerpt(d, 7, "..."), R"("abcdef...)");
}

TEST(JsonExcerpt, NeverCutsInsideACharacter) {
  const auto d = parse("\"\xC3\xA9\xC3\xA9\xC3\xA9\"");  // "ééé": 8 bytes
  // Byte 4 is the middle of the second é: the cut moves back to the character boundary.
  EXPECT_EQ(json_excerpt(d, 4, "..."), "\"\xC3\xA9...");
}

TEST(JsonExcerpt, KeepsOnlyThePrefixOfAHugeValue) {
  rapidjson::Document d;
  d.SetArray();
  for (int i = 0; i < 100000; ++i) d.PushBack(i, d.GetAllocator());
  EXPECT_EQ(json_excerpt(d, 12, "…"), "[0,1,2,3,4,5…");
}

TEST(JsonQuote, EscapesLikeJson) {
  EXPECT_EQ(json_quote("plain"), R"("plain")");
  EXPECT_EQ(json_quote("a\"b\\c\nd\te"), R"("a\"b\\c\nd\te")");
  EXPECT_EQ(json_quote(std::string("nul\0x", 5)), R"("nul\u0000x")");
  EXPECT_EQ(json_quote("é"), "\"é\"") << "UTF-8 stays as written";
}

TEST(JsonTypeName, NamesTheSchemaTypes) {
  EXPECT_STREQ(json_type_name(parse("null")), "null");
  EXPECT_STREQ(json_type_name(parse("true")), "boolean");
  EXPECT_STREQ(json_type_name(parse("false")), "boolean");
  EXPECT_STREQ(json_type_name(parse("3")), "integer");
  EXPECT_STREQ(json_type_name(parse("-3")), "integer");
  EXPECT_STREQ(json_type_name(parse("18446744073709551615")), "integer");
  EXPECT_STREQ(json_type_name(parse("3.5")), "number");
  EXPECT_STREQ(json_type_name(parse("1e10")), "number");
  EXPECT_STREQ(json_type_name(parse("\"s\"")), "string");
  EXPECT_STREQ(json_type_name(parse("[]")), "array");
  EXPECT_STREQ(json_type_name(parse("{}")), "object");
}

}  // namespace
}  // namespace ac
