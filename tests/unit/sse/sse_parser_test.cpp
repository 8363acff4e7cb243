#include "sse/sse_parser.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

namespace ac {
namespace {

struct Got {
  std::string name, data, id;
  std::size_t index = 0, line = 0, offset = 0;
  double at_ms = 0;
  bool operator==(const Got& o) const {
    return name == o.name && data == o.data && id == o.id && index == o.index && line == o.line &&
           offset == o.offset;
  }
};

struct Problem {
  SseProblemKind kind;
  std::size_t index, line, size;
  std::string name, data;
  bool has_data, last_line_complete, oversize;
  bool operator==(const Problem& o) const {
    return kind == o.kind && index == o.index && line == o.line && size == o.size && name == o.name &&
           data == o.data && has_data == o.has_data && last_line_complete == o.last_line_complete;
  }
};

struct Collect : SseSink {
  std::vector<Got> events;
  std::vector<Problem> problems;
  void on_event(const SseEvent& e) override {
    events.push_back({std::string(e.name), std::string(e.data), std::string(e.id), e.index, e.line, e.offset,
                      e.at_ms});
  }
  void on_problem(const SseProblem& p) override {
    problems.push_back({p.kind, p.index, p.line, p.size, std::string(p.name), std::string(p.data), p.has_data,
                        p.last_line_complete, p.oversize});
  }
};

Collect parse(const std::string& text, SseOptions opt = {}) {
  Collect c;
  SseParser p(c, opt);
  p.feed(text.data(), text.size(), 1.0);
  p.finish(2.0);
  return c;
}

// Feeds `text` split at the given sizes (cycled).
Collect parse_chunked(const std::string& text, const std::vector<std::size_t>& sizes, SseOptions opt = {}) {
  Collect c;
  SseParser p(c, opt);
  std::size_t pos = 0, k = 0;
  while (pos < text.size()) {
    std::size_t n = std::min(sizes[k++ % sizes.size()], text.size() - pos);
    p.feed(text.data() + pos, n, static_cast<double>(pos));
    pos += n;
  }
  p.finish(static_cast<double>(pos));
  return c;
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

TEST(SseParser, DispatchesNamedEventAtBlankLine) {
  auto c = parse("event: ping\ndata: {\"type\": \"ping\"}\n\n");
  ASSERT_EQ(c.events.size(), 1u);
  EXPECT_EQ(c.events[0].name, "ping");
  EXPECT_EQ(c.events[0].data, "{\"type\": \"ping\"}");
  EXPECT_EQ(c.events[0].index, 0u);
  EXPECT_EQ(c.events[0].line, 1u);
  EXPECT_TRUE(c.problems.empty());
}

TEST(SseParser, NoEventLineGivesEmptyName) {
  auto c = parse("data: x\n\n");
  ASSERT_EQ(c.events.size(), 1u);
  EXPECT_EQ(c.events[0].name, "");
}

TEST(SseParser, LfCrlfAndCrAreEquivalent) {
  std::string lf = "event: a\ndata: 1\ndata: 2\n\nevent: b\ndata: 3\n\n";
  std::string crlf, cr;
  for (char ch : lf) {
    if (ch == '\n') {
      crlf += "\r\n";
      cr += "\r";
    } else {
      crlf += ch;
      cr += ch;
    }
  }
  auto a = parse(lf), b = parse(crlf), c = parse(cr);
  ASSERT_EQ(a.events.size(), 2u);
  EXPECT_EQ(a.events[0].data, "1\n2");
  EXPECT_EQ(b.events.size(), 2u);
  EXPECT_EQ(c.events.size(), 2u);
  for (std::size_t i = 0; i < 2; ++i) {
    EXPECT_EQ(a.events[i].name, b.events[i].name);
    EXPECT_EQ(a.events[i].data, b.events[i].data);
    EXPECT_EQ(a.events[i].name, c.events[i].name);
    EXPECT_EQ(a.events[i].data, c.events[i].data);
  }
}

TEST(SseParser, CrAtChunkEndThenLfIsOneLineEnd) {
  Collect c;
  SseParser p(c);
  std::string a = "data: a\r", b = "\ndata: b\r\n\r", d = "\n";
  p.feed(a.data(), a.size(), 1);
  p.feed(b.data(), b.size(), 2);
  p.feed(d.data(), d.size(), 3);
  p.finish(4);
  // Were the CR and the LF two line ends, "a" would have been dispatched alone.
  ASSERT_EQ(c.events.size(), 1u);
  EXPECT_EQ(c.events[0].data, "a\nb");
  EXPECT_TRUE(c.problems.empty());
}

TEST(SseParser, LeadingBomIsSkippedEvenWhenSplit) {
  std::string text = "\xEF\xBB\xBF" "data: x\n\n";
  auto whole = parse(text);
  ASSERT_EQ(whole.events.size(), 1u);
  EXPECT_EQ(whole.events[0].data, "x");
  auto split = parse_chunked(text, {1});
  ASSERT_EQ(split.events.size(), 1u);
  EXPECT_EQ(split.events[0].data, "x");
}

TEST(SseParser, BomPrefixThatIsNotABomIsText) {
  // "\xEF" followed by something else is not a BOM; it starts a field name (an unknown one).
  auto c = parse_chunked("\xEF" "data: y\n\ndata: z\n\n", {1});
  ASSERT_EQ(c.events.size(), 1u);
  EXPECT_EQ(c.events[0].data, "z");
}

TEST(SseParser, OnlyOneBomIsSkipped) {
  auto c = parse("\xEF\xBB\xBF\xEF\xBB\xBF" "data: x\n\n");
  EXPECT_TRUE(c.events.empty());  // the second BOM makes the field name unknown
}

TEST(SseParser, CommentsAreIgnored) {
  auto c = parse(": keep-alive\n\nevent: a\n: inside\ndata: 1\n\n");
  ASSERT_EQ(c.events.size(), 1u);
  EXPECT_EQ(c.events[0].name, "a");
  EXPECT_EQ(c.events[0].data, "1");
  EXPECT_EQ(c.events[0].line, 3u);
}

TEST(SseParser, FieldWithoutColonHasEmptyValue) {
  auto c = parse("data\n\nevent\ndata: x\n\n");
  ASSERT_EQ(c.events.size(), 2u);
  EXPECT_EQ(c.events[0].data, "");
  EXPECT_EQ(c.events[1].name, "");
  EXPECT_EQ(c.events[1].data, "x");
}

TEST(SseParser, OnlyOneLeadingSpaceIsStripped) {
  auto c = parse("data:x\n\ndata:  y\n\ndata: \n\n");
  ASSERT_EQ(c.events.size(), 3u);
  EXPECT_EQ(c.events[0].data, "x");
  EXPECT_EQ(c.events[1].data, " y");
  EXPECT_EQ(c.events[2].data, "");
}

TEST(SseParser, DataLinesJoinWithNewline) {
  auto c = parse("data: a\ndata:\ndata: c\n\n");
  ASSERT_EQ(c.events.size(), 1u);
  EXPECT_EQ(c.events[0].data, "a\n\nc");
}

TEST(SseParser, IdPersistsAndRetryTakesDigitsOnly) {
  Collect c;
  SseParser p(c);
  std::string text = std::string("id: 7\nretry: 1500\ndata: a\n\ndata: b\n\nid: x") + '\0' + "y\nretry: 12a\ndata: c\n\n";
  p.feed(text.data(), text.size(), 0);
  p.finish(0);
  ASSERT_EQ(c.events.size(), 3u);
  EXPECT_EQ(c.events[0].id, "7");
  EXPECT_EQ(c.events[1].id, "7");
  EXPECT_EQ(c.events[2].id, "7");  // an id holding NUL is ignored
  EXPECT_EQ(p.retry_ms(), 1500);   // "12a" is not all digits: ignored
  EXPECT_EQ(p.last_event_id(), "7");
}

TEST(SseParser, UnknownFieldsAreIgnored) {
  auto c = parse("foo: bar\ndata: 1\nverylongfieldname: 2\n\n");
  ASSERT_EQ(c.events.size(), 1u);
  EXPECT_EQ(c.events[0].data, "1");
}

TEST(SseParser, NothingIsDispatchedBeforeTheBlankLine) {
  Collect c;
  SseParser p(c);
  std::string a = "event: a\ndata: 1\n";
  p.feed(a.data(), a.size(), 5);
  EXPECT_TRUE(c.events.empty());
  p.feed("\n", 1, 9);
  ASSERT_EQ(c.events.size(), 1u);
  EXPECT_EQ(c.events[0].at_ms, 9);  // the time of the chunk that completed it
}

TEST(SseParser, IndexCountsEveryFrame) {
  auto c = parse("data: a\n\nevent: empty\n\ndata: b\n\n");
  ASSERT_EQ(c.events.size(), 2u);
  EXPECT_EQ(c.events[0].index, 0u);
  EXPECT_EQ(c.events[1].index, 2u);
  ASSERT_EQ(c.problems.size(), 1u);
  EXPECT_EQ(c.problems[0].kind, SseProblemKind::NoData);
  EXPECT_EQ(c.problems[0].name, "empty");
  EXPECT_EQ(c.problems[0].index, 1u);
}

TEST(SseParser, IdOnlyFrameDispatchesNothingAndIsNoProblem) {
  auto c = parse("id: 3\n\ndata: a\n\n");
  ASSERT_EQ(c.events.size(), 1u);
  EXPECT_EQ(c.events[0].index, 0u);
  EXPECT_TRUE(c.problems.empty());
}

TEST(SseParser, OversizeFrameIsReportedSkippedAndParsingContinues) {
  SseOptions opt;
  opt.max_event_bytes = 64;
  std::string big(1000, 'x');
  std::string text = "event: a\ndata: 1\n\nevent: big\ndata: " + big + "\ndata: more\n\nevent: c\ndata: 3\n\n";
  for (auto sizes : std::vector<std::vector<std::size_t>>{{text.size()}, {1}, {7, 3}}) {
    auto c = parse_chunked(text, sizes, opt);
    ASSERT_EQ(c.events.size(), 2u);
    EXPECT_EQ(c.events[0].name, "a");
    EXPECT_EQ(c.events[1].name, "c");
    EXPECT_EQ(c.events[1].index, 2u);
    ASSERT_EQ(c.problems.size(), 1u);
    EXPECT_EQ(c.problems[0].kind, SseProblemKind::Oversize);
    EXPECT_EQ(c.problems[0].index, 1u);
    EXPECT_EQ(c.problems[0].size, std::string("event: big\ndata: " + big + "\ndata: more\n").size());
    EXPECT_EQ(c.problems[0].line, 4u);
  }
}

TEST(SseParser, OversizeFrameIsDiscardedWholeWhateverTheChunking) {
  // Found by fuzz/sse_parser_fuzz: a retry line crossing the cap was half-applied byte by byte.
  SseOptions opt;
  opt.max_event_bytes = 32;
  std::string text = "retry: 2" + std::string(40, '7') + "\ndata: x\n\ndata: y\n\n";
  for (auto sizes : std::vector<std::vector<std::size_t>>{{text.size()}, {1}, {3, 5}}) {
    Collect c;
    SseParser p(c, opt);
    std::size_t pos = 0, k = 0;
    while (pos < text.size()) {
      std::size_t n = std::min(sizes[k++ % sizes.size()], text.size() - pos);
      p.feed(text.data() + pos, n, 0);
      pos += n;
    }
    p.finish(0);
    EXPECT_EQ(p.retry_ms(), -1);
    ASSERT_EQ(c.events.size(), 1u);
    EXPECT_EQ(c.events[0].data, "y");
  }
}

TEST(SseParser, UnterminatedFinalFrameIsReportedNotDispatched) {
  auto c = parse("event: a\ndata: 1\n\nevent: message_stop\ndata: {\"type\":\"message_stop\"}");
  ASSERT_EQ(c.events.size(), 1u);
  ASSERT_EQ(c.problems.size(), 1u);
  const auto& p = c.problems[0];
  EXPECT_EQ(p.kind, SseProblemKind::Unterminated);
  EXPECT_EQ(p.name, "message_stop");
  EXPECT_EQ(p.data, "{\"type\":\"message_stop\"}");
  EXPECT_TRUE(p.has_data);
  EXPECT_FALSE(p.last_line_complete);
  EXPECT_EQ(p.index, 1u);

  auto d = parse("event: a\ndata: 1\n");
  ASSERT_EQ(d.problems.size(), 1u);
  EXPECT_TRUE(d.problems[0].last_line_complete);
  EXPECT_TRUE(d.events.empty());
}

TEST(SseParser, TrailingCommentOrBlankIsNotAFrame) {
  auto c = parse("data: 1\n\n: bye");
  EXPECT_EQ(c.events.size(), 1u);
  EXPECT_TRUE(c.problems.empty());
}

TEST(SseParser, FinishIsIdempotentAndFeedAfterFinishIsIgnored) {
  Collect c;
  SseParser p(c);
  p.feed("data: 1", 7, 0);
  p.finish(1);
  p.finish(2);
  p.feed("\n\n", 2, 3);
  EXPECT_EQ(c.problems.size(), 1u);
  EXPECT_TRUE(c.events.empty());
}

class SampleChunking : public ::testing::TestWithParam<std::string> {};

TEST_P(SampleChunking, AnySplitGivesTheSameEvents) {
  std::string text = read_file("tests/unit/stream/samples/" + GetParam());
  ASSERT_FALSE(text.empty()) << "run from the source root";
  auto whole = parse(text);
  ASSERT_FALSE(whole.events.empty() && whole.problems.empty());
  auto bytewise = parse_chunked(text, {1});
  EXPECT_EQ(whole.events, bytewise.events);
  EXPECT_EQ(whole.problems, bytewise.problems);
  std::mt19937 rng(12345);
  for (int round = 0; round < 20; ++round) {
    std::vector<std::size_t> sizes;
    for (int i = 0; i < 50; ++i) sizes.push_back(1 + rng() % 97);
    auto c = parse_chunked(text, sizes);
    EXPECT_EQ(whole.events, c.events) << "round " << round;
    EXPECT_EQ(whole.problems, c.problems) << "round " << round;
  }
  // The same stream with CRLF line ends gives the same names and data.
  std::string crlf;
  for (char ch : text) crlf += ch == '\n' ? std::string("\r\n") : std::string(1, ch);
  auto c = parse_chunked(crlf, {1});
  ASSERT_EQ(c.events.size(), whole.events.size());
  for (std::size_t i = 0; i < c.events.size(); ++i) EXPECT_EQ(c.events[i].data, whole.events[i].data);
}

INSTANTIATE_TEST_SUITE_P(Samples, SampleChunking,
                         ::testing::Values("01-docs-basic-text.sse", "02-sdk-fixture-tool-use.sse",
                                           "03-real-minimal-text.sse", "04-real-thinking-signature.sse",
                                           "05-real-redacted-thinking.sse", "06-real-web-search-citations.sse",
                                           "07-docs-midstream-error-event.sse",
                                           "90-NOT-ANTHROPIC-openai-chat-completions-stream.sse"),
                         [](const auto& info) { return "s" + info.param.substr(0, 2); });

TEST(SseSamples, SdkFixtureEndsWithUnterminatedMessageStop) {
  auto c = parse(read_file("tests/unit/stream/samples/02-sdk-fixture-tool-use.sse"));
  ASSERT_EQ(c.problems.size(), 1u);
  EXPECT_EQ(c.problems[0].kind, SseProblemKind::Unterminated);
  EXPECT_EQ(c.problems[0].name, "message_stop");
  EXPECT_EQ(c.events.size(), 14u);
}

}  // namespace
}  // namespace ac
