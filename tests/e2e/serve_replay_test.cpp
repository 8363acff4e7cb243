// User story: a session captured once (tests/recordings/session) is served back by
// `apiconform serve --replay`, so a client (or its test suite) can be run against it offline, in
// CI: each request gets the recorded reply byte for byte, streams in their recorded pieces; a
// request the recording lacks gets a 404 that says what it has.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include "e2e_helpers.hpp"
#include "traffic/exchange_record.hpp"

namespace ac::test {
namespace {

struct RawReply {
  std::string head;
  std::string body;  // de-chunked when the reply was chunked
  bool chunked = false;
};

// Sends one HTTP/1.1 request with `Connection: close` and reads the whole reply off the socket.
RawReply exchange_raw(int port, const std::string& method, const std::string& path, const std::string& body) {
  RawReply out;
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = htons(static_cast<uint16_t>(port));
  timeval limit{30, 0};  // a liveness bound only: a reply that never ends fails the test instead of hanging it
  setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &limit, sizeof limit);
  if (connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    close(fd);
    return out;
  }
  const std::string request = method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n" +
                              "x-api-key: any\r\nanthropic-version: 2023-06-01\r\ncontent-type: application/json\r\n" +
                              "content-length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
  (void)!send(fd, request.data(), request.size(), 0);
  std::string raw;
  char buffer[8192];
  for (ssize_t n; (n = recv(fd, buffer, sizeof buffer, 0)) > 0;) raw.append(buffer, static_cast<std::size_t>(n));
  close(fd);
  const auto end = raw.find("\r\n\r\n");
  if (end == std::string::npos) return out;
  out.head = raw.substr(0, end + 2);
  std::string rest = raw.substr(end + 4);
  for (char& c : out.head) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  out.chunked = out.head.find("transfer-encoding: chunked") != std::string::npos;
  if (!out.chunked) {
    out.body = rest;
    return out;
  }
  for (std::size_t at = 0;;) {
    const auto line_end = rest.find("\r\n", at);
    if (line_end == std::string::npos) break;
    const std::size_t size = std::stoul(rest.substr(at, line_end - at), nullptr, 16);
    if (size == 0) break;
    out.body += rest.substr(line_end + 2, size);
    at = line_end + 2 + size + 2;
  }
  return out;
}

class ServeReplay : public ::testing::Test {
 protected:
  void SetUp() override {
    port_ = free_port();
    server_ = std::make_unique<BackgroundApiconform>(std::vector<std::string>{
        "serve", "--replay", source_dir() + "/tests/recordings/session", "--port", std::to_string(port_)});
    ASSERT_TRUE(wait_for_port(port_, 20)) << "serve --replay did not start";
    recording_ = read_exchange_records(source_dir() + "/tests/recordings/session");
    ASSERT_EQ(recording_.exchanges.size(), 8u);
  }
  const ExchangeRecord& recorded(int sequence) { return recording_.exchanges.at(static_cast<std::size_t>(sequence - 1)); }

  int port_ = 0;
  std::unique_ptr<BackgroundApiconform> server_;
  Recording recording_;
};

TEST_F(ServeReplay, EachRequestGetsItsRecordedReplyByteForByte) {
  // Sent out of the recorded order: the bodies say which recorded reply each one gets.
  for (int sequence : {4, 2, 1, 3, 7, 8}) {
    const ExchangeRecord& x = recorded(sequence);
    RawReply got = exchange_raw(port_, x.method, x.path, x.request_body);
    ASSERT_FALSE(got.head.empty()) << "no reply to #" << sequence;
    EXPECT_EQ(got.head.substr(0, 12), "http/1.1 " + std::to_string(x.status)) << got.head;
    EXPECT_EQ(got.body, x.response_body) << "#" << sequence;
    std::string request_id = *find_header(x.response_headers, "request-id");
    for (char& c : request_id) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    EXPECT_NE(got.head.find("request-id: " + request_id), std::string::npos)
        << "the recorded headers come back: " << got.head;
    EXPECT_EQ(got.chunked, !find_header(x.response_headers, "content-length")) << "framed as recorded: " << got.head;
  }
}

TEST_F(ServeReplay, ARequestTheRecordingLacksGetsA404SayingWhatItHas) {
  RawReply got = exchange_raw(port_, "POST", "/v1/complete", "{}");
  EXPECT_EQ(got.head.substr(0, 12), "http/1.1 404") << got.head;
  EXPECT_NE(got.body.find("no exchange for POST /v1/complete"), std::string::npos) << got.body;
  EXPECT_NE(got.body.find("POST /v1/messages (6)"), std::string::npos) << got.body;
  EXPECT_NE(got.body.find("\"type\":\"not_found_error\""), std::string::npos) << got.body;
}

TEST_F(ServeReplay, AGroupServedWholeIsServedAgainFromItsStart) {
  const ExchangeRecord& only = recorded(7);  // the one count_tokens exchange
  EXPECT_EQ(exchange_raw(port_, only.method, only.path, "{}").body, only.response_body);
  EXPECT_EQ(exchange_raw(port_, only.method, only.path, "{}").body, only.response_body) << "a second client run";
}

TEST(ServeReplayInput, AFolderWithoutRecordsIsAnInputError) {
  TempDir dir;
  ProcessResult r = run_apiconform({"serve", "--replay", dir.path(), "--port", "0", "--seconds", "1"});
  EXPECT_EQ(r.exit_code, 2) << r.out << r.err;
  EXPECT_NE(r.err.find("no exchange records"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace ac::test
