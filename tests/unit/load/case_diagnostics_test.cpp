// Every problem a case file can have is reported at its file:line:col, all of them at once.
#include "load/case_loader.hpp"

#include "case_file_test.hpp"

namespace ac {
namespace {

using testing::has_diag;
using testing::only;

class CaseDiagnostics : public testing::CaseFileTest {
 protected:
  // A valid case with `extra` appended to its `expect:` mapping (indented by two).
  Diagnostics load_expect(const std::string& extra) {
    return load("id: a\nfeature: f\nrequest: {endpoint: messages}\nexpect:\n" + extra);
  }
  Diagnostics load_request(const std::string& extra) {
    return load("id: a\nfeature: f\nexpect: {}\nrequest:\n" + extra);
  }
};

TEST_F(CaseDiagnostics, YamlSyntaxErrorIsLocated) {
  const Diagnostics d = load("id: a\nfeature: [one, two\nrequest: {}\n");
  const Diagnostic& e = only(d);
  EXPECT_EQ(e.where.file, file_);
  EXPECT_EQ(e.where.line, 3);
  EXPECT_EQ(e.where.column, 8);
  EXPECT_NE(e.message.find("YAML syntax error"), std::string::npos) << e.message;
}

TEST_F(CaseDiagnostics, EmptyValuesAreReportedAtTheirKey) {
  // yaml-cpp marks `request:` with nothing after it at the next line; the key is where to look.
  EXPECT_TRUE(has_diag(load("id: a\nfeature: f\nrequest:\nexpect: {}\n"), file_, 3, 1, "`request` must be a mapping"));
  EXPECT_TRUE(has_diag(load("id:\nfeature: f\nrequest: {endpoint: models}\nexpect: {}\n"), file_, 1, 1,
                       "`id` must be a string"));
}

TEST_F(CaseDiagnostics, StrayCommaIsASyntaxErrorNotAHang) {
  // yaml-cpp 0.7's LoadAll never returns on this input; the loader must.
  EXPECT_TRUE(has_diag(load(", \"usage\": "), file_, 1, 1, "YAML syntax error"));
  EXPECT_TRUE(has_diag(load("id: a\n---\n, x\n"), file_, 3, 1, "YAML syntax error"));
}

TEST_F(CaseDiagnostics, BadIndentationIsASyntaxError) {
  const Diagnostics d = load("id: a\n feature: f\n");
  EXPECT_TRUE(has_diag(d, file_, 2, 9, "YAML syntax error"));
}

TEST_F(CaseDiagnostics, UnknownCaseKeyHintsTheClosestOne) {
  const Diagnostics d = load("id: a\nfeature: f\nrequest: {endpoint: models}\nexpcet: {}\n");
  EXPECT_TRUE(has_diag(d, file_, 4, 1, "unknown key `expcet` in `case`"));
  ASSERT_EQ(d.size(), 2u) << testing::dump(d);  // and `expect` is then missing
  EXPECT_EQ(d[0].hint, "did you mean `expect`?");
  EXPECT_TRUE(has_diag(d, file_, 1, 1, "`case` needs `expect`"));
}

TEST_F(CaseDiagnostics, UnknownKeyFarFromAnyListsTheAllowedOnes) {
  const Diagnostic e = only(load_request("  endpoint: models\n  zzzzzzzz: 1\n"));
  EXPECT_EQ(e.where.line, 6);
  EXPECT_EQ(e.where.column, 3);
  EXPECT_NE(e.hint.find("expected one of: `endpoint`, `path`"), std::string::npos) << e.hint;
}

TEST_F(CaseDiagnostics, UnknownKeysAtEveryLevel) {
  const Diagnostics d = load(R"(id: a
feature: f
request:
  endpoint: models
  heders: {}
expect:
  stauts: 200
  json:
    /x: {maches: "a"}
  stream:
    grammer: g.yaml
    timing: {first_byte: 5}
)");
  EXPECT_TRUE(has_diag(d, file_, 5, 3, "unknown key `heders` in `request`"));
  EXPECT_TRUE(has_diag(d, file_, 7, 3, "unknown key `stauts` in `expect`"));
  EXPECT_TRUE(has_diag(d, file_, 9, 10, "unknown key `maches` in `/x`"));
  EXPECT_TRUE(has_diag(d, file_, 11, 5, "unknown key `grammer` in `expect.stream`"));
  EXPECT_TRUE(has_diag(d, file_, 12, 14, "unknown key `first_byte` in `expect.stream.timing`"));
  EXPECT_EQ(d.size(), 5u) << testing::dump(d);
  for (const auto& e : d) EXPECT_EQ(e.hint.rfind("did you mean", 0), 0u) << e.hint;
}

TEST_F(CaseDiagnostics, StatusOfTheWrongType) {
  EXPECT_TRUE(has_diag(load_expect("  status: {code: 200}\n"), file_, 5, 11,
                       "`status` must be a number or a list of numbers"));
  EXPECT_TRUE(has_diag(load_expect("  status: \"200\"\n"), file_, 5, 11,
                       "`status` must be a number or a list of numbers"));
  EXPECT_TRUE(has_diag(load_expect("  status: [200, ok]\n"), file_, 5, 17, "`status` must be an HTTP status"));
  EXPECT_TRUE(has_diag(load_expect("  status: 1000\n"), file_, 5, 11, "`status` must be an HTTP status"));
  EXPECT_TRUE(has_diag(load_expect("  status: []\n"), file_, 5, 11, "must not be an empty list"));
}

TEST_F(CaseDiagnostics, OtherWrongTypes) {
  EXPECT_TRUE(has_diag(load("id: a\nfeature: f\nrequest: [endpoint]\nexpect: {}\n"), file_, 3, 10,
                       "`request` must be a mapping"));
  EXPECT_TRUE(has_diag(load("id: a\nfeature: f\nrequest: {endpoint: models}\nexpect: 200\n"), file_, 4, 9,
                       "`expect` must be a mapping"));
  EXPECT_TRUE(has_diag(load("id: [a]\nfeature: f\nrequest: {endpoint: models}\nexpect: {}\n"), file_, 1, 5,
                       "`id` must be a string"));
  EXPECT_TRUE(has_diag(load("id: a\nfeature: f\ntags: {x: 1}\nrequest: {endpoint: models}\nexpect: {}\n"), file_,
                       3, 7, "`tags` must be a list of strings"));
  EXPECT_TRUE(has_diag(load_expect("  headers: [a]\n"), file_, 5, 12, "`expect.headers` must be a mapping"));
  EXPECT_TRUE(has_diag(load_expect("  json: [a]\n"), file_, 5, 9, "`expect.json` must be a mapping"));
  EXPECT_TRUE(has_diag(load_expect("  stream: 3\n"), file_, 5, 11, "`expect.stream` must be true or a mapping"));
  EXPECT_TRUE(has_diag(load_expect("  stream: {incremental: maybe}\n"), file_, 5, 25,
                       "`incremental` must be true or false"));
  EXPECT_TRUE(has_diag(load_expect("  stream: {timing: {total_ms: soon}}\n"), file_, 5, 31,
                       "`expect.stream.timing.total_ms` must be a number"));
  EXPECT_TRUE(has_diag(load_expect("  stream: {timing: {total_ms: 0}}\n"), file_, 5, 31, "must be above 0"));
  EXPECT_TRUE(has_diag(load_request("  endpoint: messages\n  body: {a: 1}\n"), file_, 6, 9,
                       "`request.body` must be a string"));
  EXPECT_TRUE(has_diag(load_request("  endpoint: messages\n  json: {}\n  pad_to: big\n"), file_, 7, 11,
                       "`request.pad_to` must be a whole number"));
  EXPECT_TRUE(has_diag(load_request("  endpoint: messages\n  retries: -1\n"), file_, 6, 12,
                       "`request.retries` must be a whole number from 0 to 10"));
  EXPECT_TRUE(has_diag(load_request("  endpoint: messages\n  retry_on: [404, soon]\n"), file_, 6, 19,
                       "`retry_on` must be an HTTP status from 100 to 599"));
  EXPECT_TRUE(has_diag(load_request("  endpoint: messages\n  retry_on: []\n"), file_, 6, 13,
                       "`retry_on` must not be an empty list"));
  EXPECT_TRUE(has_diag(load("id: a\nfeature: f\nsimulated_only: sometimes\nrequest: {endpoint: models}\nexpect: {}\n"),
                       file_, 3, 17, "`simulated_only` must be true or false"));
}

TEST_F(CaseDiagnostics, MissingRequiredKeysAreReportedAtTheCase) {
  const Diagnostics d = load("cases:\n  - title: nothing else\n");
  EXPECT_TRUE(has_diag(d, file_, 2, 5, "`case` needs `id`"));
  EXPECT_TRUE(has_diag(d, file_, 2, 5, "`case` needs `feature`"));
  EXPECT_TRUE(has_diag(d, file_, 2, 5, "`case` needs `request`"));
  EXPECT_TRUE(has_diag(d, file_, 2, 5, "`case` needs `expect`"));
  EXPECT_EQ(d.size(), 4u) << testing::dump(d);
}

TEST_F(CaseDiagnostics, RequestNeedsEndpointOrPathButNotBoth) {
  EXPECT_TRUE(has_diag(load_request("  method: GET\n"), file_, 5, 3, "`request` needs `endpoint` or `path`"));
  EXPECT_TRUE(has_diag(load_request("  endpoint: models\n  path: /v1/models\n"), file_, 6, 3,
                       "gives both `endpoint` and `path`"));
  EXPECT_TRUE(has_diag(load_request("  path: v1/models\n"), file_, 5, 9, "`request.path` must start with `/`"));
}

TEST_F(CaseDiagnostics, InvalidRegexIsCaughtAtLoadTime) {
  const Diagnostic e = only(load_expect("  json:\n    /id: {matches: \"([a-z\"}\n"));
  EXPECT_EQ(e.where.line, 6);
  EXPECT_EQ(e.where.column, 20);
  EXPECT_NE(e.message.find("invalid regex in `matches`"), std::string::npos) << e.message;
  EXPECT_TRUE(has_diag(load_expect("  headers:\n    content-type: {matches: \"*json\"}\n"), file_, 6, 29,
                       "invalid regex in `matches`"));
}

TEST_F(CaseDiagnostics, RegexWithAVariableIsCheckedWithTheVariableBlanked) {
  EXPECT_TRUE(load_expect("  json:\n    /model: {matches: \"^{{model}}(-\\\\d+)?$\"}\n").empty());
}

TEST_F(CaseDiagnostics, PointerMustStartWithASlash) {
  const Diagnostic e = only(load_expect("  json:\n    type: message\n"));
  EXPECT_EQ(e.where.line, 6);
  EXPECT_EQ(e.where.column, 5);
  EXPECT_NE(e.message.find("`type` is not a JSON pointer"), std::string::npos) << e.message;
  EXPECT_NE(e.hint.find("starts with `/`"), std::string::npos);
  EXPECT_TRUE(has_diag(load_expect("  json:\n    /a~2b: 1\n"), file_, 6, 5, "is not a JSON pointer"));
}

TEST_F(CaseDiagnostics, UnknownEndpointAuthAndMethod) {
  Diagnostic e = only(load_request("  endpoint: mesages\n"));
  EXPECT_EQ(e.where.line, 5);
  EXPECT_EQ(e.where.column, 13);
  EXPECT_EQ(e.message, "unknown endpoint `mesages`");
  EXPECT_EQ(e.hint, "did you mean `messages`?");

  e = only(load_request("  endpoint: models\n  auth: nope\n"));
  EXPECT_EQ(e.where.line, 6);
  EXPECT_EQ(e.message, "unknown auth `nope`");
  EXPECT_EQ(e.hint, "did you mean `none`?");

  e = only(load_request("  endpoint: models\n  method: psot\n"));
  EXPECT_EQ(e.where.line, 6);
  EXPECT_EQ(e.where.column, 11);
  EXPECT_EQ(e.message, "unknown method `psot`");
  EXPECT_EQ(e.hint, "did you mean `POST`?");

  e = only(load_request("  endpoint: models\n  method: FETCH\n"));
  EXPECT_EQ(e.hint, "expected one of: `GET`, `POST`, `PUT`, `PATCH`, `DELETE`, `HEAD`, `OPTIONS`");
}

TEST_F(CaseDiagnostics, UnbalancedPlaceholders) {
  EXPECT_TRUE(has_diag(load_request("  endpoint: messages\n  json:\n    model: \"{{model\"\n"), file_, 7, 13,
                       "unbalanced `{{`"));
  EXPECT_TRUE(has_diag(load_request("  path: /v1/models/{{model\n"), file_, 5, 20, "unbalanced `{{`"));
  EXPECT_TRUE(has_diag(load_request("  endpoint: models\n  headers: {x-a: \"{{env.A\"}\n"), file_, 6, 19,
                       "unbalanced `{{`"));
  EXPECT_TRUE(has_diag(load_request("  endpoint: models\n  query: \"a={{}}\"\n"), file_, 6, 13,
                       "empty placeholder"));
  EXPECT_TRUE(has_diag(load_expect("  json:\n    /model: \"{{model\"\n"), file_, 6, 14, "unbalanced `{{`"));
  EXPECT_TRUE(has_diag(load_expect("  json:\n    /m: {one_of: [\"{{a b}}\"]}\n"), file_, 6, 20,
                       "is not a variable name"));
}

TEST_F(CaseDiagnostics, PlaceholderErrorsPointAtTheBrokenBraces) {
  // The second `{{` of the string is the broken one; the caret goes under it.
  EXPECT_TRUE(has_diag(load_request("  endpoint: messages\n  json:\n    text: \"{{model}} and {{broken\"\n"), file_, 7,
                       26, "unbalanced `{{`"));
  // In a block scalar, on its second line.
  EXPECT_TRUE(has_diag(load_request("  endpoint: messages\n  body: |\n    {\"a\": 1,\n     \"b\": \"{{x\"}\n"), file_, 8,
                       12, "unbalanced `{{`"));
}

TEST_F(CaseDiagnostics, DuplicateIdsAcrossFilesPointAtTheSecond) {
  const std::string a = dir_.write("a.yaml", "id: same\nfeature: f\nrequest: {endpoint: models}\nexpect: {}\n");
  const std::string b = dir_.write("b.yaml", "cases:\n  - id: other\n    feature: f\n    request: {endpoint: models}\n"
                                             "    expect: {}\n  - id: same\n    feature: f\n"
                                             "    request: {endpoint: models}\n    expect: {}\n");
  std::vector<Case> cases;
  const Diagnostic e = only(load_cases({a, b}, cases));
  EXPECT_EQ(e.where.file, b);
  EXPECT_EQ(e.where.line, 6);
  EXPECT_EQ(e.where.column, 9);
  EXPECT_EQ(e.message, "duplicate case id `same`");
  EXPECT_EQ(e.hint, "it is first defined at " + a + ":1:5");
}

TEST_F(CaseDiagnostics, CompareWithMustNameAKnownNonStreamingCase) {
  const Diagnostics d = load(R"(cases:
  - id: streamed
    feature: f
    request: {endpoint: messages}
    expect: {stream: {compare_with: plian}}
  - id: plain
    feature: f
    request: {endpoint: messages}
    expect: {}
  - id: other-stream
    feature: f
    request: {endpoint: messages}
    expect: {stream: {compare_with: streamed}}
)");
  ASSERT_EQ(d.size(), 2u) << testing::dump(d);
  EXPECT_TRUE(has_diag(d, file_, 5, 37, "`compare_with` names unknown case `plian`"));
  EXPECT_EQ(d[0].hint, "did you mean `plain`?");
  EXPECT_TRUE(has_diag(d, file_, 13, 37, "must name a non-streaming case"));
}

TEST_F(CaseDiagnostics, ProblemsWithAssertionValues) {
  EXPECT_TRUE(has_diag(load_expect("  json:\n    /t: {type: strng}\n"), file_, 6, 16, "unknown JSON type `strng`"));
  EXPECT_TRUE(has_diag(load_expect("  json:\n    /n: {range: {min: 5, max: 1}}\n"), file_, 6, 17,
                       "has `min` above `max`"));
  EXPECT_TRUE(has_diag(load_expect("  json:\n    /n: {range: {}}\n"), file_, 6, 17, "needs `min`, `max` or both"));
  EXPECT_TRUE(has_diag(load_expect("  json:\n    /n: {range: {min: low}}\n"), file_, 6, 23,
                       "`range.min` must be a number"));
  EXPECT_TRUE(has_diag(load_expect("  json:\n    /n: {length: -1}\n"), file_, 6, 18, "`length` must be a whole number"));
  EXPECT_TRUE(has_diag(load_expect("  json:\n    /n: {length: {max: 1.5}}\n"), file_, 6, 24,
                       "`length.max` must be a whole number"));
  EXPECT_TRUE(has_diag(load_expect("  json:\n    /n: {one_of: end_turn}\n"), file_, 6, 18,
                       "`one_of` must be a non-empty list"));
  EXPECT_TRUE(has_diag(load_expect("  json:\n    /n: {exists: sure}\n"), file_, 6, 18, "`exists` must be true or false"));
  EXPECT_TRUE(has_diag(load_expect("  json:\n    /n: {}\n"), file_, 6, 9, "no assertion for `/n`"));
  EXPECT_TRUE(has_diag(load_expect("  headers:\n    x-a: {present: 1}\n"), file_, 6, 20,
                       "`present` must be true or false"));
  EXPECT_TRUE(has_diag(load_expect("  headers:\n    x-a:\n"), file_, 6, 5, "must be a string, `present`, `absent`"));
  EXPECT_TRUE(has_diag(load_expect("  headers:\n    \"bad name\": present\n"), file_, 6, 5,
                       "not a valid HTTP header name"));
}

TEST_F(CaseDiagnostics, RepeatedKeys) {
  EXPECT_TRUE(has_diag(load("id: a\nid: b\nfeature: f\nrequest: {endpoint: models}\nexpect: {}\n"), file_, 2, 1,
                       "`id` is given twice in `case`"));
  EXPECT_TRUE(has_diag(load_expect("  json:\n    /a: 1\n    /a: 2\n"), file_, 7, 5, "`/a` is given twice"));
  EXPECT_TRUE(has_diag(load_expect("  headers:\n    X-A: present\n    x-a: absent\n"), file_, 7, 5,
                       "header `x-a` is given twice"));
  EXPECT_TRUE(has_diag(load_request("  endpoint: messages\n  json: {a: 1, a: 2}\n"), file_, 6, 16,
                       "key `a` is given twice"));
}

TEST_F(CaseDiagnostics, ConflictingBodies) {
  EXPECT_TRUE(has_diag(load_request("  endpoint: messages\n  json: {}\n  body: x\n"), file_, 7, 3,
                       "gives both `json` and `body`"));
  EXPECT_TRUE(has_diag(load_request("  endpoint: messages\n  body: x\n  pad_to: 10\n"), file_, 7, 3,
                       "`pad_to` pads a JSON body"));
  EXPECT_TRUE(has_diag(load_request("  endpoint: models\n  headers: {x-a: \"a\\nb\"}\n"), file_, 6, 18,
                       "holds a line break"));
}

TEST_F(CaseDiagnostics, IdsAndFeaturesAreLowercaseNames) {
  const Diagnostics d = load("id: Messages Basic\nfeature: f/g\nrequest: {endpoint: models}\nexpect: {}\n");
  EXPECT_TRUE(has_diag(d, file_, 1, 5, "`id` `Messages Basic` may only hold"));
  EXPECT_TRUE(has_diag(d, file_, 2, 10, "`feature` `f/g` may only hold"));
}

TEST_F(CaseDiagnostics, SchemaReferenceStaysUnderSchemas) {
  EXPECT_TRUE(has_diag(load_expect("  schema: ../etc/passwd\n"), file_, 5, 11, "must name a file under schemas/"));
  EXPECT_TRUE(has_diag(load_expect("  schema: /abs.json\n"), file_, 5, 11, "must name a file under schemas/"));
  EXPECT_TRUE(load_expect("  schema: \"anthropic/common.json#/definitions/usage\"\n").empty());
}

TEST_F(CaseDiagnostics, FileShapes) {
  EXPECT_TRUE(has_diag(load(""), file_, 1, 1, "the file holds no case"));
  EXPECT_TRUE(has_diag(load("# only a comment\n"), file_, 1, 1, "the file holds no case"));
  EXPECT_TRUE(has_diag(load("- id: a\n"), file_, 1, 1, "not a bare list"));
  EXPECT_TRUE(has_diag(load("cases: {id: a}\n"), file_, 1, 8, "`cases` must be a list"));
  EXPECT_TRUE(has_diag(load("cases: []\ndefaults: {}\n"), file_, 2, 1, "unknown key `defaults` in `file`"));
  EXPECT_TRUE(has_diag(load("just text\n"), file_, 1, 1, "a case must be a mapping"));
}

TEST_F(CaseDiagnostics, MissingPathIsReported) {
  std::vector<Case> cases;
  const Diagnostic e = only(load_cases({dir_.path() + "/nope.yaml"}, cases));
  EXPECT_EQ(e.where.file, dir_.path() + "/nope.yaml");
  EXPECT_EQ(e.message, "no such file or directory");
}

TEST_F(CaseDiagnostics, EveryProblemIsCollectedNotJustTheFirst) {
  const Diagnostics d = load(R"(cases:
  - id: one
    feature: f
    request: {endpoint: mesages}
    expect: {status: nope}
  - id: two
    feature: f
    request: {endpoint: models, methd: GET}
    expect: {json: {x: 1}}
)");
  EXPECT_EQ(d.size(), 4u) << testing::dump(d);
  EXPECT_TRUE(has_diag(d, file_, 4, 25, "unknown endpoint"));
  EXPECT_TRUE(has_diag(d, file_, 5, 22, "`status` must be an HTTP status"));
  EXPECT_TRUE(has_diag(d, file_, 8, 33, "unknown key `methd`"));
  EXPECT_TRUE(has_diag(d, file_, 9, 21, "`x` is not a JSON pointer"));
}

TEST_F(CaseDiagnostics, FormattedLikeACompilerError) {
  const Diagnostics d = load("id: a\nfeature: f\nrequest: {endpoint: models}\nexpcet: {}\n");
  const std::string text = format_diagnostic(d.at(0));
  EXPECT_EQ(text, file_ + ":4:1: error: unknown key `expcet` in `case`\n  expcet: {}\n  ^\n"
                          "  hint: did you mean `expect`?\n");
}

}  // namespace
}  // namespace ac
