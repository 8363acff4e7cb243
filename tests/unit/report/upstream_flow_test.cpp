#include "report/upstream_flow.hpp"

#include <gtest/gtest.h>

#include "unit/report/report_fixture.hpp"

namespace ac {
namespace {

const Result& result_of(const ResultsFile& f, const std::string& id) {
  for (const auto& r : f.results)
    if (r.case_id == id) return r;
  throw std::runtime_error("no " + id);
}

TEST(UpstreamFlow, AForwardedRequestFindingSitsOnTheWayInAndAnAnswerFindingOnTheWayBack) {
  const ResultsFile f = testing::upstream_fixture();
  const UpstreamFlow in = upstream_flow(result_of(f, "gateway.openai.stop-sequences"));
  ASSERT_EQ(in.inbound.size(), 1u);
  EXPECT_EQ(in.inbound[0]->check, "upstream");
  EXPECT_TRUE(in.outbound.empty());
  const UpstreamFlow back = upstream_flow(result_of(f, "gateway.openai.fault-429-type"));
  EXPECT_TRUE(back.inbound.empty());
  EXPECT_EQ(back.outbound.size(), 2u);
}

TEST(UpstreamFlow, LabelsSayWhatCrossedEachHop) {
  const ResultsFile f = testing::upstream_fixture();
  const UpstreamFlow rate = upstream_flow(result_of(f, "gateway.openai.fault-429-type"));
  EXPECT_EQ(rate.client, "POST /v1/messages");
  EXPECT_EQ(rate.forwarded, "POST /v1/chat/completions");
  EXPECT_EQ(rate.reply, "429 (fault status)");
  EXPECT_EQ(rate.answer, "429");
  const UpstreamFlow retried = upstream_flow(result_of(f, "gateway.openai.fault-retry-bounded"));
  EXPECT_EQ(retried.forwarded, "POST /v1/chat/completions ×2");
  EXPECT_EQ(retried.reply, "503 (fault status), 503 (fault status)");
  EXPECT_EQ(upstream_flow(result_of(f, "gateway.openai.fault-unreachable")).reply, "no reply (fault unreachable)");
  const UpstreamFlow none = upstream_flow(result_of(f, "gateway.openai.tool-choice-any"));
  EXPECT_EQ(none.forwarded, "nothing");
  EXPECT_EQ(none.reply, "none");
}

}  // namespace
}  // namespace ac
