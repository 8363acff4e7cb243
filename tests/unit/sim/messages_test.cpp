#include <regex>

#include "sim_fixture.hpp"

namespace ac::sim::test {
namespace {

class SimMessages : public SimTest {
 protected:
  static rapidjson::Document ok(const std::string& body) {
    auto r = messages(body);
    EXPECT_EQ(r.status, 200) << r.body;
    EXPECT_EQ(r.header("content-type"), "application/json");
    EXPECT_TRUE(std::regex_match(r.header("request-id"), std::regex("req_[0-9A-Za-z]{24}")));
    return parse_json(r.body);
  }
  static std::string text_of(const rapidjson::Document& doc, int block = 0) {
    return doc["content"][block]["text"].GetString();
  }
};

TEST_F(SimMessages, BasicReplyHasTheMessageShape) {
  auto doc = ok(body_with("", "Hello there"));
  EXPECT_TRUE(std::regex_match(std::string(doc["id"].GetString()), std::regex("msg_[0-9A-Za-z]{24}")));
  EXPECT_STREQ(doc["type"].GetString(), "message");
  EXPECT_STREQ(doc["role"].GetString(), "assistant");
  EXPECT_STREQ(doc["model"].GetString(), "claude-sonnet-4-5-20250929");
  ASSERT_EQ(doc["content"].Size(), 1u);
  EXPECT_STREQ(doc["content"][0]["type"].GetString(), "text");
  EXPECT_EQ(text_of(doc), "You said: Hello there");
  EXPECT_STREQ(doc["stop_reason"].GetString(), "end_turn");
  EXPECT_TRUE(doc["stop_sequence"].IsNull());
  EXPECT_EQ(doc["usage"]["output_tokens"].GetInt(), 4);
  EXPECT_GT(doc["usage"]["input_tokens"].GetInt(), 0);
}

TEST_F(SimMessages, RateLimitHeadersAccompanyReplies) {
  auto r = messages(body_with(""));
  EXPECT_EQ(r.header("anthropic-ratelimit-requests-limit"), "4000");
  EXPECT_EQ(r.header("anthropic-ratelimit-input-tokens-remaining"), "2000000");  // rounded to 1000s
  EXPECT_TRUE(std::regex_match(r.header("anthropic-ratelimit-tokens-reset"),
                               std::regex("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z")));
}

TEST_F(SimMessages, AliasResolvesToDatedModel) {
  auto doc = ok(R"({"model":"claude-sonnet-4-0","max_tokens":5,"messages":[{"role":"user","content":"hi"}]})");
  EXPECT_STREQ(doc["model"].GetString(), "claude-sonnet-4-20250514");
}

TEST_F(SimMessages, MaxTokensCutsToThatManyWords) {
  auto doc = ok(R"({"model":"claude-sonnet-4-5-20250929","max_tokens":3,"messages":[{"role":"user","content":"one two three four"}]})");
  EXPECT_EQ(text_of(doc), "You said: one");
  EXPECT_STREQ(doc["stop_reason"].GetString(), "max_tokens");
  EXPECT_TRUE(doc["stop_sequence"].IsNull());
  EXPECT_EQ(doc["usage"]["output_tokens"].GetInt(), 3);
}

TEST_F(SimMessages, StopSequenceCutsBeforeTheEarliestMatch) {
  auto doc = ok(body_with(R"("stop_sequences":["four","two"])", "one two three four"));
  EXPECT_EQ(text_of(doc), "You said: one ");
  EXPECT_STREQ(doc["stop_reason"].GetString(), "stop_sequence");
  EXPECT_STREQ(doc["stop_sequence"].GetString(), "two");
  auto none = ok(body_with(R"("stop_sequences":["zebra"])", "one two"));
  EXPECT_STREQ(none["stop_reason"].GetString(), "end_turn");
  EXPECT_TRUE(none["stop_sequence"].IsNull());
}

TEST_F(SimMessages, SystemAsStringAndBlocksAndMetadata) {
  ok(body_with(R"("system":"Be brief.","metadata":{"user_id":"u-1"})"));
  ok(body_with(R"("system":[{"type":"text","text":"Be brief.","cache_control":{"type":"ephemeral"}}])"));
  auto r = messages(body_with(R"("metadata":{"user":"x"})"));
  EXPECT_EQ(r.status, 400);
}

TEST_F(SimMessages, ImagesAreAccepted) {
  auto doc = ok(R"({"model":"claude-sonnet-4-5-20250929","max_tokens":50,"messages":[{"role":"user","content":[
    {"type":"image","source":{"type":"base64","media_type":"image/png","data":"iVBORw0KGgo="}},
    {"type":"image","source":{"type":"url","url":"https://example.com/a.jpg"}},
    {"type":"text","text":"What is this?"}]}]})");
  EXPECT_EQ(text_of(doc), "I see 2 attachments. You said: What is this?");
  auto bad = messages(R"({"model":"claude-sonnet-4-5-20250929","max_tokens":50,"messages":[{"role":"user","content":[
    {"type":"image","source":{"type":"base64","media_type":"image/bmp","data":"AAAA"}}]}]})");
  EXPECT_EQ(bad.status, 400);
}

const char* kWeatherTool = R"({"name":"get_weather","description":"Weather for a place","input_schema":{
  "type":"object","properties":{"location":{"type":"string","minLength":3},"unit":{"type":"string","enum":["celsius","fahrenheit"]},
  "days":{"type":"integer","minimum":1,"maximum":7},"detail":{"type":"object","properties":{"hourly":{"type":"boolean"}},"required":["hourly"]},
  "tags":{"type":"array","items":{"type":"string"},"minItems":2},"note":{"type":"string"}},
  "required":["location","unit","days","detail","tags"]}})";

