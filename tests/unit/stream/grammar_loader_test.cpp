// Loading a grammar: the real one loads; every mistake is located like a case-file diagnostic.
#include "stream_test_support.hpp"

namespace ac::test {
namespace {

Diagnostics load_text(const std::string& yaml, std::unique_ptr<Grammar>& g) {
  return load_grammar_from_string(yaml, "g.yaml", g);
}

const std::string kMinimal = R"(grammar: tiny
states: [a, b]
start: a
events:
  go:
    after: [a]
    to: b
    terminal: true
)";

TEST(GrammarLoader, TheAnthropicGrammarLoadsAndNamesExistingSchemas) {
  const Grammar& g = anthropic_grammar();
  EXPECT_EQ(g.name, "anthropic-messages");
  EXPECT_EQ(g.events.size(), 8u);
  EXPECT_EQ(g.deltas.size(), 5u);
  EXPECT_EQ(g.unterminated_severity, Severity::Warning);
  auto d = check_grammar_schemas(g, anthropic_schemas());
  for (const auto& x : d) ADD_FAILURE() << format_diagnostic(x);
}

TEST(GrammarLoader, MinimalGrammarLoads) {
  std::unique_ptr<Grammar> g;
  auto d = load_text(kMinimal, g);
  EXPECT_TRUE(d.empty()) << (d.empty() ? "" : d[0].message);
  ASSERT_TRUE(g);
  EXPECT_EQ(g->start, "a");
  EXPECT_EQ(g->allowed_in("a"), std::vector<std::string>{"go"});
}

TEST(GrammarLoader, UnknownKeyIsLocatedWithAHint) {
  std::unique_ptr<Grammar> g;
  auto d = load_text(kMinimal + "    terminl: true\n", g);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_FALSE(g);
  EXPECT_EQ(d[0].where.file, "g.yaml");
  EXPECT_EQ(d[0].where.line, 9);
  EXPECT_EQ(d[0].where.column, 5);
  EXPECT_NE(d[0].message.find("unknown key `terminl`"), std::string::npos);
  EXPECT_NE(d[0].hint.find("terminal"), std::string::npos);
}

TEST(GrammarLoader, UnknownStateIsReportedWhereItIsUsed) {
  std::unique_ptr<Grammar> g;
  std::string y = kMinimal;
  y.replace(y.find("to: b"), 5, "to: bb");
  auto d = load_text(y, g);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].where.line, 7);
  EXPECT_NE(d[0].message.find("state `bb` is not one of `states`"), std::string::npos);
  EXPECT_NE(d[0].hint.find("`b`"), std::string::npos) << d[0].hint;
}

TEST(GrammarLoader, BadPolicyAndSeverityValues) {
  std::unique_ptr<Grammar> g;
  auto d = load_text(kMinimal + "unknown_events: warning\nframing:\n  unnamed_events: fatal\n", g);
  ASSERT_EQ(d.size(), 2u);
  EXPECT_NE(d[0].message.find("must be fail, warn or ignore"), std::string::npos);
  EXPECT_EQ(d[0].hint, "did you mean `warn`?");
  EXPECT_EQ(d[1].where.line, 11);
  EXPECT_NE(d[1].message.find("breaking, cosmetic or warning"), std::string::npos);
}

TEST(GrammarLoader, MissingSectionsAndNoTerminalEvent) {
  std::unique_ptr<Grammar> g;
  auto d = load_text("grammar: x\nstates: [a]\nstart: a\nevents:\n  go:\n    after: [a]\n", g);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_NE(d[0].message.find("no event is `terminal: true`"), std::string::npos);
  d = load_text("grammar: x\n", g);
  ASSERT_EQ(d.size(), 3u);
  EXPECT_NE(d[0].message.find("needs `states`"), std::string::npos);
}

TEST(GrammarLoader, EventWithoutPlaceIsAnError) {
  std::unique_ptr<Grammar> g;
  auto d = load_text(kMinimal + "  stray:\n    schema: x.json\n", g);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].where.line, 10);
  EXPECT_NE(d[0].message.find("needs `after: [states]` or `anywhere: true`"), std::string::npos);
}

TEST(GrammarLoader, FoldOperationsAreCheckedByPlace) {
  std::unique_ptr<Grammar> g;
  auto d = load_text(kMinimal + "    fold:\n      - append: {from: a, to: b}\n      - sett: {from: a, to: b}\n", g);
  ASSERT_EQ(d.size(), 2u);
  EXPECT_EQ(d[0].where.line, 10);
  EXPECT_NE(d[0].message.find("`append` is not allowed here"), std::string::npos);
  EXPECT_EQ(d[1].where.line, 11);
  EXPECT_NE(d[1].message.find("unknown fold operation `sett`"), std::string::npos);
  EXPECT_EQ(d[1].hint, "did you mean `set`?");
}

TEST(GrammarLoader, DeltaTargetsMustBeKnownBlockTypes) {
  std::unique_ptr<Grammar> g;
  auto d = load_text(kMinimal + "blocks:\n  index: index\n  type: block.type\n  delta_type: delta.type\n  types: [text]\n"
                                "  deltas:\n    text_delta:\n      on: [txt]\n", g);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].where.line, 16);
  EXPECT_EQ(d[0].hint, "did you mean `text`?");
}

TEST(GrammarLoader, BadFieldPath) {
  std::unique_ptr<Grammar> g;
  auto d = load_text(kMinimal + "blocks:\n  index: a..b\n", g);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_NE(d[0].message.find("dotted field path"), std::string::npos);
}

TEST(GrammarLoader, YamlSyntaxErrorIsLocated) {
  std::unique_ptr<Grammar> g;
  auto d = load_text("grammar: x\nstates: [a\n", g);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_NE(d[0].message.find("YAML syntax error"), std::string::npos);
  EXPECT_GT(d[0].where.line, 0);
}

TEST(GrammarLoader, MissingFile) {
  std::unique_ptr<Grammar> g;
  auto d = load_grammar("tests/unit/stream/nope.yaml", g);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_NE(d[0].message.find("cannot read"), std::string::npos);
}

}  // namespace
}  // namespace ac::test
