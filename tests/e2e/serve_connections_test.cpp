// User story: a benchmark or a gateway's own test suite points hundreds of clients at
// `apiconform serve`. Every connection is served at once: none waits for another to close.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "support/run_binary.hpp"

namespace ac::test {
namespace {

constexpr int kConnections = 256;

int connect_to(int port) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = htons(static_cast<uint16_t>(port));
  if (connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    close(fd);
    return -1;
  }
  // A liveness bound, not a speed check: a starved connection never gets a byte (its stream
  // partner holds the only thread until the test ends), so without a bound the test would hang.
  timeval limit{30, 0};
  setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &limit, sizeof limit);
  return fd;
}

// Reads until the end of the response head; "" when nothing came.
std::string read_head(int fd) {
  std::string head;
  char buffer[1024];
  while (head.find("\r\n\r\n") == std::string::npos) {
    ssize_t n = recv(fd, buffer, sizeof buffer, 0);
    if (n <= 0) break;
    head.append(buffer, static_cast<std::size_t>(n));
  }
  return head;
}

TEST(ServeConnections, HoldsTwoHundredFiftySixStreamsAtOnce) {
  int port = free_port();
  BackgroundApiconform server({"serve", "--port", std::to_string(port)});
  ASSERT_TRUE(wait_for_port(port, 20)) << "the simulator did not start";
  // Each connection asks for a stream that stalls after its first events: the server keeps a
  // thread on it until the client leaves, so every one of them must have its own.
  const std::string body =
      R"({"model":"claude-sonnet-4-5","max_tokens":64,"stream":true,"messages":[{"role":"user","content":"hi"}]})";
  const std::string request = "POST /v1/messages HTTP/1.1\r\nHost: 127.0.0.1\r\nx-api-key: sim-test-key\r\n"
                              "anthropic-version: 2023-06-01\r\ncontent-type: application/json\r\n"
                              "x-sim-fault: stall\r\nx-sim-stall-ms: 120000\r\ncontent-length: " +
                              std::to_string(body.size()) + "\r\n\r\n" + body;
  std::vector<int> fds;
  for (int i = 0; i < kConnections; ++i) {
    int fd = connect_to(port);
    ASSERT_GE(fd, 0) << "connection " << i;
    ASSERT_EQ(send(fd, request.data(), request.size(), MSG_NOSIGNAL), static_cast<ssize_t>(request.size()));
    fds.push_back(fd);
  }
  int answered = 0;
  for (int fd : fds) answered += read_head(fd).rfind("HTTP/1.1 200", 0) == 0;
  EXPECT_EQ(answered, kConnections);
  // And one more plain request still finds a thread.
  int extra = connect_to(port);
  ASSERT_GE(extra, 0);
  const std::string models = "GET /v1/models HTTP/1.1\r\nHost: 127.0.0.1\r\nx-api-key: sim-test-key\r\n"
                             "anthropic-version: 2023-06-01\r\nconnection: close\r\n\r\n";
  ASSERT_EQ(send(extra, models.data(), models.size(), MSG_NOSIGNAL), static_cast<ssize_t>(models.size()));
  EXPECT_EQ(read_head(extra).rfind("HTTP/1.1 200", 0), 0u);
  close(extra);
  for (int fd : fds) close(fd);
}

}  // namespace
}  // namespace ac::test