std::string tool_body(const std::string& choice, const std::string& text = "Hello") {
  return body_with(std::string("\"tools\":[") + kWeatherTool + "]" + (choice.empty() ? "" : ",\"tool_choice\":" + choice), text);
}

TEST_F(SimMessages, ForcedToolUseBuildsInputFromTheSchema) {
  for (const std::string choice : {R"({"type":"any"})", R"({"type":"tool","name":"get_weather"})"}) {
    auto doc = ok(tool_body(choice));
    EXPECT_STREQ(doc["stop_reason"].GetString(), "tool_use");
    ASSERT_EQ(doc["content"].Size(), 1u);
    const auto& use = doc["content"][0];
    EXPECT_STREQ(use["type"].GetString(), "tool_use");
    EXPECT_TRUE(std::regex_match(std::string(use["id"].GetString()), std::regex("toolu_[0-9A-Za-z]{24}")));
    EXPECT_STREQ(use["name"].GetString(), "get_weather");
    const auto& input = use["input"];
    ASSERT_TRUE(input.IsObject());
    EXPECT_GE(input["location"].GetStringLength(), 3u);
    EXPECT_STREQ(input["unit"].GetString(), "celsius");
    EXPECT_GE(input["days"].GetInt(), 1);
    EXPECT_TRUE(input["detail"]["hourly"].IsBool());
    EXPECT_EQ(input["tags"].Size(), 2u);
    EXPECT_FALSE(input.HasMember("note"));  // optional properties are left out
  }
}

TEST_F(SimMessages, AutoUsesAToolOnlyWhenTheUserNamesIt) {
  auto plain = ok(tool_body(R"({"type":"auto"})", "Hello"));
  EXPECT_STREQ(plain["stop_reason"].GetString(), "end_turn");
  auto asked = ok(tool_body("", "Please call get_weather for Paris"));
  EXPECT_STREQ(asked["stop_reason"].GetString(), "tool_use");
  ASSERT_EQ(asked["content"].Size(), 2u);
  EXPECT_STREQ(asked["content"][0]["type"].GetString(), "text");
  EXPECT_STREQ(asked["content"][1]["type"].GetString(), "tool_use");
  auto none = ok(tool_body(R"({"type":"none"})", "Please call get_weather"));
  EXPECT_STREQ(none["stop_reason"].GetString(), "end_turn");
}

TEST_F(SimMessages, ToolResultRoundTripAnswersWithText) {
  auto doc = ok(std::string(R"({"model":"claude-sonnet-4-5-20250929","max_tokens":100,"tools":[)") + kWeatherTool +
                R"(],"messages":[{"role":"user","content":"weather via get_weather?"},
      {"role":"assistant","content":[{"type":"tool_use","id":"toolu_01A","name":"get_weather","input":{"location":"Paris"}}]},
      {"role":"user","content":[{"type":"tool_result","tool_use_id":"toolu_01A","content":"15 degrees"}]}]})");
  EXPECT_STREQ(doc["stop_reason"].GetString(), "end_turn");
  EXPECT_EQ(text_of(doc), "Tool result received: 15 degrees");
}

TEST_F(SimMessages, ThinkingComesBeforeTheText) {
  auto doc = ok(R"({"model":"claude-sonnet-4-5-20250929","max_tokens":2000,"thinking":{"type":"enabled","budget_tokens":1024},
    "messages":[{"role":"user","content":"Why?"}]})");
  ASSERT_EQ(doc["content"].Size(), 2u);
  EXPECT_STREQ(doc["content"][0]["type"].GetString(), "thinking");
  EXPECT_GT(doc["content"][0]["thinking"].GetStringLength(), 0u);
  EXPECT_GT(doc["content"][0]["signature"].GetStringLength(), 0u);
  EXPECT_STREQ(doc["content"][1]["type"].GetString(), "text");
}

TEST_F(SimMessages, CountTokensMatchesMessagesUsage) {
  const std::string counted = R"({"model":"claude-sonnet-4-5-20250929","system":"Be brief.","messages":[{"role":"user","content":"one two three"}]})";
  auto r = post("/v1/messages/count_tokens", counted);
  ASSERT_EQ(r.status, 200) << r.body;
  auto count = parse_json(r.body);
  ASSERT_TRUE(count["input_tokens"].IsInt());
  auto doc = ok(R"({"model":"claude-sonnet-4-5-20250929","max_tokens":9,"system":"Be brief.","messages":[{"role":"user","content":"one two three"}]})");
  EXPECT_EQ(count["input_tokens"].GetInt(), doc["usage"]["input_tokens"].GetInt());
  // count_tokens takes no max_tokens.
  auto extra = post("/v1/messages/count_tokens", body_with(""));
  EXPECT_EQ(extra.status, 400);
  EXPECT_NE(extra.body.find("max_tokens: Extra inputs are not permitted"), std::string::npos);
}

TEST_F(SimMessages, RepliesAreDeterministic) {
  auto a = ok(body_with("", "same words"));
  auto b = ok(body_with("", "same words"));
  EXPECT_EQ(text_of(a), text_of(b));
  EXPECT_STRNE(a["id"].GetString(), b["id"].GetString());
}

}  // namespace
}  // namespace ac::sim::test
