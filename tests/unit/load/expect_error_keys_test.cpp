// The case-format keys for errors: `same_as_header` (a body value equal to a response header) and
// `expect.stream.error` (the stream must end with this in-band error): what they load into and
// where a wrong use is reported.
#include "load/case_loader.hpp"

#include "case_file_test.hpp"

namespace ac {
namespace {

using testing::has_diag;

class ExpectErrorKeys : public testing::CaseFileTest {
 protected:
  // A valid case whose `expect:` mapping ends with `extra` (each of its lines indented by two);
  // `extra` starts on line 5 of the file.
  Diagnostics load_expect(const std::string& extra) {
    return load("id: a\nfeature: f\nrequest: {endpoint: messages}\nexpect:\n" + extra);
  }
  // 1-based column of `token` on 1-based `line` of the last file.
  int column(int line, const std::string& token) const {
    std::size_t start = 0;
    for (int i = 1; i < line; ++i) start = text_.find('\n', start) + 1;
    return static_cast<int>(text_.find(token, start) - start) + 1;
  }
};

TEST_F(ExpectErrorKeys, SameAsHeaderLoadsWithItsSeverity) {
  const Diagnostics d = load_expect("  json:\n    /request_id: {same_as_header: request-id, severity: cosmetic}\n");
  ASSERT_TRUE(d.empty()) << testing::dump(d);
  ASSERT_EQ(cases_.size(), 1u);
  ASSERT_EQ(cases_[0].expect.json.size(), 1u);
  const JsonExpectation& a = cases_[0].expect.json[0];
  EXPECT_EQ(a.kind, JsonCheckKind::SameAsHeader);
  EXPECT_EQ(a.pointer, "/request_id");
  EXPECT_EQ(a.value, "\"request-id\"");  // JSON text, like every non-regex value
  EXPECT_EQ(a.severity, Severity::Cosmetic);
  EXPECT_EQ(a.where.line, 6);
  EXPECT_EQ(a.where.column, column(6, "same_as_header"));
}

TEST_F(ExpectErrorKeys, SameAsHeaderNeedsAHeaderName) {
  // Each load first: column() reads the file just written.
  Diagnostics d = load_expect("  json:\n    /request_id: {same_as_header: [a, b]}\n");
  EXPECT_TRUE(has_diag(d, file_, 6, column(6, "[a"), "`same_as_header` must name a response header"));
  d = load_expect("  json:\n    /request_id:\n      same_as_header:\n");  // empty: reported at its key
  EXPECT_TRUE(has_diag(d, file_, 7, column(7, "same_as_header"), "`same_as_header` must name a response header"));
  d = load_expect("  json:\n    /request_id: {same_as_header: \"request id\"}\n");
  EXPECT_TRUE(has_diag(d, file_, 6, column(6, "\"request id"), "`request id` is not a valid HTTP header name"));
}

TEST_F(ExpectErrorKeys, AMisspeltSameAsHeaderGetsAHint) {
  const Diagnostics d = load_expect("  json:\n    /request_id: {same_as_heder: request-id}\n");
  ASSERT_TRUE(has_diag(d, file_, 6, column(6, "same_as_heder"), "unknown key `same_as_heder`"));
  bool hinted = false;
  for (const auto& e : d) hinted = hinted || e.hint.find("same_as_header") != std::string::npos;
  EXPECT_TRUE(hinted) << testing::dump(d);
}

TEST_F(ExpectErrorKeys, StreamErrorLoads) {
  const Diagnostics d = load_expect("  stream:\n    grammar: anthropic/stream-grammar.yaml\n    error: overloaded_error\n");
  ASSERT_TRUE(d.empty()) << testing::dump(d);
  ASSERT_TRUE(cases_[0].expect.stream.has_value());
  EXPECT_EQ(cases_[0].expect.stream->error, "overloaded_error");
  EXPECT_EQ(cases_[0].expect.stream->error_where.line, 7);
  EXPECT_EQ(cases_[0].expect.stream->error_where.column, column(7, "overloaded_error"));
}

TEST_F(ExpectErrorKeys, StreamErrorMustBeOneType) {
  Diagnostics d = load_expect("  stream: {error: [a, b]}\n");
  EXPECT_TRUE(has_diag(d, file_, 5, column(5, "[a"), "`expect.stream.error` must be the type of the expected in-band error"));
  d = load_expect("  stream: {error: \"\"}\n");
  EXPECT_TRUE(has_diag(d, file_, 5, column(5, "\"\""), "`expect.stream.error` must be one error type"));
  d = load_expect("  stream: {error: \"overloaded error\"}\n");
  EXPECT_TRUE(has_diag(d, file_, 5, column(5, "\"overloaded"), "`expect.stream.error` must be one error type"));
}

TEST_F(ExpectErrorKeys, StreamErrorCannotBeComparedWithAWholeMessage) {
  const Diagnostics d = load_expect("  stream: {error: api_error, compare_with: other}\n");
  EXPECT_TRUE(has_diag(d, file_, 5, column(5, "error:"), "cannot be combined with `compare_with`")) << testing::dump(d);
}

}  // namespace
}  // namespace ac
