#include <gtest/gtest.h>

#include "check/check_input.hpp"
#include "check/judge.hpp"
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
  in.request_body = exchange.request.body;
  Findings out;
  check_tool_input(in, out);
  return out;
}

// The request kept for results is cut at 16 KiB; the check reads the body as sent, so a long
// conversation's tools are still checked (it used to parse the cut copy and skip silently).
TEST(ToolInput, ARequestLongerThanTheKeptExcerptIsStillChecked) {
  std::string request = kRequest;
  request.insert(request.find("weather?"), std::string(20000, 'x'));
  Expectation expect;
  Exchange exchange;
  exchange.status = 200;
  exchange.request.body = request.substr(0, 16 * 1024);
  exchange.body = R"({"content":[{"type":"tool_use","id":"toolu_1","name":"get_weather","input":{"days":"two"}}]})";
  exchange.response_headers = {{"content-type", "application/json"}};
  test::NoSchemas schemas;
  Findings f = judge_exchange(expect, exchange, schemas, nullptr, false, request);
  bool found = false;
  for (const auto& finding : f) found = found || finding.check == "tool-input";
  EXPECT_TRUE(found) << "the reply's tool input breaks the declared schema";
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
  in.request_body = exchange.request.body;
  Findings out;
  check_tool_input(in, out);
  EXPECT_TRUE(out.empty());
}

}  // namespace
}  // namespace ac
