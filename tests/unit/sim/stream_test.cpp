#include <cstring>

#include "sim_fixture.hpp"

namespace ac::sim::test {
namespace {

class SimStream : public SimTest {
 protected:
  static std::vector<Event> stream(const std::string& body, const HeaderList& extra = {}) {
    auto r = messages(body, extra);
    EXPECT_EQ(r.status, 200) << r.body;
    EXPECT_EQ(r.header("content-type"), "text/event-stream; charset=utf-8");
    EXPECT_EQ(r.header("cache-control"), "no-cache");
    EXPECT_FALSE(r.header("request-id").empty());
    EXPECT_TRUE(r.complete);
    return parse_sse(r.body);
  }
  static std::vector<std::string> names(const std::vector<Event>& events) {
    std::vector<std::string> out;
    for (const auto& e : events) out.push_back(e.name);
    return out;
  }
  // Every event is named after its JSON type; returns the concatenated deltas of `field`.
  static std::string joined(const std::vector<Event>& events, const char* delta_type, const char* field) {
    std::string out;
    for (const auto& e : events) {
      auto doc = parse_json(e.data);
      EXPECT_TRUE(doc.IsObject()) << e.data;
      EXPECT_EQ(e.name, doc["type"].GetString());
      if (e.name == "content_block_delta" && std::strcmp(doc["delta"]["type"].GetString(), delta_type) == 0) {
        out += doc["delta"][field].GetString();
      }
    }
    return out;
  }
};

std::string streamed(const std::string& extra, const std::string& text = "alpha beta gamma delta") {
  return body_with(std::string("\"stream\":true") + (extra.empty() ? "" : "," + extra), text);
}

TEST_F(SimStream, TextStreamFollowsTheGrammar) {
  auto events = stream(streamed(""));
  std::vector<std::string> expected = {"message_start", "ping", "content_block_start", "ping"};
  auto got = names(events);
  ASSERT_GE(got.size(), 8u);
  EXPECT_EQ(std::vector<std::string>(got.begin(), got.begin() + 4), expected);
  EXPECT_EQ(got[got.size() - 3], "content_block_stop");
  EXPECT_EQ(got[got.size() - 2], "message_delta");
  EXPECT_EQ(got.back(), "message_stop");
  EXPECT_EQ(joined(events, "text_delta", "text"), "You said: alpha beta gamma delta");
  auto start = parse_json(events[0].data);
  EXPECT_TRUE(start["message"]["stop_reason"].IsNull());
  EXPECT_EQ(start["message"]["content"].Size(), 0u);
  EXPECT_EQ(start["message"]["usage"]["output_tokens"].GetInt(), 1);
  auto delta = parse_json(events[events.size() - 2].data);
  EXPECT_STREQ(delta["delta"]["stop_reason"].GetString(), "end_turn");
  EXPECT_EQ(delta["usage"]["output_tokens"].GetInt(), 6);
}

TEST_F(SimStream, FramingIsEventDataBlankLine) {
  auto r = messages(streamed(""));
  EXPECT_EQ(r.body.rfind("event: message_start\ndata: {", 0), 0u) << r.body.substr(0, 80);
  EXPECT_EQ(r.body.substr(r.body.size() - 2), "\n\n");
  EXPECT_EQ(r.body.find("\r"), std::string::npos);
  EXPECT_EQ(r.body.find("[DONE]"), std::string::npos);
  // One chunk per event: the stream really is incremental.
  EXPECT_EQ(r.chunks.size(), parse_sse(r.body).size());
}

TEST_F(SimStream, StreamMatchesTheNonStreamedReply) {
  auto events = stream(streamed(R"("stop_sequences":["gamma"])"));
  EXPECT_EQ(joined(events, "text_delta", "text"), "You said: alpha beta ");
  auto delta = parse_json(events[events.size() - 2].data);
  EXPECT_STREQ(delta["delta"]["stop_reason"].GetString(), "stop_sequence");
  EXPECT_STREQ(delta["delta"]["stop_sequence"].GetString(), "gamma");
}

TEST_F(SimStream, ToolUseStreamsPartialJsonMidToken) {
  auto body = streamed(R"("tools":[{"name":"lookup","input_schema":{"type":"object","properties":{"query":{"type":"string"},"count":{"type":"integer"}},"required":["query","count"]}}],"tool_choice":{"type":"any"})");
  auto events = stream(body);
  auto start = parse_json(events[2].data);
  EXPECT_STREQ(start["content_block"]["type"].GetString(), "tool_use");
  EXPECT_TRUE(start["content_block"]["input"].IsObject());
  EXPECT_EQ(start["content_block"]["input"].MemberCount(), 0u);
  std::vector<std::string> pieces;
  for (const auto& e : events) {
    auto doc = parse_json(e.data);
    if (e.name == "content_block_delta") pieces.push_back(doc["delta"]["partial_json"].GetString());
  }
  ASSERT_GE(pieces.size(), 3u);
  EXPECT_EQ(pieces[0], "");
  EXPECT_EQ(pieces[1], "{\"quer");  // cut inside a key
  auto input = parse_json(joined(events, "input_json_delta", "partial_json"));
  ASSERT_TRUE(input.IsObject());
  EXPECT_TRUE(input["query"].IsString());
  EXPECT_TRUE(input["count"].IsInt());
  auto delta = parse_json(events[events.size() - 2].data);
  EXPECT_STREQ(delta["delta"]["stop_reason"].GetString(), "tool_use");
}

TEST_F(SimStream, ThinkingHasDeltasThenOneSignatureBeforeStop) {
  auto body = R"({"model":"claude-sonnet-4-5-20250929","max_tokens":2000,"stream":true,
    "thinking":{"type":"enabled","budget_tokens":1024},"messages":[{"role":"user","content":"Why?"}]})";
  auto events = stream(body);
  auto start = parse_json(events[2].data);
  EXPECT_STREQ(start["content_block"]["type"].GetString(), "thinking");
  EXPECT_STREQ(start["content_block"]["signature"].GetString(), "");
  std::size_t stop = 0;
  for (std::size_t i = 0; i < events.size(); ++i) {
    if (events[i].name == "content_block_stop") { stop = i; break; }
  }
  ASSERT_GT(stop, 0u);
  auto signature = parse_json(events[stop - 1].data);
  EXPECT_STREQ(signature["delta"]["type"].GetString(), "signature_delta");
  EXPECT_FALSE(joined(events, "thinking_delta", "thinking").empty());
  EXPECT_EQ(joined(events, "signature_delta", "signature").size(), 98u);
}

