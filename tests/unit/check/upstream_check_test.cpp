// `expect.upstream` judged on what the gateway forwarded: translation findings with their codes.
#include "check/upstream.hpp"

#include <gtest/gtest.h>

#include "check/settle.hpp"

namespace ac {
namespace {

ForwardedRequest forwarded(const std::string& body_unmarked) {
  ForwardedRequest f;
  f.method = "POST";
  f.path = "/v1/chat/completions";
  f.headers = {{"Authorization", "Bearer [REDACTED]"}};
  f.body_unmarked = body_unmarked;
  return f;
}

JsonExpectation equals(const std::string& pointer, const std::string& json) {
  JsonExpectation a;
  a.pointer = pointer;
  a.kind = JsonCheckKind::Equals;
  a.value = json;
  return a;
}

Findings judge(const UpstreamExpectation& e, const std::vector<ForwardedRequest>& seen) {
  Findings out;
  check_upstream(e, seen, out);
  Expectation whole;
  whole.upstream = e;
  settle_findings(whole, out);
  return out;
}

TEST(UpstreamCheck, ForwardedAsExpectedHasNoFinding) {
  UpstreamExpectation e;
  e.min_count = e.max_count = 1;
  e.method = "POST";
  e.path = "/v1/chat/completions";
  e.json = {equals("/stop", R"(["END"])")};
  HeaderExpectation auth;
  auth.name = "authorization";
  auth.match = HeaderMatch::Present;
  e.headers = {auth};
  EXPECT_TRUE(judge(e, {forwarded(R"({"stop":["END"]})")}).empty());
}

TEST(UpstreamCheck, DroppedFieldIsATranslationFinding) {
  UpstreamExpectation e;
  e.where = {"cases/gateway/x.yaml", 12, 7};
  e.json = {equals("/stop", R"(["END"])")};
  Findings f = judge(e, {forwarded(R"({"model":"gpt-4o"})")});
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].check, "upstream");
  EXPECT_EQ(f[0].pointer, "/upstream/body/stop");
  EXPECT_EQ(f[0].code.rfind("upstream.", 0), 0u) << f[0].code;
  EXPECT_NE(f[0].code.find(":/upstream/body/stop"), std::string::npos) << f[0].code;
}

TEST(UpstreamCheck, CountsRetries) {
  UpstreamExpectation e;
  e.min_count = e.max_count = 1;
  Findings f = judge(e, {forwarded("{}"), forwarded("{}"), forwarded("{}")});
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].code, "upstream.count:/upstream/count");
  EXPECT_EQ(f[0].expected, "1");
  EXPECT_EQ(f[0].actual, "3");
  UpstreamExpectation range;
  range.min_count = 2;
  range.max_count = 4;
  EXPECT_EQ(judge(range, {forwarded("{}")}).at(0).expected, "2 to 4");
  EXPECT_TRUE(judge(range, {forwarded("{}"), forwarded("{}")}).empty());
}

TEST(UpstreamCheck, NothingForwardedMethodPathAndHeaders) {
  UpstreamExpectation e;
  e.json = {equals("/stop", "1")};
  EXPECT_EQ(judge(e, {}).at(0).code, "upstream.forwarded:/upstream");
  UpstreamExpectation m;
  m.method = "POST";
  m.path = "/v1/chat/completions";
  HeaderExpectation absent;
  absent.name = "authorization";
  absent.match = HeaderMatch::Absent;
  m.headers = {absent};
  ForwardedRequest wrong = forwarded("{}");
  wrong.method = "PUT";
  wrong.path = "/v1/completions";
  Findings f = judge(m, {wrong});
  ASSERT_EQ(f.size(), 3u);
  EXPECT_EQ(f[0].code, "upstream.method:/upstream/method");
  EXPECT_EQ(f[1].code, "upstream.path:/upstream/path");
  EXPECT_EQ(f[2].code, "upstream.header.absent:/upstream/headers/authorization");
  EXPECT_NE(f[2].message.find("forwarded header"), std::string::npos) << f[2].message;
}

TEST(UpstreamCheck, ABodyThatIsNotJsonIsSaid) {
  UpstreamExpectation e;
  e.json = {equals("/stop", "1")};
  EXPECT_EQ(judge(e, {forwarded("")}).at(0).code, "upstream.body:/upstream/body");
}

}  // namespace
}  // namespace ac
