// A stop (Ctrl-C) while the transport runs: nothing more starts, what was queued ends at once,
// transfers in flight get the grace and are then cut; every `done` is still called once.
#include <gtest/gtest.h>

#include <thread>

#include "net_test_support.hpp"
#include "support/local_server.hpp"

namespace ac::test {
namespace {

struct Collected {
  std::vector<TransferOutcome> outcomes;
};

// Requests the stop from another thread as soon as the server holds a request.
std::thread stop_once_received(const LocalServer& server, StopSignal& stop) {
  return std::thread([&server, &stop] {
    while (server.request_count() < 1) std::this_thread::sleep_for(std::chrono::milliseconds(5));
    stop.request();
  });
}

HttpRequest get(const LocalServer& server) {
  HttpRequest r;
  r.url = server.url("/v1/messages");
  r.timeouts.first_byte_s = 60;
  return r;
}

// Requested from another thread once the server holds the first request: the loop must wake
// for it (it would otherwise sleep in poll until the 60 s first-byte timeout).
TEST(TransportStop, QueuedRequestsEndUnsentAndInFlightOnesAreCutAfterTheGrace) {
  LocalServer server(Script::never_answer());
  StopSignal stop;
  TransportOptions options;
  options.max_concurrency = 1;
  options.stop = &stop;
  options.stop_grace_s = 0.05;
  int told_in_flight = -1;
  options.on_stop = [&](int in_flight) { told_in_flight = in_flight; };
  Transport transport(options);
  Collected c;
  for (int i = 0; i < 3; ++i)
    transport.submit(get(server), nullptr, [&](TransferOutcome o) { c.outcomes.push_back(std::move(o)); });
  std::thread stopper = stop_once_received(server, stop);
  transport.run();
  stopper.join();
  ASSERT_EQ(c.outcomes.size(), 3u);
  EXPECT_EQ(server.request_count(), 1);
  EXPECT_EQ(told_in_flight, 1);
  int unsent = 0, cut = 0;
  for (const auto& o : c.outcomes) {
    EXPECT_TRUE(o.interrupted) << o.error;
    if (o.error == "interrupted before it was sent") ++unsent;
    if (o.error.rfind("interrupted before any response (127.0.0.1:", 0) == 0) ++cut;
  }
  EXPECT_EQ(unsent, 2);
  EXPECT_EQ(cut, 1);
}

TEST(TransportStop, AStopRequestedBeforeRunSendsNothing) {
  LocalServer server(Script::json(200, "{}"));
  StopSignal stop;
  stop.request();
  TransportOptions options;
  options.stop = &stop;
  Transport transport(options);
  Collected c;
  transport.submit(get(server), nullptr, [&](TransferOutcome o) { c.outcomes.push_back(std::move(o)); });
  transport.run();
  ASSERT_EQ(c.outcomes.size(), 1u);
  EXPECT_TRUE(c.outcomes[0].interrupted);
  EXPECT_EQ(server.request_count(), 0);
}

// A reply that completes within the grace is an ordinary outcome, and a retryable status is not
// retried once stopping.
TEST(TransportStop, AReplyWithinTheGraceCompletesAndIsNotRetried) {
  LocalServer server([](const RecordedRequest&) {
    return Script::head(529, {{"Content-Length", "2"}, {"Connection", "close"}}).pause(100).send("{}");
  });
  StopSignal stop;
  TransportOptions options;
  options.stop = &stop;
  options.stop_grace_s = 30;
  Transport transport(options);
  Collected c;
  transport.submit(get(server), nullptr, [&](TransferOutcome o) { c.outcomes.push_back(std::move(o)); });
  std::thread stopper = stop_once_received(server, stop);
  transport.run();
  stopper.join();
  ASSERT_EQ(c.outcomes.size(), 1u);
  EXPECT_FALSE(c.outcomes[0].interrupted);
  EXPECT_EQ(c.outcomes[0].error, "");
  EXPECT_EQ(c.outcomes[0].status, 529);
  EXPECT_EQ(server.request_count(), 1);
}

}  // namespace
}  // namespace ac::test