TEST_F(SimStream, PaceSpreadsEventsOverTime) {
  auto r = messages(streamed(""), {{"x-sim-pace-ms", "30"}});
  ASSERT_GE(r.chunk_ms.size(), 8u);
  EXPECT_GE(r.chunk_ms.back() - r.chunk_ms.front(), 30.0 * (r.chunk_ms.size() - 1) * 0.8);
}

TEST_F(SimStream, InBandErrorEndsTheStreamWithoutMessageStop) {
  auto r = messages(streamed(""), {{"x-sim-error", "overloaded"}});
  EXPECT_EQ(r.status, 200);
  EXPECT_TRUE(r.complete);
  auto events = parse_sse(r.body);
  ASSERT_FALSE(events.empty());
  EXPECT_EQ(events.back().name, "error");
  auto error = parse_json(events.back().data);
  EXPECT_STREQ(error["type"].GetString(), "error");
  EXPECT_STREQ(error["error"]["type"].GetString(), "overloaded_error");
  EXPECT_EQ(events[events.size() - 2].name, "content_block_delta");
  for (const auto& e : events) EXPECT_NE(e.name, "message_stop");
  auto first = parse_sse(messages(streamed(""), {{"x-sim-error", "api_error"}, {"x-sim-error-after", "0"}}).body);
  ASSERT_EQ(first.size(), 1u);
  EXPECT_EQ(first[0].name, "error");
}

}  // namespace
}  // namespace ac::sim::test
