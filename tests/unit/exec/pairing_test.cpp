#include "exec/pairing.hpp"

#include <gtest/gtest.h>

#include "exec/executor.hpp"

namespace ac {
namespace {

// A declared known deviation whose stream passed on its own, but whose folded message differs
// from the non-streamed reply: the comparison's finding makes it a known failure again, never a
// "fail" that is also "fixed".
TEST(Pairing, AKnownDeviationThatFailsTheComparisonStaysKnownNotFixed) {
  Target target;
  target.provider.name = "gw";
  Case plain_case, stream_case;
  plain_case.id = "plain";
  stream_case.id = "streamed";
  std::vector<Job> jobs(2);
  jobs[0].test = &plain_case;
  jobs[0].target = &target;
  jobs[1].test = &stream_case;
  jobs[1].target = &target;
  jobs[1].expect.stream = StreamExpectation{};
  jobs[1].expect.stream->compare_with = "plain";
  jobs[1].known_reason = "https://gw.example/issues/1";
  Pairing pairing;
  pairing.plan(jobs);

  std::vector<Result> emitted;
  auto emit = [&](Result&& r) { emitted.push_back(std::move(r)); };
  Result streamed;
  streamed.case_id = "streamed";
  apply_known_deviation(jobs[1], streamed);  // passed on its own: marked fixed
  ASSERT_TRUE(streamed.fixed);
  pairing.offer(jobs[1], std::move(streamed),
                R"({"id":"msg_1","type":"message","role":"assistant","content":[],"stop_reason":"end_turn"})", emit);
  Result plain;
  plain.case_id = "plain";
  plain.exchange.body = R"({"id":"msg_2","type":"message","role":"assistant","content":[],"stop_reason":"end_turn",)"
                        R"("usage":{"input_tokens":1,"output_tokens":1}})";
  pairing.offer(jobs[0], std::move(plain), "", emit);

  ASSERT_EQ(emitted.size(), 2u);
  const Result& r = emitted[0].case_id == "streamed" ? emitted[0] : emitted[1];
  ASSERT_FALSE(r.findings.empty()) << "the folded message lacks usage";
  EXPECT_EQ(r.verdict, Verdict::Known);
  EXPECT_FALSE(r.fixed);
  EXPECT_EQ(r.reason, "https://gw.example/issues/1");
}

}  // namespace
}  // namespace ac
