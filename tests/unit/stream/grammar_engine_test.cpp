// The engine knows no protocol: a made-up grammar (toy_grammar.yaml) drives it entirely.
#include "stream_test_support.hpp"

#include "support/run_binary.hpp"

namespace ac::test {
namespace {

struct Toy {
  std::unique_ptr<Grammar> grammar;
  std::unique_ptr<SchemaRegistry> schemas;
  Toy() {
    Diagnostics d = load_grammar(test::source_dir() + "/tests/unit/stream/toy_grammar.yaml", grammar);
    for (const auto& x : d) ADD_FAILURE() << format_diagnostic(x);
    Diagnostics s;
    schemas = SchemaRegistry::load(test::source_dir() + "/tests/unit/stream/schemas", s);
    for (const auto& x : s) ADD_FAILURE() << format_diagnostic(x);
  }
};

std::string toy(const std::string& name, const std::string& data) { return frame(name, data); }

std::string good_toy() {
  return toy("hello", R"({"kind":"hello","session":{"parts":[],"done":false}})") +
         toy("part_begin", R"({"kind":"part_begin","slot":0,"part":{"shape":"words","words":">"}})") +
         toy("piece", R"({"kind":"piece","slot":0,"add":{"how":"more","words":"one "}})") +
         toy("piece", R"({"kind":"piece","slot":0,"add":{"how":"more","words":"two"}})") +
         toy("part_end", R"({"kind":"part_end","slot":0})") + toy("bye", R"({"kind":"bye","done":true})");
}

TEST(GrammarEngine, FoldsAMadeUpProtocol) {
  Toy t;
  ASSERT_TRUE(t.grammar && t.schemas);
  auto j = judge_with(*t.grammar, *t.schemas, good_toy());
  EXPECT_TRUE(j.findings.empty()) << dump(j.findings);
  EXPECT_TRUE(j.completed);
  ASSERT_TRUE(j.folded->IsObject());
  EXPECT_STREQ((*j.folded)["parts"][0]["words"].GetString(), ">one two");
  EXPECT_TRUE((*j.folded)["done"].GetBool());
}

TEST(GrammarEngine, PoliciesAndSchemasComeFromTheData) {
  Toy t;
  ASSERT_TRUE(t.grammar && t.schemas);
  std::string s = good_toy();
  s.insert(s.find("event: part_end"), toy("piece", R"({"kind":"piece","slot":0,"add":{"how":"more","words":3}})") +
                                          toy("mystery", R"({"kind":"mystery"})"));
  auto j = judge_with(*t.grammar, *t.schemas, s);
  const Finding* unknown = find(j.findings, "stream-grammar", "event 5 (mystery)");
  ASSERT_NE(unknown, nullptr) << dump(j.findings);
  EXPECT_EQ(unknown->severity, Severity::Breaking);  // unknown_events: fail
  const Finding* schema = find(j.findings, "stream-event-schema", "event 4 (piece)");
  ASSERT_NE(schema, nullptr) << dump(j.findings);
  EXPECT_EQ(schema->pointer, "/events/4/data/add/words");
}

TEST(GrammarEngine, UnnamedSeverityAndFoldedSchemaFromTheData) {
  Toy t;
  ASSERT_TRUE(t.grammar && t.schemas);
  std::string s = toy("hello", R"({"kind":"hello","session":{"parts":[],"done":false}})") +
                  "data: {\"kind\":\"bye\",\"done\":false}\n\n";
  auto j = judge_with(*t.grammar, *t.schemas, s);
  const Finding* unnamed = find(j.findings, "stream-grammar", "no `event:` line");
  ASSERT_NE(unnamed, nullptr) << dump(j.findings);
  EXPECT_EQ(unnamed->severity, Severity::Cosmetic);
  // Not judged by type (identify_unnamed_by_type is off): the stream never ends.
  EXPECT_NE(find(j.findings, "stream-grammar", "without bye"), nullptr) << dump(j.findings);
}

TEST(GrammarEngine, FoldedMessageIsJudgedByTheGrammarsSchema) {
  Toy t;
  ASSERT_TRUE(t.grammar && t.schemas);
  std::string s = toy("hello", R"({"kind":"hello","session":{"parts":[],"done":false}})") +
                  toy("bye", R"({"kind":"bye","done":false})");
  auto j = judge_with(*t.grammar, *t.schemas, s);
  EXPECT_NE(find(j.findings, "stream-fold", "folded message"), nullptr) << dump(j.findings);
}

TEST(GrammarEngine, MissingSchemaIsReportedOnce) {
  Toy t;
  ASSERT_TRUE(t.grammar);
  Diagnostics none;
  auto empty = SchemaRegistry::load(test::source_dir() + "/tests/unit/stream/samples", none);
  ASSERT_TRUE(empty);
  auto j = judge_with(*t.grammar, *empty, good_toy());
  EXPECT_NE(find(j.findings, "stream-event-schema", "toy/piece.json"), nullptr) << dump(j.findings);
  auto d = check_grammar_schemas(*t.grammar, *empty);
  ASSERT_EQ(d.size(), 2u);
  EXPECT_EQ(d[0].where.line, 21);  // events.piece
  EXPECT_EQ(d[1].where.line, 49);  // folded.schema
}

}  // namespace
}  // namespace ac::test
