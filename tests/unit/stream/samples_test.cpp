// The recorded streams of ../shared/reference/sse-samples (copied in samples/, see README there).
#include <fstream>
#include <sstream>

#include "stream_test_support.hpp"

#include "support/run_binary.hpp"

namespace ac::test {
namespace {

std::string sample(const std::string& name) { return test::source_dir() + "/tests/unit/stream/samples/" + name; }

class GoodSample : public ::testing::TestWithParam<std::string> {};

TEST_P(GoodSample, HasNoFailingFinding) {
  auto v = judge_stream_file_verbose(sample(GetParam()), anthropic_grammar(), anthropic_schemas());
  EXPECT_EQ(failing(v.findings), 0u) << dump(v.findings);
  EXPECT_TRUE(v.completed);
  EXPECT_GT(v.events, 5u);
  ASSERT_TRUE(v.folded.IsObject());
  EXPECT_TRUE(v.folded["stop_reason"].IsString());
  EXPECT_GE(v.folded["content"].Size(), 1u);
}

INSTANTIATE_TEST_SUITE_P(Recorded, GoodSample,
                         ::testing::Values("01-docs-basic-text.sse", "02-sdk-fixture-tool-use.sse",
                                           "03-real-minimal-text.sse", "04-real-thinking-signature.sse",
                                           "05-real-redacted-thinking.sse", "06-real-web-search-citations.sse"),
                         [](const auto& info) { return "s" + info.param.substr(0, 2); });

TEST(Samples, CompleteRecordingsHaveNoFindingAtAll) {
  for (const char* s : {"01-docs-basic-text.sse", "03-real-minimal-text.sse", "04-real-thinking-signature.sse",
                        "05-real-redacted-thinking.sse", "06-real-web-search-citations.sse"}) {
    auto f = judge_stream_file(sample(s), anthropic_grammar(), anthropic_schemas());
    EXPECT_TRUE(f.empty()) << s << "\n" << dump(f);
  }
}

TEST(Samples, MissingFinalBlankLineIsOneWarning) {
  // 02 ends with message_stop and no blank line: judged, and reported as a warning (the grammar's
  // framing.unterminated_final_event), never silently used.
  auto f = judge_stream_file(sample("02-sdk-fixture-tool-use.sse"), anthropic_grammar(), anthropic_schemas());
  ASSERT_EQ(f.size(), 1u) << dump(f);
  EXPECT_EQ(f[0].check, "sse");
  EXPECT_EQ(f[0].severity, Severity::Warning);
  EXPECT_EQ(f[0].pointer, "/events/14");
  EXPECT_NE(f[0].message.find("event 14 (message_stop)"), std::string::npos);
  EXPECT_NE(f[0].message.find("blank line"), std::string::npos);
}

TEST(Samples, ToolUseFoldsIntoParsedInput) {
  auto v = judge_stream_file_verbose(sample("02-sdk-fixture-tool-use.sse"), anthropic_grammar(), anthropic_schemas());
  const auto& c = v.folded["content"];
  ASSERT_EQ(c.Size(), 2u);
  EXPECT_STREQ(c[0]["text"].GetString(), "I'll check the current weather in Paris for you.");
  EXPECT_STREQ(c[1]["type"].GetString(), "tool_use");
  ASSERT_TRUE(c[1]["input"].IsObject());
  EXPECT_STREQ(c[1]["input"]["location"].GetString(), "Paris");
  EXPECT_STREQ(v.folded["stop_reason"].GetString(), "tool_use");
  EXPECT_EQ(v.folded["usage"]["output_tokens"].GetInt(), 65);
  EXPECT_EQ(v.folded["usage"]["input_tokens"].GetInt(), 377);  // kept from message_start
}

TEST(Samples, ThinkingFoldsTextAndSignature) {
  auto v = judge_stream_file_verbose(sample("04-real-thinking-signature.sse"), anthropic_grammar(), anthropic_schemas());
  const auto& c = v.folded["content"];
  ASSERT_EQ(c.Size(), 2u);
  EXPECT_STREQ(c[0]["type"].GetString(), "thinking");
  EXPECT_GT(c[0]["thinking"].GetStringLength(), 100u);
  EXPECT_GT(c[0]["signature"].GetStringLength(), 20u);
  EXPECT_STREQ(c[1]["type"].GetString(), "text");
  EXPECT_GT(c[1]["text"].GetStringLength(), 100u);
}

TEST(Samples, CitationsArePushedIntoTheirTextBlock) {
  auto v = judge_stream_file_verbose(sample("06-real-web-search-citations.sse"), anthropic_grammar(),
                                     anthropic_schemas());
  std::size_t citations = 0, server_inputs = 0;
  for (const auto& b : v.folded["content"].GetArray()) {
    if (b.HasMember("citations") && b["citations"].IsArray()) citations += b["citations"].Size();
    if (std::string(b["type"].GetString()) == "server_tool_use" && b["input"].IsObject() &&
        b["input"].MemberCount() > 0)
      ++server_inputs;
  }
  EXPECT_EQ(citations, 9u);
  EXPECT_EQ(server_inputs, 2u);
}

TEST(Samples, MidStreamErrorIsJudgedAsInBandError) {
  auto v = judge_stream_file_verbose(sample("07-docs-midstream-error-event.sse"), anthropic_grammar(),
                                     anthropic_schemas());
  ASSERT_EQ(v.findings.size(), 1u) << dump(v.findings);
  EXPECT_EQ(v.findings[0].check, "stream-error");
  EXPECT_EQ(v.findings[0].severity, Severity::Breaking);
  EXPECT_NE(v.findings[0].message.find("in-band error: overloaded_error: Overloaded"), std::string::npos);
  EXPECT_EQ(v.error_summary, "overloaded_error: Overloaded");
  EXPECT_FALSE(v.completed);
}

TEST(Samples, OpenAiStreamIsExplainedInOneSentence) {
  auto f = judge_stream_file(sample("90-NOT-ANTHROPIC-openai-chat-completions-stream.sse"), anthropic_grammar(),
                             anthropic_schemas());
  ASSERT_FALSE(f.empty());
  EXPECT_EQ(f[0].message, "no event names; this looks like an OpenAI chat.completion.chunk stream ending in [DONE]");
  EXPECT_EQ(f[0].severity, Severity::Breaking);
  EXPECT_TRUE(find(f, "stream-grammar", "[DONE]") != nullptr) << dump(f);
  EXPECT_LE(f.size(), 3u) << dump(f);
}

TEST(Samples, ByteByByteGivesTheSameVerdict) {
  for (const char* s : {"01-docs-basic-text.sse", "02-sdk-fixture-tool-use.sse", "06-real-web-search-citations.sse",
                        "90-NOT-ANTHROPIC-openai-chat-completions-stream.sse"}) {
    std::ifstream in(sample(s), std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    auto whole = judge_text(text.str());
    auto bytes = judge_text(text.str(), true, 1);
    EXPECT_EQ(dump(whole.findings), dump(bytes.findings)) << s;
    EXPECT_EQ(whole.events, bytes.events);
  }
}

TEST(Samples, UnreadableFileIsOneFinding) {
  auto f = judge_stream_file("tests/unit/stream/samples/no-such.sse", anthropic_grammar(), anthropic_schemas());
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].check, "sse");
  EXPECT_NE(f[0].message.find("cannot read"), std::string::npos);
}

}  // namespace
}  // namespace ac::test
