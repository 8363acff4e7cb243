#include <gtest/gtest.h>

#include "check/check_input.hpp"
#include "no_schemas.hpp"

namespace ac {
namespace {

const char* kRequest =
    R"({"model":"m","max_tokens":64,"messages":[{"role":"user","content":"weather?"}],
        "tools":[{"name":"get_weather","input_schema":{"type":"object","properties":{"city":{"type":"string"},
        "days":{"type":"integer","minimum":1}},"required":["city"]}}]})";

Findings judge_reply(const char* reply) {
  Expectation expect;
  Exchange exchange;
  exchange.status = 200;
  exchange.request.body = kRequest;
  rapidjson::Document body;
  body.Parse(reply);
  test::NoSchemas schemas;
  CheckInput in{expect, exchange, schemas, &body, {}, nullptr, false, false};
  Findings out;
  check_tool_input(in, out);
  return out;
}

TEST(ToolInput, AnInputThatMatchesTheDeclaredSchemaPasses) {
  EXPECT_TRUE(judge_reply(R"({"content":[{"type":"text","text":"ok"},
      {"type":"tool_use","id":"toolu_1","name":"get_weather","input":{"city":"Paris","days":2}}]})")
                  .empty());
}

TEST(ToolInput, AMissingRequiredPropertyOrWrongTypeIsBreaking) {
  Findings f = judge_reply(R"({"content":[{"type":"tool_use","id":"toolu_1","name":"get_weather","input":{"days":"two"}}]})");
  ASSERT_GE(f.size(), 1u);
  for (const auto& finding : f) {
    EXPECT_EQ(finding.check, "tool-input");
    EXPECT_EQ(finding.severity, Severity::Breaking);
    EXPECT_EQ(finding.pointer.rfind("/content/0/input", 0), 0u) << finding.pointer;
  }
}

TEST(ToolInput, CallingAnUndeclaredToolIsReported) {
  Findings f = judge_reply(R"({"content":[{"type":"tool_use","id":"toolu_1","name":"rm_rf","input":{}}]})");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].pointer, "/content/0/name");
}

TEST(ToolInput, RequestsWithoutToolsAreNotJudged) {
  Expectation expect;
  Exchange exchange;
  exchange.status = 200;
  exchange.request.body = R"({"messages":[]})";
  rapidjson::Document body;
  body.Parse(R"({"content":[{"type":"tool_use","id":"t","name":"x","input":{}}]})");
  test::NoSchemas schemas;
  CheckInput in{expect, exchange, schemas, &body, {}, nullptr, false, false};
  Findings out;
  check_tool_input(in, out);
  EXPECT_TRUE(out.empty());
}

}  // namespace
}  // namespace ac
