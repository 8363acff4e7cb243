// Loading valid case files: every field and every assertion kind lands in the model.
#include "load/case_loader.hpp"

#include "load_test_util.hpp"

namespace ac {
namespace {

using testing::dump;
using testing::TempDir;

const char* kExample = R"(cases:
  - id: messages.basic-text
    title: A one-turn text request gets a text message back
    feature: messages.basic
    tags: [smoke, text]
    api_version: "2023-06-01"
    request:
      endpoint: messages
      query: "?beta=true"
      auth: invalid
      headers:
        anthropic-beta: some-beta-2025-01-01
        anthropic-version: null
      json:
        model: "{{model}}"
        max_tokens: "{{max_tokens}}"
        messages:
          - {role: user, content: "Say hello"}
      pad_to: 4096
    expect:
      status: 200
      headers:
        content-type: {matches: "^application/json"}
        request-id: present
        x-debug: absent
        anthropic-version: "2023-06-01"
      schema: anthropic/message.json
      json:
        /type: message
        /id: {matches: "^msg_"}
        /usage/output_tokens: {type: integer, range: {min: 1}}
        /stop_reason: {one_of: [end_turn, max_tokens]}
        /content: {length: {min: 1}}
        /stop_sequence: {equals: null}
        /usage: exists
        /error: absent
  - id: models.get
    feature: models.get
    request:
      path: /v1/models/{{model}}
    expect:
      status: [200, 404]
)";

TEST(CaseLoader, LoadsTheDocumentedExample) {
  TempDir dir;
  const std::string file = dir.write("example.yaml", kExample);
  std::vector<Case> cases;
  const Diagnostics diags = load_cases({file}, cases);
  ASSERT_TRUE(diags.empty()) << dump(diags);
  ASSERT_EQ(cases.size(), 2u);

  const Case& c = cases[0];
  EXPECT_EQ(c.id, "messages.basic-text");
  EXPECT_EQ(c.title, "A one-turn text request gets a text message back");
  EXPECT_EQ(c.feature, "messages.basic");
  EXPECT_EQ(c.tags, (std::vector<std::string>{"smoke", "text"}));
  EXPECT_EQ(c.api_version, "2023-06-01");
  EXPECT_EQ(c.where.file, file);
  EXPECT_EQ(c.where.line, 2);
  EXPECT_EQ(c.where.column, 5);

  const RequestSpec& r = c.request;
  EXPECT_EQ(r.endpoint, "messages");
  EXPECT_EQ(r.method, "POST");  // default with a body
  EXPECT_EQ(r.query, "beta=true");
  EXPECT_EQ(r.auth, "invalid");
  ASSERT_EQ(r.headers.size(), 1u);
  EXPECT_EQ(r.headers[0].name, "anthropic-beta");
  EXPECT_EQ(r.headers[0].value, "some-beta-2025-01-01");
  EXPECT_EQ(r.remove_headers, (std::vector<std::string>{"anthropic-version"}));
  ASSERT_TRUE(r.json.has_value());
  EXPECT_EQ(*r.json,
            R"({"model":"{{model}}","max_tokens":"{{max_tokens}}","messages":[{"role":"user","content":"Say hello"}]})");
  EXPECT_FALSE(r.body.has_value());
  EXPECT_EQ(r.body_padding, std::optional<std::size_t>(4096));
  EXPECT_EQ(r.where.line, 8);

  const Expectation& e = c.expect;
  EXPECT_EQ(e.status, (std::vector<int>{200}));
  EXPECT_EQ(e.schema, "anthropic/message.json");
  EXPECT_EQ(e.schema_where.line, 27);
  EXPECT_EQ(e.schema_where.column, 15);
  EXPECT_FALSE(e.stream.has_value());
  ASSERT_EQ(e.headers.size(), 4u);
  EXPECT_EQ(e.headers[0].name, "content-type");
  EXPECT_EQ(e.headers[0].match, HeaderMatch::Matches);
  EXPECT_EQ(e.headers[0].value, "^application/json");
  EXPECT_EQ(e.headers[1].match, HeaderMatch::Present);
  EXPECT_EQ(e.headers[2].match, HeaderMatch::Absent);
  EXPECT_EQ(e.headers[3].match, HeaderMatch::Equals);
  EXPECT_EQ(e.headers[3].value, "2023-06-01");

  ASSERT_EQ(e.json.size(), 9u);  // /usage/output_tokens holds two assertions
  EXPECT_EQ(e.json[0].pointer, "/type");
  EXPECT_EQ(e.json[0].kind, JsonCheckKind::Equals);
  EXPECT_EQ(e.json[0].value, "\"message\"");
  EXPECT_EQ(e.json[0].where.line, 29);
  EXPECT_EQ(e.json[0].where.column, 9);
  EXPECT_EQ(e.json[1].kind, JsonCheckKind::Matches);
  EXPECT_EQ(e.json[1].value, "^msg_");
  EXPECT_EQ(e.json[2].pointer, "/usage/output_tokens");
  EXPECT_EQ(e.json[2].kind, JsonCheckKind::Type);
  EXPECT_EQ(e.json[2].value, R"(["integer"])");
  EXPECT_EQ(e.json[3].pointer, "/usage/output_tokens");
  EXPECT_EQ(e.json[3].kind, JsonCheckKind::Range);
  EXPECT_EQ(e.json[3].min, std::optional<double>(1));
  EXPECT_FALSE(e.json[3].max.has_value());
  EXPECT_EQ(e.json[4].kind, JsonCheckKind::OneOf);
  EXPECT_EQ(e.json[4].value, R"(["end_turn","max_tokens"])");
  EXPECT_EQ(e.json[5].kind, JsonCheckKind::Length);
  EXPECT_EQ(e.json[5].min, std::optional<double>(1));
  EXPECT_EQ(e.json[6].kind, JsonCheckKind::Equals);
  EXPECT_EQ(e.json[6].value, "null");
  EXPECT_EQ(e.json[7].kind, JsonCheckKind::Exists);
  EXPECT_EQ(e.json[8].kind, JsonCheckKind::Absent);

  const Case& g = cases[1];
  EXPECT_EQ(g.title, "models.get");  // the id stands in for a missing title
  EXPECT_EQ(g.request.path, "/v1/models/{{model}}");
  EXPECT_EQ(g.request.method, "GET");  // default without a body
  EXPECT_EQ(g.expect.status, (std::vector<int>{200, 404}));
}

TEST(CaseLoader, OneCasePerFileAndDirectoriesInSortedOrder) {
  TempDir dir;
  dir.write("suite/b.yaml", "id: b\nfeature: f\nrequest: {endpoint: models}\nexpect: {status: 200}\n");
  dir.write("suite/a/z.yml", "id: a\nfeature: f\nrequest: {endpoint: models}\nexpect:\n");
  dir.write("suite/notes.txt", "not a case");
  std::vector<Case> cases;
  const Diagnostics diags = load_cases({dir.path() + "/suite"}, cases);
  ASSERT_TRUE(diags.empty()) << dump(diags);
  ASSERT_EQ(cases.size(), 2u);
  EXPECT_EQ(cases[0].id, "a");  // a/z.yml sorts before b.yaml
  EXPECT_TRUE(cases[0].expect.status.empty());
  EXPECT_EQ(cases[1].id, "b");
}

// The files are parsed on several threads; what they hold comes out in file order all the same:
// cases, their problems, and the duplicate id reported at its second file.
TEST(CaseLoader, FilesParsedAtOnceReportInFileOrder) {
  TempDir dir;
  for (int i = 0; i < 40; ++i) {
    char name[16];
    std::snprintf(name, sizeof name, "f%02d.yaml", i);
    const std::string id = i == 39 ? "c00" : "c" + std::string(name + 1, 2);
    dir.write(name, "id: " + id + "\nfeature: f\nrequest: {endpoint: models}\nexpect: {status: 200, bogus_" +
                        std::to_string(i) + ": 1}\n");
  }
  std::vector<Case> cases;
  const Diagnostics diags = load_cases({dir.path()}, cases);
  ASSERT_EQ(diags.size(), 41u) << dump(diags);
  for (int i = 0; i < 40; ++i) {
    EXPECT_NE(diags[i].message.find("bogus_" + std::to_string(i)), std::string::npos) << i << ": " << diags[i].message;
    EXPECT_NE(diags[i].where.file.find("f" + std::string(i < 10 ? "0" : "") + std::to_string(i)), std::string::npos);
  }
  EXPECT_NE(diags[40].message.find("duplicate case id `c00`"), std::string::npos) << diags[40].message;
  EXPECT_NE(diags[40].where.file.find("f39.yaml"), std::string::npos);
  ASSERT_EQ(cases.size(), 40u);
  for (int i = 0; i < 39; ++i) EXPECT_EQ(cases[i].id, "c" + std::string(i < 10 ? "0" : "") + std::to_string(i));
}

TEST(CaseLoader, SameFileGivenTwiceIsLoadedOnce) {
  TempDir dir;
  const std::string file = dir.write("a.yaml", "id: a\nfeature: f\nrequest: {endpoint: models}\nexpect: {}\n");
  std::vector<Case> cases;
  const Diagnostics diags = load_cases({file, dir.path()}, cases);
  EXPECT_TRUE(diags.empty()) << dump(diags);
  EXPECT_EQ(cases.size(), 1u);
}

TEST(CaseLoader, SeveralYamlDocumentsInOneFile) {
  std::vector<Case> cases;
  const Diagnostics diags = load_cases_from_string(
      "id: one\nfeature: f\nrequest: {endpoint: models}\nexpect: {}\n---\n"
      "id: two\nfeature: f\nrequest: {endpoint: models}\nexpect: {}\n---\n",
      "multi.yaml", cases);
  EXPECT_TRUE(diags.empty()) << dump(diags);
  ASSERT_EQ(cases.size(), 2u);
  EXPECT_EQ(cases[1].id, "two");
  EXPECT_EQ(cases[1].where.line, 6);
}

TEST(CaseLoader, RawBodyMethodAndAuth) {
  std::vector<Case> cases;
  const Diagnostics diags = load_cases_from_string(R"(id: raw
feature: errors.invalid-json
request:
  endpoint: messages
  method: put
  auth: none
  body: '{"model": '
expect: {status: 400}
)", "raw.yaml", cases);
  ASSERT_TRUE(diags.empty()) << dump(diags);
  const RequestSpec& r = cases.at(0).request;
  EXPECT_EQ(r.method, "PUT");
  EXPECT_EQ(r.auth, "none");
  EXPECT_EQ(r.body, std::optional<std::string>("{\"model\": "));
  EXPECT_FALSE(r.json.has_value());
  EXPECT_FALSE(r.retries.has_value());
  EXPECT_FALSE(cases.at(0).simulated_only);
}

TEST(CaseLoader, SimulatedOnlyAndRetries) {
  std::vector<Case> cases;
  const Diagnostics diags = load_cases_from_string(R"(id: rate
feature: errors.rate-limit
simulated_only: true
request:
  endpoint: messages
  headers: {x-sim-error: rate_limit}
  retries: 0
expect: {status: 429}
)", "rate.yaml", cases);
  ASSERT_TRUE(diags.empty()) << dump(diags);
  EXPECT_TRUE(cases.at(0).simulated_only);
  EXPECT_EQ(cases.at(0).request.retries, std::optional<int>(0));
  EXPECT_TRUE(cases.at(0).request.retry_on.empty());
}

TEST(CaseLoader, RetryOnStatuses) {
  std::vector<Case> cases;
  const Diagnostics diags = load_cases_from_string(R"(id: fresh
feature: messages.batches
request: {path: /v1/messages/batches/x, retry_on: [404, 409]}
expect: {status: 200}
)", "fresh.yaml", cases);
  ASSERT_TRUE(diags.empty()) << dump(diags);
  EXPECT_EQ(cases.at(0).request.retry_on, (std::vector<int>{404, 409}));
  std::vector<Case> one;
  ASSERT_TRUE(load_cases_from_string("id: a\nfeature: f\nrequest: {endpoint: models, retry_on: 404}\nexpect: {}\n", "a.yaml", one)
                  .empty());
  EXPECT_EQ(one.at(0).request.retry_on, (std::vector<int>{404}));
}

TEST(CaseLoader, AssertionForms) {
  std::vector<Case> cases;
  const Diagnostics diags = load_cases_from_string(R"(id: forms
feature: f
request: {endpoint: models}
expect:
  json:
    /a: "exists"
    /b: [1, two]
    /c: {type: [string, null], length: 3}
    /d: {range: {min: -1.5, max: 2e3}, exists: true}
    /e: {absent: true}
    /f: {exists: false}
    "": {type: object}
    /g~1h: 12
)", "forms.yaml", cases);
  ASSERT_TRUE(diags.empty()) << dump(diags);
  const auto& j = cases.at(0).expect.json;
  ASSERT_EQ(j.size(), 10u);
  EXPECT_EQ(j[0].kind, JsonCheckKind::Equals);  // quoted: the string, not the keyword
  EXPECT_EQ(j[0].value, "\"exists\"");
  EXPECT_EQ(j[1].kind, JsonCheckKind::Equals);
  EXPECT_EQ(j[1].value, R"([1,"two"])");
  EXPECT_EQ(j[2].kind, JsonCheckKind::Type);
  EXPECT_EQ(j[2].value, R"(["string","null"])");
  EXPECT_EQ(j[3].kind, JsonCheckKind::Length);
  EXPECT_EQ(j[3].min, std::optional<double>(3));
  EXPECT_EQ(j[3].max, std::optional<double>(3));
  EXPECT_EQ(j[4].kind, JsonCheckKind::Range);
  EXPECT_EQ(j[4].min, std::optional<double>(-1.5));
  EXPECT_EQ(j[4].max, std::optional<double>(2000));
  EXPECT_EQ(j[5].kind, JsonCheckKind::Exists);
  EXPECT_EQ(j[5].pointer, "/d");
  EXPECT_EQ(j[6].kind, JsonCheckKind::Absent);
  EXPECT_EQ(j[6].pointer, "/e");
  EXPECT_EQ(j[7].kind, JsonCheckKind::Absent);  // exists: false
  EXPECT_EQ(j[7].pointer, "/f");
  EXPECT_EQ(j[8].pointer, "");
  EXPECT_EQ(j[8].kind, JsonCheckKind::Type);
  EXPECT_EQ(j[9].pointer, "/g~1h");
  EXPECT_EQ(j[9].value, "12");
}

TEST(CaseLoader, AssertionsInOneMappingKeepTheirOwnLocations) {
  std::vector<Case> cases;
  const Diagnostics diags = load_cases_from_string(R"(id: where
feature: f
request: {endpoint: models}
expect:
  json:
    /x:
      type: string
      matches: "^a"
)", "where.yaml", cases);
  ASSERT_TRUE(diags.empty()) << dump(diags);
  const auto& j = cases.at(0).expect.json;
  ASSERT_EQ(j.size(), 2u);
  EXPECT_EQ(j[0].kind, JsonCheckKind::Matches);  // listed in a fixed order, each with its place
  EXPECT_EQ(j[0].where.line, 8);
  EXPECT_EQ(j[1].kind, JsonCheckKind::Type);
  EXPECT_EQ(j[1].where.line, 7);
  EXPECT_EQ(j[1].where.column, 7);
}

TEST(CaseLoader, StreamExpectation) {
  std::vector<Case> cases;
  const Diagnostics diags = load_cases_from_string(R"(cases:
  - id: plain
    feature: f
    request: {endpoint: messages, json: {stream: false}}
    expect: {status: 200}
  - id: streamed
    feature: f
    request: {endpoint: messages, json: {stream: true}}
    expect:
      stream:
        grammar: anthropic/stream-grammar.yaml
        folded_schema: anthropic/message.json
        folded:
          /content/0/text: {matches: "\\S"}
          /stop_reason: end_turn
        timing: {first_byte_ms: 5000, first_event_ms: 6000, first_content_ms: 7000, max_gap_ms: 800, total_ms: 30000}
        incremental: false
        compare_with: plain
  - id: streamed-defaults
    feature: f
    request: {endpoint: messages}
    expect: {stream: true}
)", "stream.yaml", cases);
  ASSERT_TRUE(diags.empty()) << dump(diags);
  ASSERT_EQ(cases.size(), 3u);
  const auto& s = cases[1].expect.stream;
  ASSERT_TRUE(s.has_value());
  EXPECT_TRUE(s->expected);
  EXPECT_EQ(s->grammar, "anthropic/stream-grammar.yaml");
  EXPECT_EQ(s->folded_schema, "anthropic/message.json");
  EXPECT_EQ(s->grammar_where.line, 11);
  EXPECT_EQ(s->grammar_where.column, 18);
  EXPECT_EQ(s->folded_schema_where.line, 12);
  EXPECT_EQ(s->folded_schema_where.column, 24);
  ASSERT_EQ(s->folded.size(), 2u);
  EXPECT_EQ(s->folded[0].kind, JsonCheckKind::Matches);
  EXPECT_EQ(s->folded[0].value, "\\S");
  EXPECT_EQ(s->folded[1].value, "\"end_turn\"");
  EXPECT_EQ(s->timing_max_ms.at("first_byte"), 5000);
  EXPECT_EQ(s->timing_max_ms.at("first_event"), 6000);
  EXPECT_EQ(s->timing_max_ms.at("first_content"), 7000);
  EXPECT_EQ(s->timing_max_ms.at("max_gap"), 800);
  EXPECT_EQ(s->timing_max_ms.at("total"), 30000);
  EXPECT_FALSE(s->require_incremental);
  EXPECT_EQ(s->compare_with, "plain");
  EXPECT_EQ(s->where.line, 11);

  const auto& d = cases[2].expect.stream;
  ASSERT_TRUE(d.has_value());
  EXPECT_TRUE(d->expected);
  EXPECT_TRUE(d->require_incremental);
  EXPECT_EQ(d->grammar, kDefaultStreamGrammar) << "`stream: true` judges by the default grammar";
}

TEST(CaseLoader, CompareWithMayNameACaseInAnotherFile) {
  TempDir dir;
  const std::string a = dir.write("a.yaml", "id: s\nfeature: f\nrequest: {endpoint: messages}\n"
                                            "expect: {stream: {compare_with: n}}\n");
  const std::string b = dir.write("b.yaml", "id: n\nfeature: f\nrequest: {endpoint: messages}\nexpect: {}\n");
  std::vector<Case> cases;
  const Diagnostics diags = load_cases({a, b}, cases);
  EXPECT_TRUE(diags.empty()) << dump(diags);
}

TEST(CaseLoader, AppendsToCasesAlreadyLoaded) {
  std::vector<Case> cases;
  ASSERT_TRUE(load_cases_from_string("id: a\nfeature: f\nrequest: {endpoint: models}\nexpect: {}\n", "a.yaml", cases)
                  .empty());
  ASSERT_TRUE(load_cases_from_string("id: b\nfeature: f\nrequest: {endpoint: models}\nexpect: {}\n", "b.yaml", cases)
                  .empty());
  EXPECT_EQ(cases.size(), 2u);
}

}  // namespace
}  // namespace ac
