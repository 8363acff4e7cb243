// The OpenAI Chat Completions upstream (docs/upstream.md): the wire format a gateway reads, the
// scripts and faults, and what it records for correlation.
#include "upstream_fixture.hpp"

namespace ac::sim::test {
namespace {

inline constexpr char kOpenAI[] = "openai";

class OpenAIUpstream : public UpstreamTest<kOpenAI> {
 protected:
  static HeaderList bearer() { return {{"authorization", "Bearer sk-test"}, {"content-type", "application/json"}}; }
  static std::string chat(const std::string& marker, const std::string& extra = "") {
    return R"({"model":"gpt-4o","messages":[{"role":"system","content":"Be brief."},{"role":"user","content":"Hi there )" +
           marker + R"("}])" + (extra.empty() ? "" : "," + extra) + "}";
  }
  static RawResponse scripted(const std::string& marker, const std::string& script, const std::string& extra = "") {
    EXPECT_FALSE(upstream_->expect(marker, script));
    return send("/v1/chat/completions", chat(marker, extra), bearer());
  }
  // The JSON of each `data:` line but the final [DONE], which must be last.
  static std::vector<rapidjson::Document> chunks(const RawResponse& r) {
    std::vector<Event> events = parse_sse(r.body);
    EXPECT_FALSE(events.empty());
    std::vector<rapidjson::Document> out;
    for (std::size_t i = 0; i < events.size(); ++i) {
      EXPECT_TRUE(events[i].name.empty()) << "OpenAI streams are data-only";
      if (i + 1 == events.size()) {
        EXPECT_EQ(events[i].data, "[DONE]");
        break;
      }
      out.push_back(parse_json(events[i].data));
    }
    return out;
  }
};

TEST_F(OpenAIUpstream, ScriptedCompletionIsExact) {
  auto r = scripted(
      "[ac:t.text:1]",
      R"({"reply":{"text":"Paris.","finish_reason":"stop","usage":{"prompt_tokens":21,"completion_tokens":7}}})");
  ASSERT_EQ(r.status, 200) << r.body;
  auto doc = parse_json(r.body);
  EXPECT_STREQ(doc["object"].GetString(), "chat.completion");
  EXPECT_EQ(std::string(doc["id"].GetString()).rfind("chatcmpl-", 0), 0u);
  EXPECT_STREQ(doc["model"].GetString(), "gpt-4o");
  const auto& choice = doc["choices"][0];
  EXPECT_STREQ(choice["message"]["role"].GetString(), "assistant");
  EXPECT_STREQ(choice["message"]["content"].GetString(), "Paris.");
  EXPECT_STREQ(choice["finish_reason"].GetString(), "stop");
  EXPECT_EQ(doc["usage"]["prompt_tokens"].GetInt(), 21);
  EXPECT_EQ(doc["usage"]["completion_tokens"].GetInt(), 7);
  EXPECT_EQ(doc["usage"]["total_tokens"].GetInt(), 28);
}

TEST_F(OpenAIUpstream, ToolCallCompletionCarriesArgumentsAsAString) {
  auto r = scripted("[ac:t.tool:1]", R"({"reply":{"tool_call":{"name":"get_weather","arguments":{"city":"Paris"}}}})");
  ASSERT_EQ(r.status, 200) << r.body;
  auto doc = parse_json(r.body);
  const auto& message = doc["choices"][0]["message"];
  EXPECT_TRUE(message["content"].IsNull());
  const auto& call = message["tool_calls"][0];
  EXPECT_EQ(std::string(call["id"].GetString()).rfind("call_", 0), 0u);
  EXPECT_STREQ(call["type"].GetString(), "function");
  EXPECT_STREQ(call["function"]["name"].GetString(), "get_weather");
  EXPECT_STREQ(call["function"]["arguments"].GetString(), R"({"city":"Paris"})");
  EXPECT_STREQ(doc["choices"][0]["finish_reason"].GetString(), "tool_calls");
}

TEST_F(OpenAIUpstream, EveryFinishReasonIsSentAsScripted) {
  for (const std::string reason : {"stop", "length", "tool_calls", "content_filter"}) {
    auto r = scripted("[ac:t.finish:" + std::to_string(reason.size()) + "]",
                      R"({"reply":{"text":"x","finish_reason":")" + reason + R"("}})");
    EXPECT_EQ(parse_json(r.body)["choices"][0]["finish_reason"].GetString(), reason);
  }
}

