// The Anthropic upstream: the reference simulator behind the recorder, scripts written as Messages.
#include "upstream_fixture.hpp"

namespace ac::sim::test {
namespace {

inline constexpr char kAnthropic[] = "anthropic";

class AnthropicUpstream : public UpstreamTest<kAnthropic> {
 protected:
  static std::string message(const std::string& marker, const std::string& extra = "") {
    return R"({"model":"claude-sonnet-4-5","max_tokens":64,"messages":[{"role":"user","content":"Hello there )" +
           marker + R"("}])" + (extra.empty() ? "" : "," + extra) + "}";
  }
};

TEST_F(AnthropicUpstream, WithoutAScriptTheReferenceAnswersTheUnmarkedRequest) {
  EXPECT_FALSE(upstream_->expect("[ac:a.ref:1]", ""));
  auto r = send("/v1/messages", message("[ac:a.ref:1]"), api_headers());
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_STREQ(parse_json(r.body)["content"][0]["text"].GetString(), "You said: Hello there")
      << "the marker is gone before the reference reads the request";
}

TEST_F(AnthropicUpstream, AMarkerOnlyTextBlockGoesWithItsMarker) {
  // A user turn of tool results only gets the marker in a text block of its own; once the marker
  // is removed the reference must not see an empty text block, which the API refuses.
  EXPECT_FALSE(upstream_->expect("[ac:a.tool-result:1]", ""));
  const std::string body =
      R"({"model":"claude-sonnet-4-5","max_tokens":64,"messages":[)"
      R"({"role":"user","content":"Weather in Paris?"},)"
      R"({"role":"assistant","content":[{"type":"tool_use","id":"toolu_01","name":"get_weather","input":{"city":"Paris"}}]},)"
      R"({"role":"user","content":[{"type":"tool_result","tool_use_id":"toolu_01","content":"18 C"},)"
      R"({"type":"text","text":"[ac:a.tool-result:1]"}]}],)"
      R"("tools":[{"name":"get_weather","input_schema":{"type":"object"}}]})";
  auto r = send("/v1/messages", body, api_headers());
  EXPECT_EQ(r.status, 200) << r.body;
  auto seen = upstream_->take("[ac:a.tool-result:1]");
  ASSERT_EQ(seen.size(), 1u);
  auto unmarked = parse_json(seen[0].body_unmarked);
  EXPECT_EQ(unmarked["messages"][2]["content"].Size(), 1u) << seen[0].body_unmarked;
}

TEST_F(AnthropicUpstream, ScriptedFinishReasonsBecomeStopReasons) {
  const std::pair<const char*, const char*> map[] = {
      {"stop", "end_turn"}, {"length", "max_tokens"}, {"tool_calls", "tool_use"}, {"content_filter", "refusal"}};
  int n = 0;
  for (const auto& [finish, stop] : map) {
    const std::string marker = "[ac:a.finish:" + std::to_string(++n) + "]";
    EXPECT_FALSE(upstream_->expect(marker, std::string(R"({"reply":{"text":"x","finish_reason":")") + finish +
                                               R"(","usage":{"prompt_tokens":3,"completion_tokens":4}}})"));
    auto doc = parse_json(send("/v1/messages", message(marker), api_headers()).body);
    EXPECT_STREQ(doc["stop_reason"].GetString(), stop);
    EXPECT_EQ(doc["usage"]["input_tokens"].GetInt(), 3);
    EXPECT_EQ(doc["usage"]["output_tokens"].GetInt(), 4);
  }
}

TEST_F(AnthropicUpstream, ScriptedToolCallIsAToolUseBlock) {
  EXPECT_FALSE(upstream_->expect("[ac:a.tool:1]", R"({"reply":{"tool_call":{"name":"f","arguments":{"a":1}}}})"));
  auto doc = parse_json(send("/v1/messages", message("[ac:a.tool:1]"), api_headers()).body);
  EXPECT_STREQ(doc["content"][0]["type"].GetString(), "tool_use");
  EXPECT_EQ(std::string(doc["content"][0]["id"].GetString()).rfind("toolu_", 0), 0u);
  EXPECT_EQ(doc["content"][0]["input"]["a"].GetInt(), 1);
  EXPECT_STREQ(doc["stop_reason"].GetString(), "tool_use");
}

TEST_F(AnthropicUpstream, ScriptedStreamIsAnEventStream) {
  EXPECT_FALSE(upstream_->expect("[ac:a.stream:1]", R"({"reply":{"text":"a b"}})"));
  auto r = send("/v1/messages", message("[ac:a.stream:1]", R"("stream":true)"), api_headers());
  auto events = parse_sse(r.body);
  ASSERT_FALSE(events.empty());
  EXPECT_EQ(events.front().name, "message_start");
  EXPECT_EQ(events.back().name, "message_stop");
}

TEST_F(AnthropicUpstream, StatusFaultsUseTheAnthropicEnvelope) {
  const std::pair<int, const char*> cases[] = {
      {429, "rate_limit_error"}, {500, "api_error"}, {529, "overloaded_error"}};
  for (const auto& [status, type] : cases) {
    const std::string marker = "[ac:a.fault:" + std::to_string(status) + "]";
    EXPECT_FALSE(upstream_->expect(marker, R"({"fault":{"kind":"status","status":)" + std::to_string(status) + "}}"));
    auto r = send("/v1/messages", message(marker), api_headers());
    EXPECT_EQ(r.status, status);
    auto doc = parse_json(r.body);
    EXPECT_STREQ(doc["type"].GetString(), "error");
    EXPECT_STREQ(doc["error"]["type"].GetString(), type);
  }
}

}  // namespace
}  // namespace ac::sim::test
