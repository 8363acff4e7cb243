#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include "schema/pointer.hpp"

namespace ac {
namespace {

TEST(SchemaPointer, AppendEscapesTildeAndSlash) {
  std::string p;
  append_pointer_token(p, "content");
  append_pointer_index(p, 0);
  append_pointer_token(p, "a/b~c");
  EXPECT_EQ(p, "/content/0/a~1b~0c");
}

TEST(SchemaPointer, SplitUnescapes) {
  std::vector<std::string> tokens;
  ASSERT_TRUE(split_pointer("/a~1b/~0x/", tokens));
  EXPECT_EQ(tokens, (std::vector<std::string>{"a/b", "~x", ""}));
  ASSERT_TRUE(split_pointer("", tokens));
  EXPECT_TRUE(tokens.empty());
  EXPECT_FALSE(split_pointer("a/b", tokens));
  EXPECT_FALSE(split_pointer("/bad~2", tokens));
}

TEST(SchemaPointer, ResolveWalksObjectsAndArrays) {
  rapidjson::Document d;
  d.Parse(R"({"a": [{"b/c": 1}, 2], "": 3})");
  ASSERT_NE(resolve_pointer(d, "/a/0/b~1c"), nullptr);
  EXPECT_EQ(resolve_pointer(d, "/a/0/b~1c")->GetInt(), 1);
  EXPECT_EQ(resolve_pointer(d, "/a/1")->GetInt(), 2);
  EXPECT_EQ(resolve_pointer(d, "/")->GetInt(), 3);
  EXPECT_EQ(resolve_pointer(d, ""), &d);
  EXPECT_EQ(resolve_pointer(d, "/a/2"), nullptr);
  EXPECT_EQ(resolve_pointer(d, "/a/01"), nullptr);
  EXPECT_EQ(resolve_pointer(d, "/a/-"), nullptr);
  EXPECT_EQ(resolve_pointer(d, "/x"), nullptr);
}

TEST(SchemaPointer, JoinRelativeStaysUnderTheRoot) {
  std::string out;
  ASSERT_TRUE(join_relative("anthropic/message.json", "common.json", out));
  EXPECT_EQ(out, "anthropic/common.json");
  ASSERT_TRUE(join_relative("anthropic/message.json", "../common.json", out));
  EXPECT_EQ(out, "common.json");
  ASSERT_TRUE(join_relative("a/b/c.json", "./../x/./y.json", out));
  EXPECT_EQ(out, "a/x/y.json");
  EXPECT_FALSE(join_relative("message.json", "../common.json", out));
  EXPECT_FALSE(join_relative("a/message.json", "/etc/passwd", out));
}

TEST(SchemaPointer, PercentDecode) {
  std::string out;
  ASSERT_TRUE(percent_decode("/definitions/a%20b%25", out));
  EXPECT_EQ(out, "/definitions/a b%");
  EXPECT_FALSE(percent_decode("/x%2", out));
  EXPECT_FALSE(percent_decode("/x%zz", out));
}

}  // namespace
}  // namespace ac