TEST_F(OpenAIUpstream, StreamIsDataOnlyChunksEndingWithDone) {
  auto r = scripted("[ac:t.stream:1]", R"({"reply":{"text":"One, two, three."}})", R"("stream":true)");
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(r.header("content-type").rfind("text/event-stream", 0), 0u);
  auto frames = chunks(r);
  ASSERT_GE(frames.size(), 3u);
  std::string text;
  for (auto& f : frames) {
    EXPECT_STREQ(f["object"].GetString(), "chat.completion.chunk");
    EXPECT_FALSE(f.HasMember("usage")) << "usage only with stream_options.include_usage";
    const auto& delta = f["choices"][0]["delta"];
    if (delta.HasMember("content")) text += delta["content"].GetString();
  }
  EXPECT_EQ(text, "One, two, three.");
  EXPECT_STREQ(frames.front()["choices"][0]["delta"]["role"].GetString(), "assistant");
  EXPECT_STREQ(frames.back()["choices"][0]["finish_reason"].GetString(), "stop");
}

TEST_F(OpenAIUpstream, IncludeUsageAddsAFinalUsageChunkWithNoChoices) {
  auto r = scripted("[ac:t.usage:1]", R"({"reply":{"text":"Hi.","usage":{"prompt_tokens":15,"completion_tokens":6}}})",
                    R"("stream":true,"stream_options":{"include_usage":true})");
  auto frames = chunks(r);
  ASSERT_GE(frames.size(), 2u);
  const auto& last = frames.back();
  EXPECT_EQ(last["choices"].Size(), 0u);
  EXPECT_EQ(last["usage"]["prompt_tokens"].GetInt(), 15);
  EXPECT_EQ(last["usage"]["completion_tokens"].GetInt(), 6);
  for (std::size_t i = 0; i + 1 < frames.size(); ++i) EXPECT_TRUE(frames[i]["usage"].IsNull()) << i;
}

TEST_F(OpenAIUpstream, StreamedToolCallArgumentsArriveInDeltas) {
  auto r = scripted("[ac:t.tooldelta:1]",
                    R"({"reply":{"tool_call":{"name":"get_weather","arguments":{"city":"Paris","unit":"celsius"}}}})",
                    R"("stream":true)");
  std::string arguments, name, id;
  int argument_chunks = 0;
  for (auto& f : chunks(r)) {
    const auto& delta = f["choices"][0]["delta"];
    if (!delta.HasMember("tool_calls")) continue;
    const auto& call = delta["tool_calls"][0];
    EXPECT_EQ(call["index"].GetInt(), 0);
    if (call.HasMember("id")) id = call["id"].GetString();
    if (call["function"].HasMember("name")) name = call["function"]["name"].GetString();
    std::string piece = call["function"]["arguments"].GetString();
    if (!piece.empty()) ++argument_chunks;
    arguments += piece;
  }
  EXPECT_EQ(name, "get_weather");
  EXPECT_EQ(id.rfind("call_", 0), 0u);
  EXPECT_EQ(arguments, R"({"city":"Paris","unit":"celsius"})");
  EXPECT_GT(argument_chunks, 1) << "arguments must be streamed in pieces, as models do";
}

TEST_F(OpenAIUpstream, StatusFaultSendsOpenAIErrorBodyAndRetryAfter) {
  auto r = scripted("[ac:t.429:1]", R"({"fault":{"kind":"status","status":429,"retry_after":3}})");
  EXPECT_EQ(r.status, 429);
  EXPECT_EQ(r.header("retry-after"), "3");
  auto doc = parse_json(r.body);
  const auto& e = doc["error"];
  EXPECT_STREQ(e["type"].GetString(), "requests");
  EXPECT_STREQ(e["code"].GetString(), "rate_limit_exceeded");
  EXPECT_TRUE(e["param"].IsNull());
  EXPECT_TRUE(e["message"].IsString());
}

TEST_F(OpenAIUpstream, NamedOverloadedErrorAndServerErrors) {
  auto overloaded = scripted("[ac:t.ovl:1]", R"({"fault":{"kind":"status","error":"overloaded"}})");
  EXPECT_EQ(overloaded.status, 503);
  EXPECT_NE(std::string(parse_json(overloaded.body)["error"]["message"].GetString()).find("overloaded"),
            std::string::npos);
  for (int status : {500, 503, 529}) {
    auto r = scripted("[ac:t.s:" + std::to_string(status) + "]",
                      R"({"fault":{"kind":"status","status":)" + std::to_string(status) + "}}");
    EXPECT_EQ(r.status, status);
    EXPECT_STREQ(parse_json(r.body)["error"]["type"].GetString(), "server_error");
  }
}

