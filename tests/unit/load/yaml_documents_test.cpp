// load/yaml_documents.hpp: every document parsed once by libyaml's event parser, into the nodes
// YAML::LoadAll builds (compared node by node, marks included) for every YAML file of the
// repository and for snippets of each construct; syntax errors located and never a hang.
#include "load/yaml_documents.hpp"

#include <gtest/gtest.h>

#include <filesystem>

#include "support/run_binary.hpp"

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
  if (a.IsScalar()) {
    EXPECT_EQ(a.Scalar(), b.Scalar()) << where;
  }
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
      expect_same(ia->second, ib->second, where + "/" + (ia->first.IsScalar() ? ia->first.Scalar() : "?"));
    }
  }
}

void expect_as_load_all(const std::string& text, const std::string& name = "") {
  const std::string where = name.empty() ? text : name;
  std::vector<YAML::Node> ours;
  ASSERT_NO_THROW(ours = load_documents(text)) << where;
  const std::vector<YAML::Node> theirs = YAML::LoadAll(text);
  ASSERT_EQ(ours.size(), theirs.size()) << where;
  for (std::size_t i = 0; i < ours.size(); ++i) expect_same(ours[i], theirs[i], where + " #" + std::to_string(i));
}

// The mark of the error load_documents throws, 1-based, and its message.
struct Error {
  int line = 0, column = 0;
  std::string message;
};
Error error_of(const std::string& text) {
  try {
    load_documents(text);
  } catch (const YAML::ParserException& e) {
    return Error{e.mark.line + 1, e.mark.column + 1, e.msg};
  }
  ADD_FAILURE() << "no exception: " << text;
  return {};
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

TEST(YamlDocuments, BuildsTheNodesLoadAllBuildsForEveryYamlFileOfTheRepository) {
  namespace fs = std::filesystem;
  const fs::path root = test::source_dir();
  std::size_t files = 0;
  for (auto it = fs::recursive_directory_iterator(root); it != fs::recursive_directory_iterator(); ++it) {
    const std::string name = it->path().filename().string();
    if (it->is_directory() && (name.rfind("build", 0) == 0 || name[0] == '.' || fs::exists(it->path() / "CMakeCache.txt"))) {
      it.disable_recursion_pending();  // build trees hold copies
      continue;
    }
    const std::string ext = it->path().extension().string();
    if (!it->is_regular_file() || (ext != ".yaml" && ext != ".yml")) continue;
    ++files;
    const std::string relative = fs::relative(it->path(), root).string();
    if (relative == "fuzz/seeds/case_loader/recursive-alias.yaml") {  // a cycle yaml-cpp builds, refused here
      EXPECT_THROW(load_documents(test::read_file(it->path().string())), YAML::ParserException);
      continue;
    }
    expect_as_load_all(test::read_file(it->path().string()), relative);
  }
  // cases/, providers/, harness/sim/dialects/ and upstreams/, tests' data, fuzz seeds, ci, action.yml
  EXPECT_GE(files, 45u);
}

TEST(YamlDocuments, BlockScalarsWithEveryChompingAndIndentation) {
  expect_as_load_all("a: |\n  one\n  two\n\nb: x\n");
  expect_as_load_all("keep: |+\n  one\n\n\nstrip: |-\n  one\n\nclip: |\n  one\n\n");
  expect_as_load_all("keep: >+\n  one\n  two\n\n  three\nstrip: >-\n  a\n   more indented\n  b\n");
  expect_as_load_all("indicator: |2\n    leading spaces\n  x\nlast: |\n  no newline at the end");
  expect_as_load_all("- |\n  in a list\n- >\n  folded\n  list item\n- |-\n");
  expect_as_load_all("a: |  # comment after the indicator\n  text\n");
}

TEST(YamlDocuments, MultiLinePlainAndQuotedScalarsWithEscapes) {
  expect_as_load_all("a: one\n  two\n\n  three\nb: x\n");
  expect_as_load_all("a: \"one\n  two\\\n  three\\n\\t\\\"q\\\" \\\\ \\x41 \\u00e9 \\U0001F600 \\/\"\n");
  expect_as_load_all("a: 'one\n\n  two '' three'\nb: \"\"\nc: ''\n");
  expect_as_load_all("a: \"\\0\\a\\b\\e\\f\\r\\v\\L\\P\\ \"\n");
  expect_as_load_all("url: http://example.com/a#b\nratio: 1:2\nhash: a#b # comment\n");
}

TEST(YamlDocuments, FlowCollections) {
  expect_as_load_all("a: [1, [2, 3], {b: c}, \"d\", 'e', ]\nb: {x: 1, y: [], z: {}, }\n");
  expect_as_load_all("a: [\n  1,\n  2\n]\nb: {\n  x: 1,\n  y: 2\n}\n");
  expect_as_load_all("a: {x, y: , z: 1}\nb: [k: v, \"q\": 1]\n");
  expect_as_load_all("[a, b]\n");
  expect_as_load_all("{a: 1}\n");
}

TEST(YamlDocuments, EmptyValuesAreMarkedAtTheNextToken) {
  expect_as_load_all("a:\nb:\n  c:\n  # comment\n\n  d:\ne:");
  expect_as_load_all("- \n-\n- a\n-");
  expect_as_load_all("a:\n  -\n  - b:\n    c:\n");
  expect_as_load_all("? a\n? b\n: c\n");
  expect_as_load_all("{? a, b: }\n");
  expect_as_load_all("{? a}\n");
  expect_as_load_all("? a\n? b, c:\n");  // the second key is a mapping; its value is left out
  expect_as_load_all("a: &x\nb: !!str\nc: !!null\nd: &y ~\n");
}

TEST(YamlDocuments, DocumentMarkersCommentsAndEmptyDocuments) {
  expect_as_load_all("# only a comment\n");
  expect_as_load_all("---\n");
  expect_as_load_all("--- a\n--- b\n...\n--- c\n");
  expect_as_load_all("# c\n---\n# c\na: 1 # c\n# c\n...\n# c\n---\n...\n");
  expect_as_load_all("%YAML 1.1\n---\na: 1\n");
  expect_as_load_all("%TAG !e! tag:example.com,2000:\n---\na: !e!thing x\n");
  expect_as_load_all("--- |\n  text\n--- >\n  more\n");
}

TEST(YamlDocuments, AnchorsAliasesTagsAndMergeKeys) {
  expect_as_load_all("base: &b {x: 1}\nuse: *b\nkey: &k name\n*k : v\n");
  expect_as_load_all("a: &a 1\nb: *a\nc: &a 2\nd: *a\n");  // a redefined anchor: the later one
  expect_as_load_all("base: &base {a: 1}\nderived:\n  <<: *base\n  b: 2\n");
  expect_as_load_all("a: !!str 1\nb: !!int 2\nc: !local x\nd: !<tag:example.com,2000:x> y\ne: ! z\nf: !!map {}\n"
                     "g: !!seq []\nh: !t &n v\ni: &m !t w\nj: !!str\nk: !!null null\nl: !!binary aGk=\n");
  expect_as_load_all("a: null\nb: Null\nc: NULL\nd: ~\ne: 'null'\nf: nulls\ng: &n null\n");
}

TEST(YamlDocuments, Utf8ByteOrderMarkAndCrLf) {
  expect_as_load_all("a: é\nb: x\nc: [日本, 語]\n\"ключ\": значение # коммент\nd: 😀 e\n");
  expect_as_load_all("\xEF\xBB\xBF" "a: é\nb: x\n");
  expect_as_load_all("a: 1\r\nb:\r\n  - x\r\n  - \"y\r\n  z\"\r\nc: |\r\n  t\r\n  u\r\nd:\r\n");
  expect_as_load_all("\xEF\xBB\xBF" "a:\r\n  b: é\r\n");
}

// Valid input on which yaml-cpp 0.7 is wrong and libyaml follows the spec (YAML 1.2.2, and 1.1
// the same); docs/case-format.md, section "YAML".
TEST(YamlDocuments, WhereYamlCppDepartsFromTheSpecLibyamlIsFollowed) {
  // Keep chomping (`+`) keeps every trailing line break of a folded scalar too (spec 8.1.1.2);
  // yaml-cpp drops one.
  auto docs = load_documents("keep: >+\n  one\n  two\n\n  three\n\n\nnext: x\n");
  EXPECT_EQ(docs.at(0)["keep"].Scalar(), "one two\nthree\n\n\n");
  EXPECT_EQ(YAML::Load("keep: >+\n  one\n  two\n\n  three\n\n\nnext: x\n")["keep"].Scalar(), "one two\nthree\n\n");
  // `\N` and `\_` are U+0085 and U+00A0 (spec 5.7), written as UTF-8; yaml-cpp writes the bare
  // bytes 0x85 and 0xA0, which are not UTF-8.
  docs = load_documents("a: \"\\N\\_\"\n");
  EXPECT_EQ(docs.at(0)["a"].Scalar(), "\xC2\x85\xC2\xA0");
  // A lone CR is a line break (spec 5.4): two lines, folded into one space.
  docs = load_documents("a: \"one\rtwo\"\n");
  EXPECT_EQ(docs.at(0)["a"].Scalar(), "one two");
  // `?` and `"` inside a plain scalar in a flow collection are text (spec 7.3.3); yaml-cpp refuses.
  docs = load_documents("tags: [covers:errors.?version, what?\"]\n");
  EXPECT_EQ(docs.at(0)["tags"][0].Scalar(), "covers:errors.?version");
  EXPECT_EQ(docs.at(0)["tags"][1].Scalar(), "what?\"");
  EXPECT_THROW(YAML::Load("tags: [covers:errors.?version, what?\"]\n"), YAML::ParserException);
  // An explicit key left empty is a null key (spec 8.2.2); yaml-cpp makes it a map.
  docs = load_documents("? \n: c\n");
  ASSERT_EQ(docs.at(0).size(), 1u);
  EXPECT_TRUE(docs.at(0).begin()->first.IsNull());
  EXPECT_EQ(docs.at(0).begin()->second.Scalar(), "c");
  // A node that is only a tag is empty text (spec 6.9.1 and 7.2), at the end of the text too,
  // where yaml-cpp makes it null (elsewhere it agrees).
  docs = load_documents("a: 1\n--- !!str");
  ASSERT_TRUE(docs.at(1).IsScalar());
  EXPECT_EQ(docs.at(1).Scalar(), "");
  EXPECT_EQ(docs.at(1).Tag(), "tag:yaml.org,2002:str");
  EXPECT_TRUE(YAML::LoadAll("a: 1\n--- !!str").at(1).IsNull());
  // Not YAML at all, which yaml-cpp accepts: an unterminated quoted scalar, bytes that are not
  // UTF-8 (TextThatIsNotUtf8IsAnErrorAtItsByte), a line that is neither key nor item.
  EXPECT_EQ(error_of("a: \"open\n").line, 2);
  EXPECT_EQ(error_of("a: 1\nb\n").line, 3);
}

// YAML 1.2 allows these and libyaml, a YAML 1.1 parser, refuses them: each is now a located
// syntax error (none appears in the suite; quoting the scalar is the way round).
TEST(YamlDocuments, WhereLibyamlKeepsToYaml11ItRefusesWithALocatedError) {
  EXPECT_EQ(error_of("tags: [covers:, x]\n").line, 1);       // `:` ending a flow plain scalar
  EXPECT_EQ(error_of("tags: [a, :b]\n").line, 1);             // a flow plain scalar starting with `:`
  EXPECT_EQ(error_of("a: &a/b x\n").line, 1);                 // an anchor name with `/`
  EXPECT_EQ(error_of(": v\n").line, 1);                       // an empty implicit key
  for (const char* valid : {"tags: [covers:, x]\n", "tags: [a, :b]\n", "a: &a/b x\n"})
    EXPECT_NO_THROW(YAML::LoadAll(valid)) << valid;
}

TEST(YamlDocuments, AnAliasIsTheSameNodeAsItsAnchor) {
  const auto docs = load_documents("base: &b {x: 1}\nuse: *b\n");
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_TRUE(docs[0]["use"].is(docs[0]["base"]));
  EXPECT_EQ(docs[0]["use"]["x"].as<int>(), 1);
}

TEST(YamlDocuments, AnAliasToAnUnknownAnchorIsAnError) {
  const Error e = error_of("a: 1\nb: *nowhere\n");
  EXPECT_EQ(e.line, 2);
  EXPECT_EQ(e.column, 4);
  EXPECT_NE(e.message.find("nowhere"), std::string::npos) << e.message;
  // Anchors belong to their document.
  EXPECT_EQ(error_of("a: &x 1\n---\nb: *x\n").line, 3);
}

// `levels` anchors, each a list of ten aliases of the one before: 10^levels scalars.
std::string laughs(int levels) {
  std::string yaml = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n";
  for (int i = 1; i < levels; ++i) {
    const std::string prev = "*a" + std::to_string(i - 1);
    yaml += "a" + std::to_string(i) + ": &a" + std::to_string(i) + " [" + prev;
    for (int k = 1; k < 10; ++k) yaml += ", " + prev;
    yaml += "]\n";
  }
  return yaml;
}

TEST(YamlDocuments, AliasesThatExpandPastAMillionNodesAreALocatedError) {
  EXPECT_NO_THROW(load_documents(laughs(5)));  // 123,461 nodes
  const Error e = error_of(laughs(9));         // a billion
  // Where the millionth node is passed: a5's eighth alias (each of a4 stands for 111,111 nodes).
  EXPECT_EQ(e.line, 6);
  EXPECT_EQ(e.column, 45);
  EXPECT_EQ(e.message, "this document's aliases expand it to more than 1000000 nodes");
  // Each document has its own count.
  EXPECT_NO_THROW(load_documents(laughs(5) + "---\n" + laughs(5) + "---\n" + laughs(5)));
}

TEST(YamlDocuments, AnAliasInsideTheNodeItNamesIsALocatedError) {
  // Two aliases of their own list: a walk of 200 levels would take 2^200 steps.
  Error e = error_of("json: &j [*j, *j]\n");
  EXPECT_EQ(e.line, 1);
  EXPECT_EQ(e.column, 11);
  EXPECT_EQ(e.message, "the alias *j is inside the node it refers to (a recursive alias)");
  EXPECT_EQ(error_of("a: &m {b: {c: [1, *m]}}\n").column, 19);
  // A later anchor of the same name is the one an alias names, as in yaml-cpp: no cycle here.
  const auto docs = load_documents("a: &x [&x 1, *x]\n");
  EXPECT_EQ(docs[0]["a"][1].as<int>(), 1);
  expect_as_load_all("a: &x [&x 1, *x]\n");
}

TEST(YamlDocuments, AStrayCommaBeforeAnyNodeIsALocatedErrorNotAHang) {
  // yaml-cpp 0.7's LoadAll loops forever on these; libyaml refuses them at the comma.
  Error e = error_of("id: x\n---\n, \"usage\": 1\n");
  EXPECT_EQ(e.line, 3);
  EXPECT_EQ(e.column, 1);
  e = error_of(", \"usage\": ");
  EXPECT_EQ(e.line, 1);
  EXPECT_EQ(e.column, 1);
}

TEST(YamlDocuments, ASyntaxErrorThrowsWithLibyamlsProblemAndWhereItsContextStarts) {
  const Error e = error_of("a: [1, 2\nb: 3\n");
  EXPECT_EQ(e.line, 2);
  EXPECT_EQ(e.column, 2);
  EXPECT_EQ(e.message, "did not find expected ',' or ']' (while parsing a flow sequence that starts at line 1, column 4)");
}

TEST(YamlDocuments, TextThatIsNotUtf8IsAnErrorAtItsByte) {
  const Error e = error_of("a: 1\nb: caf\xe9\n");
  EXPECT_EQ(e.line, 2);
  EXPECT_EQ(e.column, 7);
  EXPECT_NE(e.message.find("UTF-8"), std::string::npos) << e.message;
}

TEST(YamlDocuments, NestingDeeperThanYamlCppAllowsIsAnErrorNotAStackOfAMillion) {
  EXPECT_NO_THROW(load_documents(std::string(498, '[') + std::string(498, ']')));
  EXPECT_THROW(YAML::LoadAll(std::string(500, '[') + std::string(500, ']')), YAML::ParserException);
  const Error e = error_of(std::string(500, '[') + std::string(500, ']'));
  EXPECT_EQ(e.line, 1);
  EXPECT_EQ(e.column, 500);
  EXPECT_NE(e.message.find("nesting"), std::string::npos) << e.message;
  EXPECT_EQ(error_of(std::string(1000000, '[')).column, 500);
}

}  // namespace
}  // namespace ac
