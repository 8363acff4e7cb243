// expect.lines: a JSON Lines body, judged line by line (batch results).
#include <gtest/gtest.h>

#include "check/check_input.hpp"
#include "check/judge.hpp"

namespace ac {
namespace {

// Knows one schema, "line.json": an object with a string `custom_id`.
class LineSchema : public SchemaRegistry {
 public:
  bool has(const std::string& ref) const override { return ref == "line.json"; }
  std::vector<SchemaError> validate(const std::string&, const rapidjson::Value& v) const override {
    if (v.IsObject() && v.HasMember("custom_id") && v["custom_id"].IsString()) return {};
    return {SchemaError{"/custom_id", "required", "line.json#/required", "a string", "(absent)", "custom_id is required"}};
  }
};

struct Fixture {
  Expectation expect;
  Exchange exchange;
  LineSchema schemas;
  Fixture(const std::string& body, std::optional<std::int64_t> min, std::optional<std::int64_t> max) {
    LinesExpectation l;
    l.schema = "line.json";
    l.min_count = min;
    l.max_count = max;
    expect.lines = l;
    exchange.status = 200;
    exchange.body = body;
    exchange.body_size = body.size();
  }
  Findings run() {
    CheckInput in{expect, exchange, schemas, nullptr, {}, nullptr, false, false, {}, {}};
    Findings out;
    check_lines(in, out);
    return out;
  }
};

TEST(LinesCheck, EveryLineValidAndCountedPasses) {
  Fixture f("{\"custom_id\":\"a\"}\n{\"custom_id\":\"b\"}\n", 2, 2);
  EXPECT_TRUE(f.run().empty());
  Fixture crlf("{\"custom_id\":\"a\"}\r\n\r\n{\"custom_id\":\"b\"}", 2, 2);  // CRLF, a blank line, no final newline
  EXPECT_TRUE(crlf.run().empty());
}

TEST(LinesCheck, ALineThatIsNotJsonNamesItsLine) {
  Fixture f("{\"custom_id\":\"a\"}\n{\"custom_id\":\n", 2, 2);
  Findings out = f.run();
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].check, "lines");
  EXPECT_EQ(out[0].pointer, "/lines/2");
  EXPECT_EQ(out[0].message.rfind("line 2 is not JSON", 0), 0u) << out[0].message;
  EXPECT_EQ(out[0].severity, Severity::Breaking);
}

TEST(LinesCheck, ASchemaFailureSaysTheLineNumber) {
  Fixture f("{\"custom_id\":\"a\"}\n\n{\"result\":{}}\n", 2, 2);  // line 3: blank lines still count
  Findings out = f.run();
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].pointer, "/lines/3/custom_id");
  EXPECT_EQ(out[0].message.rfind("line 3: custom_id is required", 0), 0u) << out[0].message;
}

TEST(LinesCheck, CountOutsideTheBoundsIsAFinding) {
  Fixture exact("{\"custom_id\":\"a\"}\n", 2, 2);
  Findings out = exact.run();
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].expected, "2 lines");
  EXPECT_EQ(out[0].actual, "1");
  Fixture range("{\"custom_id\":\"a\"}\n", 2, 3);
  EXPECT_EQ(range.run().at(0).expected, "2 to 3 lines");
  Fixture at_most("{\"custom_id\":\"a\"}\n{\"custom_id\":\"b\"}\n", std::nullopt, 1);
  EXPECT_EQ(at_most.run().at(0).expected, "at most 1 lines");
  Fixture empty("", 1, std::nullopt);
  EXPECT_EQ(empty.run().at(0).actual, "0");
}

TEST(LinesCheck, ACutBodyIsOneFinding) {
  Fixture f("{\"custom_id\":\"a\"}\n{\"cus", 2, 2);
  f.exchange.body_size = 1000;
  f.exchange.body_truncated = true;
  Findings out = f.run();
  ASSERT_EQ(out.size(), 1u);
  EXPECT_NE(out[0].message.find("cut at the size limit"), std::string::npos);
}

TEST(LinesCheck, RunsFromTheJudgeAndSkipsAnErrorReply) {
  Fixture f("{\"custom_id\":\"a\"}\n", 1, 1);
  EXPECT_TRUE(judge_exchange(f.expect, f.exchange, f.schemas, nullptr, false).empty());
  f.expect.status = {200};
  f.exchange.status = 404;  // the status finding says it all; lines of an error body are not judged
  Findings out = judge_exchange(f.expect, f.exchange, f.schemas, nullptr, false);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].check, "status");
}

}  // namespace
}  // namespace ac