TEST_F(OpenAIUpstream, UnreachableClosesWithoutAReply) {
  auto r = scripted("[ac:t.gone:1]", R"({"fault":{"kind":"unreachable"}})");
  EXPECT_EQ(r.status, 0) << "no status line may arrive";
  auto seen = upstream_->take("[ac:t.gone:1]");
  ASSERT_EQ(seen.size(), 1u);
  EXPECT_EQ(seen[0].fault, "unreachable");
  EXPECT_EQ(seen[0].reply_status, 0);
}

TEST_F(OpenAIUpstream, CutStreamEndsAfterNChunksWithoutTerminator) {
  auto r = scripted("[ac:t.cut:1]", R"({"reply":{"text":"a b c d e f g"},"fault":{"kind":"cut","after_chunks":2}})",
                    R"("stream":true)");
  EXPECT_EQ(r.status, 200);
  EXPECT_FALSE(r.complete);
  EXPECT_EQ(parse_sse(r.body).size(), 2u);
  EXPECT_EQ(r.body.find("[DONE]"), std::string::npos);
}

TEST_F(OpenAIUpstream, CutBodyAnnouncesMoreThanItSends) {
  auto r = scripted("[ac:t.cutbody:1]", R"({"fault":{"kind":"cut"}})");
  EXPECT_FALSE(r.complete);
  EXPECT_LT(r.body.size(), std::stoul(r.header("content-length")));
}

TEST_F(OpenAIUpstream, MalformedSendsJsonThatDoesNotParse) {
  auto r = scripted("[ac:t.bad:1]", R"({"fault":{"kind":"malformed"}})");
  EXPECT_EQ(r.status, 200);
  rapidjson::Document doc;
  doc.Parse(r.body.c_str());
  EXPECT_TRUE(doc.HasParseError()) << r.body;
}

TEST_F(OpenAIUpstream, StallThenTheReply) {
  auto r = scripted("[ac:t.stall:1]", R"({"reply":{"text":"late"},"fault":{"kind":"stall","stall_ms":200}})");
  EXPECT_EQ(r.status, 200);
  EXPECT_STREQ(parse_json(r.body)["choices"][0]["message"]["content"].GetString(), "late");
  EXPECT_EQ(upstream_->take("[ac:t.stall:1]")[0].fault, "stall");
}

TEST_F(OpenAIUpstream, FaultTimesThenTheReplyAndEachArrivalIsCounted) {
  EXPECT_FALSE(upstream_->expect("[ac:t.retry:1]",
                                 R"({"reply":{"text":"ok"},"fault":{"kind":"status","status":503,"times":1}})"));
  EXPECT_EQ(send("/v1/chat/completions", chat("[ac:t.retry:1]"), bearer()).status, 503);
  EXPECT_EQ(send("/v1/chat/completions", chat("[ac:t.retry:1]"), bearer()).status, 200);
  auto seen = upstream_->take("[ac:t.retry:1]");
  ASSERT_EQ(seen.size(), 2u);
  EXPECT_EQ(seen[0].reply_status, 503);
  EXPECT_EQ(seen[0].fault, "status");
  EXPECT_EQ(seen[1].reply_status, 200);
  EXPECT_EQ(seen[1].fault, "");
}

TEST_F(OpenAIUpstream, RecordsTheForwardedRequestWithTheMarkerRemovedForAssertions) {
  EXPECT_FALSE(upstream_->expect("[ac:t.rec:9]", ""));
  send("/v1/chat/completions", chat("[ac:t.rec:9]", R"("stop":["END"])"), bearer());
  auto seen = upstream_->take("[ac:t.rec:9]");
  ASSERT_EQ(seen.size(), 1u);
  EXPECT_EQ(seen[0].method, "POST");
  EXPECT_EQ(seen[0].path, "/v1/chat/completions");
  EXPECT_NE(seen[0].body.find("Hi there [ac:t.rec:9]"), std::string::npos) << "kept as received";
  auto unmarked = parse_json(seen[0].body_unmarked);
  EXPECT_STREQ(unmarked["messages"][1]["content"].GetString(), "Hi there");
  EXPECT_STREQ(unmarked["stop"][0].GetString(), "END");
  EXPECT_TRUE(upstream_->take("[ac:t.rec:9]").empty()) << "taken once";
}

TEST_F(OpenAIUpstream, RecordsOnlyTheHeadersTheGatewaySent) {
  EXPECT_FALSE(upstream_->expect("[ac:t.hdr:1]", ""));
  send("/v1/chat/completions", chat("[ac:t.hdr:1]"), bearer());
  auto seen = upstream_->take("[ac:t.hdr:1]");
  ASSERT_EQ(seen.size(), 1u);
  for (const auto& [name, value] : seen[0].headers)
    EXPECT_TRUE(name.find("_ADDR") == std::string::npos && name.find("_PORT") == std::string::npos)
        << name << ": cpp-httplib's own note of the connection, not a header the gateway sent";
}

