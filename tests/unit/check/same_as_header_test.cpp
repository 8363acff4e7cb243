// `same_as_header`: a body value equal to a response header (an error's request_id, reference §9),
// run through check_json as a case's `expect.json` is.
#include <gtest/gtest.h>

#include "check/check_input.hpp"
#include "check/json_assertions.hpp"
#include "no_schemas.hpp"

namespace ac {
namespace {

using test::NoSchemas;

const char* kError =
    R"({"type":"error","error":{"type":"overloaded_error","message":"Overloaded"},"request_id":"req_011CSHoEeqs5"})";

JsonExpectation same_as(const std::string& pointer, const std::string& header) {
  JsonExpectation a;
  a.pointer = pointer;
  a.kind = JsonCheckKind::SameAsHeader;
  a.value = "\"" + header + "\"";  // as the loader stores it: a JSON string
  return a;
}

Findings run(const JsonExpectation& a, const Headers& headers, const char* body = kError) {
  Expectation expect;
  expect.json = {a};
  Exchange exchange;
  exchange.response_headers = headers;
  rapidjson::Document doc;
  doc.Parse(body);
  NoSchemas schemas;
  CheckInput in{expect, exchange, schemas, &doc, {}, nullptr, false, false, {}, {}};
  Findings out;
  check_json(in, out);
  return out;
}

TEST(SameAsHeader, PassesWhenTheBodyRepeatsTheHeaderWhateverItsCase) {
  EXPECT_TRUE(run(same_as("/request_id", "request-id"), {{"Request-Id", "req_011CSHoEeqs5"}}).empty());
}

TEST(SameAsHeader, FailsOnAnotherValueNamingBoth) {
  JsonExpectation a = same_as("/request_id", "request-id");
  a.severity = Severity::Cosmetic;
  Findings f = run(a, {{"request-id", "req_other"}});
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].check, "json");
  EXPECT_EQ(f[0].pointer, "/request_id");
  EXPECT_EQ(f[0].expected, "\"req_other\"");
  EXPECT_EQ(f[0].actual, "\"req_011CSHoEeqs5\"");
  EXPECT_EQ(f[0].severity, Severity::Cosmetic);
  EXPECT_NE(f[0].message.find("`request-id` response header"), std::string::npos) << f[0].message;
}

TEST(SameAsHeader, FailsWhenTheHeaderIsMissing) {
  Findings f = run(same_as("/request_id", "request-id"), {{"content-type", "application/json"}});
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].actual, "no `request-id` header");
  EXPECT_NE(f[0].message.find("has no `request-id` header"), std::string::npos) << f[0].message;
}

TEST(SameAsHeader, FailsWhenTheBodyHasNoValueOrANonString) {
  Findings absent = run(same_as("/request_id", "request-id"), {{"request-id", "req_1"}},
                        R"({"type":"error","error":{"type":"api_error","message":"x"}})");
  ASSERT_EQ(absent.size(), 1u);
  EXPECT_EQ(absent[0].actual, "absent");
  EXPECT_EQ(absent[0].expected, "the value of the `request-id` header");

  Findings number = run(same_as("/request_id", "request-id"), {{"request-id", "7"}}, R"({"request_id":7})");
  ASSERT_EQ(number.size(), 1u);
  EXPECT_NE(number[0].message.find("expected a string"), std::string::npos) << number[0].message;
}

TEST(SameAsHeader, WithoutHeadersGivenTheAssertionFails) {
  // check_json_assertions called without the response headers (nothing to compare with).
  rapidjson::Document doc;
  doc.Parse(kError);
  Findings out;
  check_json_assertions({same_as("/request_id", "request-id")}, doc, "json", "", out);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].actual, "no `request-id` header");
}

}  // namespace
}  // namespace ac
