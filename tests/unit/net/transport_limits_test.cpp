#include <gtest/gtest.h>

#include <algorithm>
#include <functional>
#include <thread>

#include "net_test_support.hpp"
#include "support/local_server.hpp"

namespace ac::test {
namespace {

Script slow_ok() { return Script().pause(100).send("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok"); }

int run_all(Transport& transport, const LocalServer& server, int count, const std::string& pool = "") {
  int ok = 0;
  for (int i = 0; i < count; ++i) {
    transport.submit(get(server.url("/" + std::to_string(i))), nullptr,
                     [&ok](TransferOutcome o) { ok += o.error.empty() && o.status == 200; }, pool);
  }
  transport.run();
  return ok;
}

TEST(TransportLimits, GlobalConcurrencyIsRespected) {
  LocalServer server(slow_ok());
  TransportOptions options;
  options.max_concurrency = 3;
  Transport transport(options);
  EXPECT_EQ(run_all(transport, server, 12), 12);
  EXPECT_EQ(server.request_count(), 12);
  EXPECT_LE(server.max_in_flight(), 3);
  EXPECT_GE(server.max_in_flight(), 2);  // it does run them side by side
}

TEST(TransportLimits, PoolConcurrencyIsRespected) {
  LocalServer server(slow_ok());
  TransportOptions options;
  options.max_concurrency = 16;
  Transport transport(options);
  transport.set_pool_limits("provider-a", 2, 0);
  EXPECT_EQ(run_all(transport, server, 8, "provider-a"), 8);
  EXPECT_LE(server.max_in_flight(), 2);
}

TEST(TransportLimits, PoolsRunSideBySideEachWithinItsLimit) {
  LocalServer a(slow_ok());
  LocalServer b(slow_ok());
  TransportOptions options;
  options.max_concurrency = 16;
  Transport transport(options);
  transport.set_pool_limits("a", 1, 0);
  transport.set_pool_limits("b", 3, 0);
  int ok = 0;
  for (int i = 0; i < 6; ++i) {
    transport.submit(get(a.url("/")), nullptr, [&](TransferOutcome o) { ok += o.error.empty(); }, "a");
    transport.submit(get(b.url("/")), nullptr, [&](TransferOutcome o) { ok += o.error.empty(); }, "b");
  }
  transport.run();
  EXPECT_EQ(ok, 12);
  EXPECT_EQ(a.max_in_flight(), 1);
  EXPECT_LE(b.max_in_flight(), 3);
}

TEST(TransportLimits, RateLimitSpacesRequestStarts) {
  LocalServer server;
  Transport transport({});
  transport.set_pool_limits("limited", 0, 10);  // 10 per second: starts at least 100 ms apart
  EXPECT_EQ(run_all(transport, server, 5, "limited"), 5);
  auto requests = server.requests();
  ASSERT_EQ(requests.size(), 5u);
  std::vector<double> times;
  for (const auto& r : requests) times.push_back(r.at_ms);
  std::sort(times.begin(), times.end());
  // Starts are at least 100 ms apart; an arrival can only be shifted by its own connection
  // latency, so allow each gap some of that (an unlimited pool would show gaps near 0).
  for (std::size_t i = 1; i < times.size(); ++i) EXPECT_GE(times[i] - times[i - 1], 60) << i;
  EXPECT_GE(times.back() - times.front(), 370);
}

TEST(TransportLimits, ManyConcurrentTransfersAllComplete) {
  LocalServer server(Script::json(200, R"({"type":"message"})"));
  TransportOptions options;
  options.max_concurrency = 64;
  Transport transport(options);
  EXPECT_EQ(run_all(transport, server, 200), 200);
  EXPECT_EQ(server.request_count(), 200);
  EXPECT_LE(server.max_in_flight(), 64);
}

TEST(TransportLimits, DoneCallbacksMaySubmitMore) {
  LocalServer server;
  Transport transport({});
  std::vector<std::string> order;
  std::function<void(int)> chain = [&](int step) {
    transport.submit(get(server.url("/step" + std::to_string(step))), nullptr, [&, step](TransferOutcome o) {
      order.push_back(std::to_string(step) + ":" + std::to_string(o.status));
      if (step < 4) chain(step + 1);
    });
  };
  chain(0);
  transport.run();
  EXPECT_EQ(order, (std::vector<std::string>{"0:200", "1:200", "2:200", "3:200", "4:200"}));
  EXPECT_EQ(server.request_count(), 5);
}

TEST(TransportLimits, SubmitFromAnotherThreadWakesTheLoop) {
  LocalServer server([](const RecordedRequest& r) {
    return r.path == "/silent" ? Script::never_answer() : Script::json(200, "{}");
  });
  Transport transport({});
  std::vector<std::string> order;
  HttpRequest silent = get(server.url("/silent"));
  silent.timeouts.first_byte_s = 0.8;
  transport.submit(silent, nullptr, [&](TransferOutcome) { order.push_back("silent"); });
  std::thread other([&] {
    // Once the server has the first request, run() is sleeping in its poll.
    for (int i = 0; i < 500 && server.request_count() == 0; ++i)
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
    transport.submit(get(server.url("/quick")), nullptr, [&](TransferOutcome o) { order.push_back("quick"); });
  });
  transport.run();
  other.join();
  // Had the submission not woken the loop, it would have waited for the silent one's timeout.
  EXPECT_EQ(order, (std::vector<std::string>{"quick", "silent"}));
}

// The next step of a case under way goes before the requests queued since it began.
TEST(TransportLimits, ATransferSubmittedAheadStartsBeforeTheQueue) {
  for (bool ahead : {true, false}) {
    LocalServer server;
    Transport transport({});
    transport.set_pool_limits("p", 1, 0);
    transport.submit(get(server.url("/a")), nullptr, [&](TransferOutcome) {
      transport.submit(get(server.url("/next")), nullptr, nullptr, "p", ahead);
    }, "p");
    transport.submit(get(server.url("/b")), nullptr, nullptr, "p");
    transport.submit(get(server.url("/c")), nullptr, nullptr, "p");
    transport.run();
    std::vector<std::string> order;
    for (const auto& r : server.requests()) order.push_back(r.path);
    if (ahead)
      EXPECT_EQ(order, (std::vector<std::string>{"/a", "/next", "/b", "/c"}));
    else
      EXPECT_EQ(order, (std::vector<std::string>{"/a", "/b", "/c", "/next"}));
  }
}

TEST(TransportLimits, RunMayBeCalledAgainForNewWork) {
  LocalServer server;
  Transport transport({});
  int done = 0;
  transport.submit(get(server.url("/")), nullptr, [&](TransferOutcome) { ++done; });
  transport.run();
  transport.submit(get(server.url("/")), nullptr, [&](TransferOutcome) { ++done; });
  transport.run();
  EXPECT_EQ(done, 2);
}

}  // namespace
}  // namespace ac::test
