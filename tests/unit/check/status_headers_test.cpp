#include <gtest/gtest.h>

#include "check/check_input.hpp"
#include "no_schemas.hpp"

namespace ac {
namespace {

using test::NoSchemas;

struct Fixture {
  Expectation expect;
  Exchange exchange;
  NoSchemas schemas;
  Findings run(void (*check)(const CheckInput&, Findings&)) {
    CheckInput in{expect, exchange, schemas, nullptr, {}, nullptr, false, false, {}, {}};
    Findings out;
    check(in, out);
    return out;
  }
};

TEST(StatusCheck, DefaultAccepts2xxOnly) {
  Fixture f;
  f.exchange.status = 201;
  EXPECT_TRUE(f.run(check_status).empty());
  f.exchange.status = 400;
  Findings out = f.run(check_status);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].expected, "2xx");
  EXPECT_NE(out[0].message.find("rejected a request the API accepts"), std::string::npos);
}

TEST(StatusCheck, ASetOfStatusesAcceptsAnyMember) {
  Fixture f;
  f.expect.status = {400, 422};
  f.exchange.status = 422;
  EXPECT_TRUE(f.run(check_status).empty());
  f.exchange.status = 200;
  Findings out = f.run(check_status);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].expected, "400 or 422");
  EXPECT_EQ(out[0].actual, "200");
  EXPECT_NE(out[0].message.find("accepted a request the API rejects"), std::string::npos);
}

HeaderExpectation header(const std::string& name, HeaderMatch match, const std::string& value = "") {
  HeaderExpectation h;
  h.name = name;
  h.match = match;
  h.value = value;
  return h;
}

TEST(HeaderCheck, EachMatchKindPassesAndFails) {
  Fixture f;
  f.exchange.response_headers = {{"Content-Type", "application/json; charset=utf-8"}, {"request-id", "req_1"}};
  f.expect.headers = {header("content-type", HeaderMatch::Matches, "^application/json"),
                      header("request-id", HeaderMatch::Present), header("x-debug", HeaderMatch::Absent),
                      header("request-id", HeaderMatch::Equals, "req_1")};
  EXPECT_TRUE(f.run(check_headers).empty());

  f.expect.headers = {header("content-type", HeaderMatch::Matches, "^text/event-stream"),
                      header("anthropic-organization-id", HeaderMatch::Present),
                      header("request-id", HeaderMatch::Absent), header("request-id", HeaderMatch::Equals, "req_2")};
  Findings out = f.run(check_headers);
  ASSERT_EQ(out.size(), 4u);
  EXPECT_EQ(out[0].pointer, "header:content-type");
  EXPECT_EQ(out[1].actual, "absent");
  EXPECT_EQ(out[2].actual, "req_1");
  EXPECT_EQ(out[3].expected, "req_2");
}

TEST(BodyCheck, ANonJsonBodyIsOneFindingWhenJsonIsExpected) {
  Fixture f;
  f.expect.schema = "anthropic/message.json";
  f.exchange.body = "<html>bad gateway</html>";
  CheckInput in{f.expect, f.exchange, f.schemas, nullptr, "Invalid value. at byte 0", nullptr, false, false, {}, {}};
  Findings out;
  check_body_json(in, out);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_NE(out[0].message.find("not JSON"), std::string::npos);
  EXPECT_EQ(out[0].actual, "<html>bad gateway</html>");
}

}  // namespace
}  // namespace ac

namespace ac {
namespace {

TEST(StatusCheck, AnotherSuccessStatusIsCosmetic) {
  Fixture f;
  f.expect.status = {200};
  f.exchange.status = 201;
  Findings out = f.run(check_status);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].severity, Severity::Cosmetic);
  f.exchange.status = 500;
  out = f.run(check_status);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].severity, Severity::Breaking);
}

TEST(HeaderCheck, AFailureTakesTheSeverityTheCaseGives) {
  Fixture f;
  HeaderExpectation h = header("request-id", HeaderMatch::Present);
  h.severity = Severity::Cosmetic;
  f.expect.headers = {h};
  Findings out = f.run(check_headers);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].severity, Severity::Cosmetic);
}

}  // namespace
}  // namespace ac

#include "check/judge.hpp"

namespace ac {
namespace {

TEST(Judge, AReplyOfAnotherKindGetsOneStatusFindingNotABodyFullOfThem) {
  Expectation expect;
  expect.status = {400};
  expect.schema = "anthropic/error.json";
  JsonExpectation a;
  a.pointer = "/type";
  a.kind = JsonCheckKind::Equals;
  a.value = "\"error\"";
  expect.json = {a};
  Exchange x;
  x.status = 200;
  x.response_headers = {{"content-type", "application/json"}};
  x.body = R"({"type":"message","content":[]})";
  test::NoSchemas schemas;
  Findings f = judge_exchange(expect, x, schemas, nullptr, false);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].check, "status");
  EXPECT_EQ(f[0].severity, Severity::Cosmetic);  // more lenient than the API
  x.status = 500;
  expect.status = {200};
  f = judge_exchange(expect, x, schemas, nullptr, false);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].severity, Severity::Breaking);
}

}  // namespace
}  // namespace ac
