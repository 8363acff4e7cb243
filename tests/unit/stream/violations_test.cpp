// Each way a gateway's stream goes wrong is caught by the expected check, with a located message.
#include "stream_test_support.hpp"

namespace ac::test {
namespace {

TEST(Violations, ValidStreamHasNoFinding) {
  auto j = judge_text(valid_text_stream());
  EXPECT_TRUE(j.findings.empty()) << dump(j.findings);
  EXPECT_TRUE(j.completed);
  EXPECT_EQ(j.events, 8u);
  EXPECT_STREQ((*j.folded)["content"][0]["text"].GetString(), "Hello world");
}

TEST(Violations, ValidStreamWithCrlfCommentsAndOneBytePerWriteHasNoFinding) {
  std::string text = ": hello\n" + valid_text_stream();
  std::string crlf;
  for (char c : text) crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
  auto j = judge_text(crlf, true, 1);
  EXPECT_TRUE(j.findings.empty()) << dump(j.findings);
}

TEST(Violations, MissingMessageStop) {
  auto j = judge_text(message_start() + text_start(0) + text_delta(0, "a") + block_stop(0) +
                      message_delta("\"end_turn\"", 3));
  const Finding* f = find(j.findings, "stream-grammar", "without message_stop");
  ASSERT_NE(f, nullptr) << dump(j.findings);
  EXPECT_NE(f->message.find("after event 4 (message_delta)"), std::string::npos) << f->message;
  EXPECT_EQ(failing(j.findings), 1u) << dump(j.findings);
}

TEST(Violations, MissingContentBlockStop) {
  auto j = judge_text(message_start() + text_start(0) + text_delta(0, "a") + message_delta("\"end_turn\"", 3) +
                      message_stop());
  const Finding* f = find(j.findings, "stream-grammar", "still open");
  ASSERT_NE(f, nullptr) << dump(j.findings);
  EXPECT_EQ(f->pointer, "/events/3");
  EXPECT_NE(f->message.find("event 3 (message_delta)"), std::string::npos);
  EXPECT_NE(f->message.find("block 0 (text)"), std::string::npos);
  EXPECT_EQ(failing(j.findings), 1u) << dump(j.findings);
  // The block is still folded with its text.
  EXPECT_STREQ((*j.folded)["content"][0]["text"].GetString(), "a");
}

TEST(Violations, WrongOrder) {
  // message_stop before message_delta.
  auto j = judge_text(message_start() + text_start(0) + text_delta(0, "a") + block_stop(0) + message_stop() +
                      message_delta("\"end_turn\"", 3));
  const Finding* f = find(j.findings, "stream-grammar", "event 4 (message_stop): is not allowed after content_block_stop");
  ASSERT_NE(f, nullptr) << dump(j.findings);
  EXPECT_NE(f->message.find("expected one of: content_block_start, message_delta, ping, error"), std::string::npos)
      << f->message;
  EXPECT_NE(find(j.findings, "stream-grammar", "event 5 (message_delta): arrived after event 4 (message_stop)"),
            nullptr)
      << dump(j.findings);
}

TEST(Violations, EventBeforeMessageStart) {
  auto j = judge_text(text_start(0) + message_start() + text_delta(0, "a") + block_stop(0) +
                      message_delta("\"end_turn\"", 3) + message_stop());
  EXPECT_NE(find(j.findings, "stream-grammar", "event 0 (content_block_start): is not allowed at the start"), nullptr)
      << dump(j.findings);
}

TEST(Violations, IndexGap) {
  auto j = judge_text(message_start() + text_start(0) + text_delta(0, "a") + block_stop(0) + text_start(2) +
                      text_delta(2, "b") + block_stop(2) + message_delta("\"end_turn\"", 3) + message_stop());
  const Finding* f = find(j.findings, "stream-grammar", "index 2, but it is block 1");
  ASSERT_NE(f, nullptr) << dump(j.findings);
  EXPECT_EQ(f->pointer, "/events/4/data/index");
  EXPECT_EQ(f->expected, "1");
  EXPECT_EQ(f->actual, "2");
  EXPECT_EQ(failing(j.findings), 1u) << dump(j.findings);
}

TEST(Violations, InterleavedBlocks) {
  auto j = judge_text(message_start() + text_start(0) + text_start(1) + text_delta(0, "a") + text_delta(1, "b") +
                      block_stop(0) + block_stop(1) + message_delta("\"end_turn\"", 3) + message_stop());
  EXPECT_NE(find(j.findings, "stream-grammar", "opens block 1 while block 0 (text) is still open"), nullptr)
      << dump(j.findings);
  EXPECT_NE(find(j.findings, "stream-grammar", "targets index 0 but the open block is 1"), nullptr)
      << dump(j.findings);
}

TEST(Violations, WrongDeltaType) {
  auto j = judge_text(message_start() + text_start(0) + delta(0, R"({"type":"input_json_delta","partial_json":"{}"})") +
                      block_stop(0) + message_delta("\"end_turn\"", 3) + message_stop());
  const Finding* f = find(j.findings, "stream-grammar", "a `input_json_delta` cannot target block 0, a `text` block");
  ASSERT_NE(f, nullptr) << dump(j.findings);
  EXPECT_EQ(f->pointer, "/events/2/data/delta/type");
}

std::string tool_stream(const std::vector<std::string>& fragments, const std::string& stop = "\"tool_use\"") {
  std::string s = message_start() +
                  block_start(0, R"({"type":"tool_use","id":"toolu_01","name":"get_weather","input":{}})");
  for (const auto& f : fragments)
    s += delta(0, R"({"type":"input_json_delta","partial_json":")" + f + "\"}");
  return s + block_stop(0) + message_delta(stop, 9) + message_stop();
}

TEST(Violations, InvalidPartialJson) {
  auto j = judge_text(tool_stream({"", "{\\\"city\\\": \\\"Par", "is\\\""}));
  const Finding* f = find(j.findings, "stream-fold", "is not valid JSON");
  ASSERT_NE(f, nullptr) << dump(j.findings);
  EXPECT_EQ(f->pointer, "/folded/content/0/input");
  EXPECT_NE(f->message.find("event 5 (content_block_stop)"), std::string::npos) << f->message;
}

TEST(Violations, PartialJsonThatIsNotAnObject) {
  auto j = judge_text(tool_stream({"[1,", "2]"}));
  EXPECT_NE(find(j.findings, "stream-fold", "parses to array, not object"), nullptr) << dump(j.findings);
}

TEST(Violations, PartialJsonSplitMidTokenFolds) {
  auto j = judge_text(tool_stream({"", "{\\\"ci", "ty\\\": \\\"Pa", "ris\\\", \\\"n\\\": 1", "2}"}));
  EXPECT_TRUE(j.findings.empty()) << dump(j.findings);
  const auto& input = (*j.folded)["content"][0]["input"];
  EXPECT_STREQ(input["city"].GetString(), "Paris");
  EXPECT_EQ(input["n"].GetInt(), 12);
}

TEST(Violations, EmptyPartialJsonMeansEmptyObject) {
  auto j = judge_text(tool_stream({""}));
  EXPECT_TRUE(j.findings.empty()) << dump(j.findings);
  EXPECT_TRUE((*j.folded)["content"][0]["input"].IsObject());
}

TEST(Violations, ZeroUsage) {
  auto j = judge_text(message_start(0) + text_start(0) + text_delta(0, "a") + block_stop(0) +
                      message_delta("\"end_turn\"", 0) + message_stop());
  const Finding* f = find(j.findings, "stream-fold", "folded message");
  ASSERT_NE(f, nullptr) << dump(j.findings);
  EXPECT_EQ(f->pointer, "/folded/usage/output_tokens");
}

TEST(Violations, DecreasingOutputTokens) {
  auto j = judge_text(message_start(5) + text_start(0) + text_delta(0, "a") + block_stop(0) +
                      message_delta("\"end_turn\"", 2) + message_stop());
  const Finding* f = find(j.findings, "stream-fold", "went down from 5 to 2");
  ASSERT_NE(f, nullptr) << dump(j.findings);
  EXPECT_EQ(f->pointer, "/events/4/data/usage/output_tokens");
}

TEST(Violations, MissingOutputTokensInMessageDelta) {
  auto j = judge_text(message_start() + text_start(0) + text_delta(0, "a") + block_stop(0) +
                      frame("message_delta", R"({"type":"message_delta","delta":{"stop_reason":"end_turn","stop_sequence":null},"usage":{}})") +
                      message_stop());
  EXPECT_NE(find(j.findings, "stream-event-schema", "must carry usage.output_tokens"), nullptr) << dump(j.findings);
}

TEST(Violations, StopReasonSetAtStart) {
  auto j = judge_text(message_start(1, "\"end_turn\"") + text_start(0) + text_delta(0, "a") + block_stop(0) +
                      message_delta("\"end_turn\"", 3) + message_stop());
  const Finding* f = find(j.findings, "stream-event-schema", "stop_reason must be null in message_start");
  ASSERT_NE(f, nullptr) << dump(j.findings);
  EXPECT_EQ(f->pointer, "/events/0/data/message/stop_reason");
}

TEST(Violations, StopSequenceInvariant) {
  auto j = judge_text(message_start() + text_start(0) + text_delta(0, "a") + block_stop(0) +
                      message_delta("\"stop_sequence\"", 3) + message_stop());
  EXPECT_NE(find(j.findings, "stream-fold", "folded message"), nullptr) << dump(j.findings);
}

TEST(Violations, ToolUseStopReasonWithoutToolBlock) {
  auto j = judge_text(message_start() + text_start(0) + text_delta(0, "a") + block_stop(0) +
                      message_delta("\"tool_use\"", 3) + message_stop());
  EXPECT_NE(find(j.findings, "stream-fold", "folded message"), nullptr) << dump(j.findings);
}

TEST(Violations, EventsAfterMessageStop) {
  auto j = judge_text(valid_text_stream() + ping() + ping());
  const Finding* f = find(j.findings, "stream-grammar", "event 8 (ping): arrived after event 7 (message_stop)");
  ASSERT_NE(f, nullptr) << dump(j.findings);
  EXPECT_EQ(failing(j.findings), 2u) << dump(j.findings);
}

TEST(Violations, NameDifferentFromType) {
  std::string s = valid_text_stream();
  std::string wrong = frame("content_block_delta", R"({"type":"content_block_start","index":0,"delta":{"type":"text_delta","text":"x"}})");
  s.insert(s.find("event: content_block_stop"), wrong);
  auto j = judge_text(s);
  const Finding* f = find(j.findings, "stream-grammar", "must be equal");
  ASSERT_NE(f, nullptr) << dump(j.findings);
  EXPECT_EQ(f->pointer, "/events/5/data/type");
  EXPECT_EQ(f->expected, "content_block_delta");
  EXPECT_EQ(f->actual, "content_block_start");
}

TEST(Violations, NonJsonData) {
  std::string s = valid_text_stream();
  s.insert(s.find("event: content_block_stop"), frame("content_block_delta", "hello there"));
  auto j = judge_text(s);
  const Finding* f = find(j.findings, "stream-event-schema", "event 5 (content_block_delta): data is not JSON");
  ASSERT_NE(f, nullptr) << dump(j.findings);
  EXPECT_EQ(failing(j.findings), 1u) << dump(j.findings);
}

TEST(Violations, DataOnlyFramesAreReportedOnceAndStillJudged) {
  std::string s = valid_text_stream(), stripped;
  std::size_t pos = 0;
  while (pos < s.size()) {
    std::size_t nl = s.find('\n', pos);
    std::string line = s.substr(pos, nl - pos + 1);
    if (line.rfind("event: ", 0) != 0) stripped += line;
    pos = nl + 1;
  }
  auto j = judge_text(stripped);
  const Finding* f = find(j.findings, "stream-grammar", "has no `event:` line");
  ASSERT_NE(f, nullptr) << dump(j.findings);
  EXPECT_EQ(f->pointer, "/events/0");
  EXPECT_NE(find(j.findings, "stream-grammar", "7 more times"), nullptr) << dump(j.findings);
  // Identified by their JSON type, the frames fold into the message all the same.
  EXPECT_STREQ((*j.folded)["content"][0]["text"].GetString(), "Hello world");
  EXPECT_EQ(j.findings.size(), 2u) << dump(j.findings);
}

TEST(Violations, DoneTerminator) {
  auto j = judge_text(valid_text_stream() + "data: [DONE]\n\n");
  const Finding* f = find(j.findings, "stream-grammar", "[DONE]");
  ASSERT_NE(f, nullptr) << dump(j.findings);
  EXPECT_EQ(f->pointer, "/events/8/data");
}

TEST(Violations, UnknownEventIsAWarning) {
  std::string s = valid_text_stream();
  s.insert(s.find("event: message_delta"), frame("future_event", R"({"type":"future_event"})"));
  auto j = judge_text(s);
  const Finding* f = find(j.findings, "stream-grammar", "future_event");
  ASSERT_NE(f, nullptr) << dump(j.findings);
  EXPECT_EQ(f->severity, Severity::Warning);
  EXPECT_EQ(failing(j.findings), 0u);
}

TEST(Violations, UnknownBlockTypeIsAWarning) {
  auto j = judge_text(message_start() + block_start(0, R"({"type":"hologram","data":"x"})") + block_stop(0) +
                      message_delta("\"end_turn\"", 3) + message_stop());
  const Finding* f = find(j.findings, "stream-grammar", "block type `hologram`");
  ASSERT_NE(f, nullptr) << dump(j.findings);
  EXPECT_EQ(f->severity, Severity::Warning);
}

TEST(Violations, InBandErrorAfterContent) {
  auto j = judge_text(message_start() + text_start(0) + text_delta(0, "a") +
                      frame("error", R"({"type":"error","error":{"details":null,"type":"overloaded_error","message":"Overloaded"} })"));
  ASSERT_EQ(j.findings.size(), 1u) << dump(j.findings);
  EXPECT_EQ(j.findings[0].check, "stream-error");
  EXPECT_TRUE(j.error);
  EXPECT_FALSE(j.completed);
}

TEST(Violations, ConnectionCutMidStream) {
  std::string s = valid_text_stream();
  auto j = judge_text(s.substr(0, s.find("event: content_block_stop")), false);
  const Finding* f = find(j.findings, "sse", "the connection was cut after event 4 (content_block_delta)");
  ASSERT_NE(f, nullptr) << dump(j.findings);
  EXPECT_EQ(f->severity, Severity::Breaking);
}

TEST(Violations, CutInsideAnEventsData) {
  std::string s = valid_text_stream();
  auto j = judge_text(s.substr(0, s.find("event: content_block_stop") - 10), false);
  EXPECT_NE(find(j.findings, "sse", "ended in the middle of this event"), nullptr) << dump(j.findings);
}

TEST(Violations, EmptyStream) {
  auto j = judge_text("");
  EXPECT_NE(find(j.findings, "stream-grammar", "the stream is empty"), nullptr) << dump(j.findings);
}

TEST(Violations, JsonBodyInsteadOfAStream) {
  auto j = judge_text(R"({"type":"message","content":[]})");
  const Finding* f = find(j.findings, "stream-grammar", "the body is not a text/event-stream");
  ASSERT_NE(f, nullptr) << dump(j.findings);
  EXPECT_NE(f->message.find("it starts \"{\"type\":\"message\""), std::string::npos) << f->message;
  EXPECT_EQ(j.findings.size(), 1u) << dump(j.findings);
}

TEST(Violations, OversizeEventIsReportedAndTheRestJudged) {
  StreamJudgeOptions o;
  o.max_event_bytes = 300;
  std::string big(1000, 'x');
  std::string s = message_start() + text_start(0) + text_delta(0, big) + text_delta(0, "b") + block_stop(0) +
                  message_delta("\"end_turn\"", 3) + message_stop();
  auto j = judge_text(s, true, 7, o);
  const Finding* f = find(j.findings, "sse", "over the per-event limit of 300 bytes");
  ASSERT_NE(f, nullptr) << dump(j.findings);
  EXPECT_EQ(f->pointer, "/events/2");
  EXPECT_EQ(failing(j.findings), 1u) << dump(j.findings);
  EXPECT_TRUE(j.completed);
  EXPECT_STREQ((*j.folded)["content"][0]["text"].GetString(), "b");
}

TEST(Violations, RepeatedProblemIsSummarised) {
  std::string s = message_start() + text_start(0);
  for (int i = 0; i < 50; ++i) s += frame("content_block_delta", R"({"type":"content_block_delta","index":0,"delta":{"type":"text_delta"}})");
  s += block_stop(0) + message_delta("\"end_turn\"", 3) + message_stop();
  auto j = judge_text(s);
  EXPECT_LE(j.findings.size(), 5u) << dump(j.findings);
  EXPECT_NE(find(j.findings, "stream-event-schema", "47 more times"), nullptr) << dump(j.findings);
}

TEST(Violations, RecordsFirstEventsWithArrivalTimes) {
  StreamJudgeOptions o;
  o.record_events = 3;
  static const StreamExpectation kExpect;
  StreamJudge j(anthropic_grammar(), anthropic_schemas(), kExpect, o);
  std::string s = valid_text_stream();
  for (std::size_t i = 0; i < s.size(); i += 40) j.feed(s.data() + i, std::min<std::size_t>(40, s.size() - i), double(i));
  j.finish(true);
  ASSERT_EQ(j.recorded_events().size(), 3u);
  EXPECT_EQ(j.recorded_events()[0].name, "message_start");
  EXPECT_GT(j.recorded_events()[1].at_ms, j.recorded_events()[0].at_ms);
  EXPECT_EQ(j.event_count(), 8u);
}

}  // namespace
}  // namespace ac::test
