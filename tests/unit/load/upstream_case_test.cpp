// A case's `upstream:` script and `expect.upstream` (docs/upstream.md): read into the case, every
// mistake located.
#include "case_file_test.hpp"

namespace ac {
namespace {

using testing::has_diag;

class UpstreamCase : public testing::CaseFileTest {
 protected:
  Diagnostics load_with(const std::string& upstream, const std::string& expect = "") {
    return load("id: gateway.a\nfeature: gateway.x\nrequest: {endpoint: messages}\nexpect:\n  status: 200\n" + expect +
                "upstream:\n" + upstream);
  }
};

TEST_F(UpstreamCase, ScriptIsKeptAsJsonForTheUpstream) {
  const Diagnostics d = load_with(
      "  dialect: openai\n"
      "  reply:\n"
      "    text: Paris.\n"
      "    tool_call: {name: f, arguments: {city: Paris}}\n"
      "    finish_reason: tool_calls\n"
      "    usage: {prompt_tokens: 3, completion_tokens: 4}\n"
      "  fault: {kind: status, status: 429, retry_after: 3, times: 1}\n");
  ASSERT_TRUE(d.empty()) << format_diagnostic(d[0]);
  const Case& c = cases_.at(0);
  EXPECT_EQ(c.upstream_dialect, "openai");
  EXPECT_TRUE(c.needs_upstream());
  EXPECT_NE(c.upstream_script.find(R"("tool_call":{"name":"f","arguments":{"city":"Paris"}})"), std::string::npos)
      << c.upstream_script;
  EXPECT_NE(c.upstream_script.find(R"("status":429)"), std::string::npos) << c.upstream_script;
  EXPECT_EQ(c.upstream_where.line, 7);
}

TEST_F(UpstreamCase, MistakesAreLocated) {
  EXPECT_TRUE(has_diag(load_with("  fault: {kind: crash}\n"), file_, 7, 17, "`upstream.fault.kind` must be one of"));
  EXPECT_TRUE(has_diag(load_with("  fault: {kind: status}\n"), file_, 7, 10, "needs `status`"));
  EXPECT_TRUE(
      has_diag(load_with("  fault: {kind: cut, status: 500}\n"), file_, 7, 22, "applies to faults of kind `status`"));
  EXPECT_TRUE(has_diag(load_with("  fault: {kind: status, status: 200}\n"), file_, 7, 33, "from 400 to 599"));
  EXPECT_TRUE(
      has_diag(load_with("  reply: {finish_reason: end_turn}\n"), file_, 7, 26, "finish_reason` must be one of"));
  EXPECT_TRUE(has_diag(load_with("  reply: {txt: hi}\n"), file_, 7, 11, "unknown key `txt`"));
  EXPECT_TRUE(has_diag(load_with("  dialect: bedrock\n"), file_, 7, 12, "`upstream.dialect` must be one of"));
}

TEST_F(UpstreamCase, ExpectUpstreamReusesTheAssertionSyntax) {
  const Diagnostics d = load_with("  reply: {text: hi}\n",
                                  "  upstream:\n"
                                  "    count: {min: 1, max: 3}\n"
                                  "    method: POST\n"
                                  "    path: /v1/chat/completions\n"
                                  "    headers: {authorization: {matches: \"^Bearer \"}}\n"
                                  "    json:\n"
                                  "      /stop: [\"END\"]\n"
                                  "      /max_tokens: {range: {min: 1}}\n");
  ASSERT_TRUE(d.empty()) << format_diagnostic(d[0]);
  const auto& u = cases_.at(0).expect.upstream;
  ASSERT_TRUE(u.has_value());
  EXPECT_EQ(*u->min_count, 1);
  EXPECT_EQ(*u->max_count, 3);
  EXPECT_EQ(u->method, "POST");
  EXPECT_EQ(u->path, "/v1/chat/completions");
  ASSERT_EQ(u->headers.size(), 1u);
  EXPECT_EQ(u->headers[0].match, HeaderMatch::Matches);
  ASSERT_EQ(u->json.size(), 2u);
  EXPECT_EQ(u->json[0].pointer, "/stop");
  EXPECT_EQ(u->json[1].kind, JsonCheckKind::Range);
}

TEST_F(UpstreamCase, ExpectUpstreamMistakesAreLocated) {
  EXPECT_TRUE(has_diag(load_with("  reply: {}\n", "  upstream: {path: v1/x}\n"), file_, 6, 20, "must start with `/`"));
  EXPECT_TRUE(has_diag(load_with("  reply: {}\n", "  upstream: {count: {min: 3, max: 1}}\n"), file_, 6, 27,
                       "`min` is above `max`"));
  EXPECT_TRUE(
      has_diag(load_with("  reply: {}\n", "  upstream: {json: {stop: 1}}\n"), file_, 6, 21, "is not a JSON pointer"));
}

TEST_F(UpstreamCase, AnOrdinaryCaseNeedsNoUpstream) {
  ASSERT_TRUE(load("id: a\nfeature: messages.basic\nrequest: {endpoint: messages}\nexpect: {}\n").empty());
  EXPECT_FALSE(cases_.at(0).needs_upstream());
}

}  // namespace
}  // namespace ac
