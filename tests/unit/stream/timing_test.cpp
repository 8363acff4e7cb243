// Timing: bounds from the case, and a buffered stream detected as such.
#include "stream_test_support.hpp"

namespace ac::test {
namespace {

struct Timed {
  Findings findings;
  double first_event = 0, first_content = 0, max_gap = 0;
};

// Feeds the frames of valid_text_stream() with many deltas, each frame at the given time.
Timed run(const std::vector<double>& times, const StreamExpectation& expect, int deltas = 6) {
  std::vector<std::string> frames = {message_start(), text_start(0)};
  for (int i = 0; i < deltas; ++i) frames.push_back(text_delta(0, "w" + std::to_string(i)));
  frames.push_back(block_stop(0));
  frames.push_back(message_delta("\"end_turn\"", 9));
  frames.push_back(message_stop());
  StreamJudge j(anthropic_grammar(), anthropic_schemas(), expect, StreamJudgeOptions{});
  for (std::size_t i = 0; i < frames.size(); ++i)
    j.feed(frames[i].data(), frames[i].size(), times[std::min(i, times.size() - 1)]);
  j.finish(true);
  return {j.findings(), j.first_event_ms(), j.first_content_ms(), j.max_gap_ms()};
}

std::vector<double> paced(double start, double step, std::size_t n) {
  std::vector<double> t;
  for (std::size_t i = 0; i < n; ++i) t.push_back(start + step * static_cast<double>(i));
  return t;
}

TEST(Timing, MeasuresFirstEventContentAndGap) {
  StreamExpectation e;
  auto r = run({100, 110, 300, 320, 340, 360, 380, 400, 410, 420, 430}, e);
  EXPECT_TRUE(r.findings.empty()) << dump(r.findings);
  EXPECT_EQ(r.first_event, 100);
  EXPECT_EQ(r.first_content, 300);
  EXPECT_EQ(r.max_gap, 190);
}

TEST(Timing, BoundsAreChecked) {
  StreamExpectation e;
  e.timing_max_ms = {{"first_content", 250}, {"max_gap", 500}, {"total", 1000}, {"first_evnt", 1}};
  auto r = run({100, 110, 300, 320, 340, 360, 380, 400, 410, 420, 430}, e);
  const Finding* f = find(r.findings, "stream-timing", "first_content took 300 ms, over the case's bound of 250 ms");
  ASSERT_NE(f, nullptr) << dump(r.findings);
  EXPECT_EQ(f->severity, Severity::Breaking);
  const Finding* u = find(r.findings, "stream-timing", "unknown timing bound `first_evnt`");
  ASSERT_NE(u, nullptr) << dump(r.findings);
  EXPECT_EQ(u->severity, Severity::Warning);
  EXPECT_EQ(failing(r.findings), 1u) << dump(r.findings);
}

TEST(Timing, BufferedStreamIsDetected) {
  StreamExpectation e;
  auto r = run(paced(3000, 0.5, 11), e);
  const Finding* f = find(r.findings, "stream-timing", "the stream was buffered: 6 content deltas arrived within 2 ms after 3001 ms of silence");
  ASSERT_NE(f, nullptr) << dump(r.findings);
  EXPECT_NE(f->message.find("a real client sees no streaming"), std::string::npos);
  EXPECT_EQ(f->severity, Severity::Breaking);
}

TEST(Timing, AShortSilenceBeforeABurstIsOnlyAWarning) {
  // 300 ms, then everything at once: a buffering proxy, or a reader kept off a busy CPU.
  StreamExpectation e;
  auto r = run(paced(300, 0.5, 11), e);
  const Finding* f = find(r.findings, "stream-timing", "the stream was buffered");
  ASSERT_NE(f, nullptr) << dump(r.findings);
  EXPECT_EQ(f->severity, Severity::Warning);
  EXPECT_NE(f->message.find("a warning under 750 ms of silence"), std::string::npos) << f->message;
  EXPECT_EQ(failing(r.findings), 0u);
}

TEST(Timing, BufferedAfterAnEarlyMessageStart) {
  StreamExpectation e;
  std::vector<double> t = {50, 51};
  for (double x : paced(2500, 1, 9)) t.push_back(x);
  auto r = run(t, e);
  EXPECT_NE(find(r.findings, "stream-timing", "after 2449 ms of silence"), nullptr) << dump(r.findings);
}

TEST(Timing, PacedStreamOrFewDeltasOrOptOutIsNotBuffered) {
  StreamExpectation e;
  EXPECT_TRUE(run(paced(100, 30, 11), e).findings.empty());
  EXPECT_TRUE(run(paced(3000, 0.1, 11), e, 2).findings.empty());  // two deltas prove nothing
  e.require_incremental = false;
  EXPECT_TRUE(run(paced(3000, 0.1, 11), e).findings.empty());
}

TEST(Timing, BytesTricklingInDuringTheWaitAreNotBuffering) {
  // A server writing one byte at a time: bytes keep arriving from the start, yet no event
  // completes until the end, where every frame completes at once. That is slow, not buffered.
  std::vector<std::string> frames = {message_start(), text_start(0)};
  for (int i = 0; i < 6; ++i) frames.push_back(text_delta(0, "w" + std::to_string(i)));
  frames.push_back(block_stop(0));
  frames.push_back(message_delta("\"end_turn\"", 9));
  frames.push_back(message_stop());
  std::string all;
  for (const auto& f : frames) all += f;
  auto judge = [&](bool trickle) {
    StreamExpectation e;
    StreamJudge j(anthropic_grammar(), anthropic_schemas(), e, StreamJudgeOptions{});
    const std::size_t head = frames[0].size() - 1;  // message_start but its final newline
    double t = 0;
    if (trickle)
      for (std::size_t i = 0; i < head; ++i) j.feed(&all[i], 1, t += 1);
    else
      t = static_cast<double>(head);  // the same wait, in silence
    j.feed(all.data() + head, all.size() - head, t + 1);
    j.finish(true);
    return j.findings();
  };
  EXPECT_EQ(find(judge(true), "stream-timing", "the stream was buffered"), nullptr) << dump(judge(true));
  // The control: the same arrival of events after a silent wait is buffering.
  EXPECT_NE(find(judge(false), "stream-timing", "the stream was buffered"), nullptr) << dump(judge(false));
}

TEST(Timing, FilesAreNotTimed) {
  StreamExpectation e;
  e.timing_max_ms = {{"first_content", 1}};
  StreamJudgeOptions o;
  o.judge_timing = false;
  StreamJudge j(anthropic_grammar(), anthropic_schemas(), e, o);
  std::string s = valid_text_stream();
  j.feed(s.data(), s.size(), 5000);
  j.finish(true);
  EXPECT_TRUE(j.findings().empty()) << dump(j.findings());
}

}  // namespace
}  // namespace ac::test
