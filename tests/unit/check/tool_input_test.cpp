#include <gtest/gtest.h>

#include "check/check_input.hpp"
#include "check/judge.hpp"
#include "model/finding_code.hpp"
#include "model/severity_table.hpp"
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
  CheckInput in{expect, exchange, schemas, &body, {}, nullptr, false, false, {}, {}};
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

// A tool input's errors read as every other schema error: the explaining walk's wording, the
// pointer of the offending part, the keyword as the finding's rule and its place in the schema.
TEST(ToolInput, ErrorsReadLikeEveryOtherSchemaError) {
  Findings f = judge_reply(R"({"content":[{"type":"tool_use","id":"toolu_1","name":"get_weather","input":{"days":"two"}}]})");
  ASSERT_EQ(f.size(), 2u);
  EXPECT_EQ(f[0].pointer, "/content/0/input");
  EXPECT_EQ(f[0].rule, "required");
  EXPECT_EQ(f[0].expected, "property \"city\"");
  EXPECT_EQ(f[0].message, "missing required property \"city\" [required at get_weather.input_schema#/required]");
  EXPECT_EQ(f[1].pointer, "/content/0/input/days");
  EXPECT_EQ(f[1].rule, "type");
  EXPECT_EQ(f[1].expected, "integer");
  EXPECT_EQ(f[1].actual, "\"two\"");
  EXPECT_EQ(f[1].message, "expected integer, got string [type at get_weather.input_schema#/properties/days/type]");
}

// Their codes carry the keyword as every schema finding's do (tool-input.required:/content/*/input/city),
// and the severity table still grades every one of them.
TEST(ToolInput, EveryFindingCodeHasASeverityRow) {
  Findings f = judge_reply(R"({"content":[{"type":"tool_use","id":"toolu_1","name":"get_weather","input":{"days":"two"}}]})");
  Findings undeclared = judge_reply(R"({"content":[{"type":"tool_use","id":"toolu_1","name":"rm_rf","input":{}}]})");
  f.insert(f.end(), undeclared.begin(), undeclared.end());
  ASSERT_EQ(f.size(), 3u);
  EXPECT_EQ(finding_code(f[0]), "tool-input.required:/content/*/input/city");
  for (const Finding& finding : f) {
    const SeverityRule* rule = severity_rule_for(finding_code(finding));
    ASSERT_NE(rule, nullptr) << finding_code(finding);
    EXPECT_EQ(rule->pattern, "tool-input*") << finding_code(finding);
  }
}

Findings judge_with_tools(const std::string& tools, const char* reply) {
  Expectation expect;
  Exchange exchange;
  exchange.status = 200;
  const std::string request = R"({"model":"m","max_tokens":8,"messages":[],"tools":)" + tools + "}";
  rapidjson::Document body;
  body.Parse(reply);
  test::NoSchemas schemas;
  CheckInput in{expect, exchange, schemas, &body, {}, nullptr, false, false, {}, {}};
  in.request_body = request;
  Findings out;
  check_tool_input(in, out);
  return out;
}

// An input_schema is compiled as a schema file is: its own $refs resolve, and its `$schema`
// (MCP tools often name 2020-12) does not stop it being judged as draft 7.
TEST(ToolInput, AnInputSchemaWithDefinitionsAndADialectIsJudged) {
  const std::string tools = R"([{"name":"pick","input_schema":{"$schema":"https://json-schema.org/draft/2020-12/schema",
      "type":"object","properties":{"colour":{"$ref":"#/definitions/colour"}},"definitions":{"colour":{"enum":["red","blue"]}}}}])";
  EXPECT_TRUE(judge_with_tools(tools, R"({"content":[{"type":"tool_use","name":"pick","input":{"colour":"red"}}]})").empty());
  Findings f = judge_with_tools(tools, R"({"content":[{"type":"tool_use","name":"pick","input":{"colour":"green"}}]})");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].pointer, "/content/0/input/colour");
  EXPECT_EQ(f[0].rule, "enum");
  EXPECT_NE(f[0].message.find("pick.input_schema#/definitions/colour/enum"), std::string::npos) << f[0].message;
}

TEST(ToolInput, AnInputSchemaThatCannotBeUsedIsAWarningThatSaysWhy) {
  Findings f = judge_with_tools(R"([{"name":"t","input_schema":{"type":"object","properties":{"a":{"$ref":"#/definitions/nope"}}}}])",
                                R"({"content":[{"type":"tool_use","name":"t","input":{"a":1}}]})");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].severity, Severity::Warning);
  EXPECT_NE(f[0].message.find("could not be used: $ref `#/definitions/nope` points to nothing"), std::string::npos)
      << f[0].message;
  f = judge_with_tools(R"([{"name":"t","input_schema":{"type":"object","properties":{"a":{"type":"strnig"}}}}])",
                       R"({"content":[{"type":"tool_use","name":"t","input":{"a":1}}]})");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].severity, Severity::Warning);
  EXPECT_NE(f[0].message.find("could not be used: schema rejected by the validator"), std::string::npos) << f[0].message;
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
  CheckInput in{expect, exchange, schemas, &body, {}, nullptr, false, false, {}, {}};
  in.request_body = exchange.request.body;
  Findings out;
  check_tool_input(in, out);
  EXPECT_TRUE(out.empty());
}

}  // namespace
}  // namespace ac
