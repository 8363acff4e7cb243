// The pace of a pool follows what the endpoint says about its limits.
#include <gtest/gtest.h>

#include <algorithm>
#include <ctime>

#include "net_test_support.hpp"
#include "support/local_server.hpp"

namespace ac::test {
namespace {

std::string rfc3339_in(int seconds) {
  std::time_t at = std::time(nullptr) + seconds;
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&at));
  return text;
}

struct Notes {
  std::vector<std::string> lines;
  TransportOptions options() {
    TransportOptions o;
    o.retry = quick_retries(0);
    o.on_pace = [this](const std::string& pool, const std::string& note) { lines.push_back(pool + ": " + note); };
    return o;
  }
};

// Requests of one pool, one at a time, in order; returns their arrival times at the server.
std::vector<double> run_in_order(Transport& transport, LocalServer& server, int count) {
  for (int i = 0; i < count; ++i) transport.submit(get(server.url("/" + std::to_string(i))), nullptr, nullptr, "p");
  transport.run();
  std::vector<double> times;
  for (const auto& r : server.requests()) times.push_back(r.at_ms);
  std::sort(times.begin(), times.end());
  return times;
}

TEST(TransportPace, A429RetryAfterHoldsTheWholePool) {
  LocalServer server(Script::json(200, "{}"));
  server.enqueue(Script::json(429, R"({"type":"error"})", {{"retry-after", "1"}}));
  Notes notes;
  Transport transport(notes.options());  // no retries: only the pool's pause can delay the second
  transport.set_pool_limits("p", 1, 0);
  auto times = run_in_order(transport, server, 2);
  ASSERT_EQ(times.size(), 2u);
  EXPECT_GE(times[1] - times[0], 950);
  EXPECT_EQ(notes.lines, (std::vector<std::string>{"p: paused 1 s: HTTP 429 asked to wait (retry-after)"}));
}

TEST(TransportPace, AUsedUpLimitPausesUntilItsReset) {
  LocalServer server(Script::json(200, "{}"));
  server.enqueue(Script::json(200, "{}",
                              {{"anthropic-ratelimit-output-tokens-limit", "8000"},
                               {"anthropic-ratelimit-output-tokens-remaining", "0"},
                               {"anthropic-ratelimit-output-tokens-reset", rfc3339_in(2)}}));
  Notes notes;
  Transport transport(notes.options());
  transport.set_pool_limits("p", 1, 0);
  auto times = run_in_order(transport, server, 2);
  ASSERT_EQ(times.size(), 2u);
  EXPECT_GE(times[1] - times[0], 950);  // the reset is 1-2 s away (whole seconds)
  ASSERT_FALSE(notes.lines.empty());
  EXPECT_CONTAINS(notes.lines[0], "the output-tokens rate limit is used up until its reset");
}

TEST(TransportPace, LittleHeadroomSlowsAnUnlimitedPool) {
  // 6,000 requests/min sustain 90/s; 5 % left slows that to a quarter: 22.5/s, 44 ms apart.
  LocalServer server(Script::json(200, "{}",
                                  {{"anthropic-ratelimit-requests-limit", "6000"},
                                   {"anthropic-ratelimit-requests-remaining", "300"},
                                   {"anthropic-ratelimit-requests-reset", rfc3339_in(60)}}));
  Notes notes;
  Transport transport(notes.options());
  transport.set_pool_limits("p", 1, 0);
  auto times = run_in_order(transport, server, 4);
  ASSERT_EQ(times.size(), 4u);
  // The second starts at once (the first reply set the pace), the third and fourth 44 ms after
  // the one before. An arrival lags its start by its latency, but the first arrived before the
  // second started, so the span is at least the two gaps (unpaced, it would be a few ms).
  EXPECT_GE(times[3] - times[0], 85);
  EXPECT_EQ(notes.lines,
            (std::vector<std::string>{"p: pace 22.5 requests/s (5% of the requests limit left, requests limit 6000/min)"}));
}

TEST(TransportPace, PlentyOfHeadroomLeavesAnUnlimitedPoolAlone) {
  LocalServer server(Script::json(200, "{}",
                                  {{"anthropic-ratelimit-requests-limit", "4000"},
                                   {"anthropic-ratelimit-requests-remaining", "3999"}}));
  Notes notes;
  Transport transport(notes.options());
  transport.set_pool_limits("p", 1, 0);
  EXPECT_EQ(run_in_order(transport, server, 3).size(), 3u);
  EXPECT_TRUE(notes.lines.empty());
}

TEST(TransportPace, ThePaceRisesToWhatTheLimitSustainsButNotAboveTheCeiling) {
  LocalServer server(Script::json(200, "{}",
                                  {{"anthropic-ratelimit-requests-limit", "1000"},
                                   {"anthropic-ratelimit-requests-remaining", "999"}}));
  Notes notes;
  Transport transport(notes.options());
  transport.set_pool_limits("p", 1, 0.5, 4);  // starts at 0.5/s; 1000/min would sustain 15/s
  EXPECT_EQ(run_in_order(transport, server, 2).size(), 2u);
  EXPECT_EQ(notes.lines, (std::vector<std::string>{"p: pace 4 requests/s (requests limit 1000/min)"}));
}

}  // namespace
}  // namespace ac::test
