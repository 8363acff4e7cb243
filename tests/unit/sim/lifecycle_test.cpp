#include <fstream>
#include <memory>
#include <sstream>
#include <thread>

#include "sim/simulator.hpp"
#include "sim_client.hpp"
#include <gtest/gtest.h>

namespace ac::sim::test {
namespace {

// The local address of the socket listening on `port`, as /proc/net/tcp shows it ("0100007F").
std::string listening_address(int port) {
  std::ifstream table("/proc/net/tcp");
  std::string line;
  char wanted[8];
  std::snprintf(wanted, sizeof wanted, "%04X", port);
  while (std::getline(table, line)) {
    std::istringstream fields(line);
    std::string slot, local, remote, state;
    fields >> slot >> local >> remote >> state;
    if (state == "0A" && local.size() > 9 && local.substr(9) == wanted) return local.substr(0, 8);
  }
  return "";
}

TEST(SimLifecycle, BindsLoopbackOnlyOnAnEphemeralPort) {
  Simulator sim(SimOptions{});
  std::string error;
  int port = sim.start(0, error);
  ASSERT_GT(port, 0) << error;
  EXPECT_EQ(sim.base_url(), "http://127.0.0.1:" + std::to_string(port));
  EXPECT_EQ(listening_address(port), "0100007F");
}

TEST(SimLifecycle, StartTwiceFailsAndStopIsIdempotent) {
  Simulator sim(SimOptions{});
  std::string error;
  int port = sim.start(0, error);
  ASSERT_GT(port, 0);
  EXPECT_EQ(sim.start(0, error), -1);
  EXPECT_NE(error.find("already started"), std::string::npos);
  sim.stop();
  sim.stop();
  EXPECT_FALSE(raw_request(port, "GET", "/v1/models", api_headers(), "").connected);
  EXPECT_EQ(sim.start(0, error), -1);
  EXPECT_NE(error.find("cannot be restarted"), std::string::npos);
}

TEST(SimLifecycle, PortInUseIsReported) {
  Simulator a(SimOptions{});
  std::string error;
  int port = a.start(0, error);
  ASSERT_GT(port, 0);
  Simulator b(SimOptions{});
  EXPECT_EQ(b.start(port, error), -1);
  EXPECT_NE(error.find("cannot bind 127.0.0.1:" + std::to_string(port)), std::string::npos);
  // The same simulator may then try another port.
  EXPECT_GT(b.start(0, error), 0) << error;
}

TEST(SimLifecycle, UnknownDialectIsRefused) {
  SimOptions options;
  options.dialect = "martian";
  Simulator sim(options);
  std::string error;
  EXPECT_EQ(sim.start(0, error), -1);
  EXPECT_NE(error.find("unknown dialect 'martian'"), std::string::npos);
}

TEST(SimLifecycle, StopEndsAStalledStreamPromptly) {
  SimOptions options;
  options.faults = {"stall"};
  auto sim = std::make_unique<Simulator>(options);
  std::string error;
  int port = sim->start(0, error);
  ASSERT_GT(port, 0);
  std::thread client([port] {
    raw_request(port, "POST", "/v1/messages", api_headers(),
                R"({"model":"claude-sonnet-4-5-20250929","max_tokens":50,"stream":true,"messages":[{"role":"user","content":"a b c d e f"}]})",
                10000);
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  auto before = std::chrono::steady_clock::now();
  sim->stop();
  auto took = std::chrono::steady_clock::now() - before;
  client.join();
  EXPECT_LT(std::chrono::duration_cast<std::chrono::milliseconds>(took).count(), 3000);
}

}  // namespace
}  // namespace ac::sim::test
