// Many clients at once and many requests per connection, without 1 s SYN retransmits.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "sim/simulator.hpp"
#include "sim_client.hpp"

namespace ac::sim::test {
namespace {

using Clock = std::chrono::steady_clock;

double ms_since(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

TEST(SimThroughput, SixteenConcurrentConnectionsAllConnectPromptly) {
  Simulator sim(SimOptions{});
  std::string error;
  int port = sim.start(0, error);
  ASSERT_GT(port, 0) << error;
  constexpr int kClients = 16;
  // Every client connects at the same moment; none may wait for a SYN retransmit (>= 1 s).
  std::vector<int> sockets(kClients, -1);
  std::vector<double> connect_ms(kClients, 0);
  std::atomic<bool> go{false};
  std::vector<std::thread> threads;
  for (int i = 0; i < kClients; ++i) {
    threads.emplace_back([&, i] {
      while (!go.load()) std::this_thread::yield();
      auto start = Clock::now();
      int fd = ::socket(AF_INET, SOCK_STREAM, 0);
      sockaddr_in address{};
      address.sin_family = AF_INET;
      address.sin_port = htons(static_cast<uint16_t>(port));
      address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
      if (::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0) {
        sockets[i] = fd;
      } else {
        ::close(fd);
      }
      connect_ms[i] = ms_since(start);
    });
  }
  go = true;
  for (auto& thread : threads) thread.join();
  for (int i = 0; i < kClients; ++i) {
    EXPECT_GE(sockets[i], 0) << "client " << i;
    EXPECT_LT(connect_ms[i], 500) << "client " << i;
  }
  // And each of them is then answered promptly, all at once.
  auto start = Clock::now();
  std::vector<RawResponse> answers(kClients);
  threads.clear();
  for (int i = 0; i < kClients; ++i) {
    threads.emplace_back([&, i] { answers[i] = raw_request(port, "GET", "/v1/models", api_headers(), ""); });
  }
  for (auto& thread : threads) thread.join();
  for (int i = 0; i < kClients; ++i) EXPECT_EQ(answers[i].status, 200) << "client " << i;
  EXPECT_LT(ms_since(start), 900);
  for (int fd : sockets) if (fd >= 0) ::close(fd);
}

// httplib's default closes a connection after 5 requests; a client reusing its connection must
// get far more than that on one socket.
TEST(SimThroughput, OneConnectionServesManyRequests) {
  Simulator sim(SimOptions{});
  std::string error;
  int port = sim.start(0, error);
  ASSERT_GT(port, 0) << error;
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<uint16_t>(port));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ASSERT_EQ(::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address), 0);
  timeval timeout{2, 0};
  setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
  const std::string request =
      "GET /v1/models HTTP/1.1\r\nHost: 127.0.0.1\r\nx-api-key: sim-test-key\r\n"
      "anthropic-version: 2023-06-01\r\n\r\n";
  int answered = 0;
  for (int i = 0; i < 20; ++i) {
    ASSERT_EQ(::send(fd, request.data(), request.size(), MSG_NOSIGNAL), static_cast<ssize_t>(request.size()));
    std::string received;
    char buffer[4096];
    std::size_t need = std::string::npos;
    while (need == std::string::npos || received.size() < need) {
      ssize_t n = ::recv(fd, buffer, sizeof buffer, 0);
      if (n <= 0) break;
      received.append(buffer, static_cast<std::size_t>(n));
      auto end = received.find("\r\n\r\n");
      auto length = received.find("Content-Length: ");
      if (end != std::string::npos && length != std::string::npos && need == std::string::npos) {
        need = end + 4 + std::stoul(received.substr(length + 16));
      }
    }
    if (need == std::string::npos || received.size() < need) break;
    EXPECT_EQ(received.rfind("HTTP/1.1 200", 0), 0u);
    EXPECT_EQ(received.find("Connection: close"), std::string::npos) << "request " << i;
    ++answered;
  }
  ::close(fd);
  EXPECT_EQ(answered, 20);
}

}  // namespace
}  // namespace ac::sim::test