TEST_F(OpenAIUpstream, DefaultReplyWithoutAScript) {
  EXPECT_FALSE(upstream_->expect("[ac:t.default:1]", ""));
  auto r = send("/v1/chat/completions", chat("[ac:t.default:1]"), bearer());
  EXPECT_STREQ(parse_json(r.body)["choices"][0]["message"]["content"].GetString(), "Hello from the upstream.");
}

TEST_F(OpenAIUpstream, DefaultReplyCallsAForcedTool) {
  EXPECT_FALSE(upstream_->expect("[ac:t.forced:1]", ""));
  const std::string tools =
      R"("tools":[{"type":"function","function":{"name":"a","parameters":{"type":"object"}}},)"
      R"({"type":"function","function":{"name":"b","parameters":{"type":"object","properties":{"n":{"type":"integer"}},"required":["n"]}}}],)"
      R"("tool_choice":{"type":"function","function":{"name":"b"}})";
  auto doc = parse_json(send("/v1/chat/completions", chat("[ac:t.forced:1]", tools), bearer()).body);
  const auto& call = doc["choices"][0]["message"]["tool_calls"][0]["function"];
  EXPECT_STREQ(call["name"].GetString(), "b");
  EXPECT_TRUE(parse_json(call["arguments"].GetString())["n"].IsInt());
  EXPECT_STREQ(doc["choices"][0]["finish_reason"].GetString(), "tool_calls");
}

TEST_F(OpenAIUpstream, RequestsTiedToNoCaseAreKeptAsUnmatched) {
  upstream_->take_unmatched();
  send("/v1/chat/completions", chat(""), bearer());                        // no marker
  send("/v1/chat/completions", chat("[ac:never.announced:1]"), bearer());  // a marker no case announced
  EXPECT_FALSE(upstream_->expect("[ac:t.late:1]", ""));
  send("/v1/chat/completions", chat("[ac:t.late:1]"), bearer());
  upstream_->take("[ac:t.late:1]");
  send("/v1/chat/completions", chat("[ac:t.late:1]"), bearer());  // after its case was judged
  auto unmatched = upstream_->take_unmatched();
  ASSERT_EQ(unmatched.size(), 3u);
  EXPECT_EQ(unmatched[0].marker, "");
  EXPECT_EQ(unmatched[1].marker, "[ac:never.announced:1]");
  EXPECT_EQ(unmatched[2].marker, "[ac:t.late:1]");
  EXPECT_TRUE(upstream_->take_unmatched().empty());
}

TEST_F(OpenAIUpstream, MissingKeyAndBadRequestsGetOpenAIErrors) {
  auto no_key = send("/v1/chat/completions", chat(""), {{"content-type", "application/json"}});
  EXPECT_EQ(no_key.status, 401);
  EXPECT_STREQ(parse_json(no_key.body)["error"]["code"].GetString(), "invalid_api_key");
  auto no_messages = send("/v1/chat/completions", R"({"model":"gpt-4o"})", bearer());
  EXPECT_EQ(no_messages.status, 400);
  EXPECT_STREQ(parse_json(no_messages.body)["error"]["type"].GetString(), "invalid_request_error");
  EXPECT_EQ(send("/chat/completions", chat(""), bearer()).status, 200) << "a base URL without /v1 works too";
  EXPECT_EQ(send("/v1/messages", chat(""), bearer()).status, 404);
}

TEST(UpstreamListen, OnlyLoopbackAndAValidPort) {
  std::string host, error;
  int port = 0;
  EXPECT_TRUE(parse_listen_address("127.0.0.1:8788", host, port, error));
  EXPECT_EQ(port, 8788);
  EXPECT_FALSE(parse_listen_address("0.0.0.0:8788", host, port, error));
  EXPECT_NE(error.find("127.0.0.1 only"), std::string::npos);
  EXPECT_FALSE(parse_listen_address("127.0.0.1:0", host, port, error));
  EXPECT_FALSE(parse_listen_address("8788", host, port, error));
}

TEST(UpstreamListen, BusyPortIsAnError) {
  UpstreamOptions options;
  Upstream first(options), second(options);
  const int port = ac::test::free_port();
  std::string error;
  ASSERT_TRUE(first.start("127.0.0.1", port, error)) << error;
  EXPECT_FALSE(second.start("127.0.0.1", port, error));
  EXPECT_NE(error.find("port in use"), std::string::npos) << error;
}

}  // namespace
}  // namespace ac::sim::test
