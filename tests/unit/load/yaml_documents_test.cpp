// load/yaml_documents.hpp: every document parsed once, with the nodes YAML::LoadAll builds
// (compared node by node, marks included), and the stuck document LoadAll loops on reported.
#include "load/yaml_documents.hpp"

#include <gtest/gtest.h>

namespace ac {
namespace {

// The same tree: types, scalars, tags, styles, marks, in order.
void expect_same(const YAML::Node& a, const YAML::Node& b, const std::string& where) {
  ASSERT_EQ(a.Type(), b.Type()) << where;
  EXPECT_EQ(a.Tag(), b.Tag()) << where;
  EXPECT_EQ(a.Style(), b.Style()) << where;
  EXPECT_EQ(a.Mark().pos, b.Mark().pos) << where;
  EXPECT_EQ(a.Mark().line, b.Mark().line) << where;
  EXPECT_EQ(a.Mark().column, b.Mark().column) << where;
  if (a.IsScalar()) EXPECT_EQ(a.Scalar(), b.Scalar()) << where;
  if (a.IsSequence()) {
    ASSERT_EQ(a.size(), b.size()) << where;
    for (std::size_t i = 0; i < a.size(); ++i) expect_same(a[i], b[i], where + "/" + std::to_string(i));
  }
  if (a.IsMap()) {
    ASSERT_EQ(a.size(), b.size()) << where;
    auto ia = a.begin();
    auto ib = b.begin();
    for (; ia != a.end(); ++ia, ++ib) {
      expect_same(ia->first, ib->first, where + "/key");
      expect_same(ia->second, ib->second, where + "/" + ia->first.Scalar());
    }
  }
}

void expect_as_load_all(const std::string& text) {
  bool stuck = true;
  YAML::Mark at;
  const std::vector<YAML::Node> ours = load_documents(text, stuck, at);
  const std::vector<YAML::Node> theirs = YAML::LoadAll(text);
  EXPECT_FALSE(stuck) << text;
  ASSERT_EQ(ours.size(), theirs.size()) << text;
  for (std::size_t i = 0; i < ours.size(); ++i) expect_same(ours[i], theirs[i], text + " #" + std::to_string(i));
}

TEST(YamlDocuments, BuildsTheNodesLoadAllBuilds) {
  expect_as_load_all("id: messages.basic\ntitle: \"A title\"\nrequest:\n  body:\n    max_tokens: 16\n");
  expect_as_load_all("list:\n  - a\n  - {b: 1, c: [2, 3]}\n  - ~\n  -\nempty:\ntagged: !!str 12\n");
  expect_as_load_all("first: 1\n---\nsecond: [x, y]\n---\n- third\n");
  expect_as_load_all("text: |\n  two\n  lines\nfolded: >\n  one\n  line\nquoted: 'it''s'\n");
  expect_as_load_all("base: &b {x: 1}\nuse: *b\nlist: [&i 1, *i]\n? [complex, key]\n: value\n");
  expect_as_load_all("");
  expect_as_load_all("---\n...\n");
  expect_as_load_all("a: 1\n--- ~\n---\nb: 2\n");  // null and empty documents stay in the list
}

TEST(YamlDocuments, AnAliasIsTheSameNodeAsItsAnchor) {
  bool stuck = false;
  YAML::Mark at;
  const auto docs = load_documents("base: &b {x: 1}\nuse: *b\n", stuck, at);
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_TRUE(docs[0]["use"].is(docs[0]["base"]));
  EXPECT_EQ(docs[0]["use"]["x"].as<int>(), 1);
}

TEST(YamlDocuments, AStuckDocumentStartEndsTheParseWhereLoadAllLoopsForever) {
  bool stuck = false;
  YAML::Mark at;
  const auto docs = load_documents("id: x\n---\n, \"usage\": 1\n", stuck, at);
  EXPECT_TRUE(stuck);
  EXPECT_TRUE(docs.empty());
  EXPECT_EQ(at.line, 2);
}

TEST(YamlDocuments, ASyntaxErrorThrowsWithItsMark) {
  bool stuck = false;
  YAML::Mark at;
  try {
    load_documents("a: [1, 2\nb: 3\n", stuck, at);
    FAIL() << "no exception";
  } catch (const YAML::ParserException& e) {
    EXPECT_GE(e.mark.line, 0);
  }
}

}  // namespace
}  // namespace ac
