#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <thread>

#include "net_test_support.hpp"
#include "support/local_server.hpp"

namespace ac::test {
namespace {

// One attempt each: these tests are about how a failure is described (a connection failure before
// any response is retried by default; transport_retry_test.cpp covers that).
TransportOptions single_attempt() {
  TransportOptions options;
  options.retry.max_retries = 0;
  return options;
}

// A TCP socket bound to an ephemeral port of 127.0.0.1; `address` and `port` say which.
int bound_loopback_socket(sockaddr_in& address, int& port) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  address = sockaddr_in{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address);
  socklen_t size = sizeof address;
  getsockname(fd, reinterpret_cast<sockaddr*>(&address), &size);
  port = ntohs(address.sin_port);
  return fd;
}

// A port on 127.0.0.1 that is bound but not listening: connecting to it is refused.
class ClosedPort {
 public:
  ClosedPort() {
    sockaddr_in address;
    fd_ = bound_loopback_socket(address, port_);
  }
  ~ClosedPort() { close(fd_); }
  int port() const { return port_; }

 private:
  int fd_ = -1;
  int port_ = 0;
};

// A listening port whose accept queue is full: the kernel drops further SYNs, so connecting hangs
// until the client's connect timeout.
class FullBacklog {
 public:
  FullBacklog() {
    sockaddr_in address;
    listener_ = bound_loopback_socket(address, port_);
    listen(listener_, 0);
    for (int i = 0; i < 3; ++i) {
      int filler = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
      connect(filler, reinterpret_cast<sockaddr*>(&address), sizeof address);
      fillers_.push_back(filler);
    }
    usleep(50 * 1000);  // let the handshakes of the fillers complete
  }
  ~FullBacklog() {
    for (int fd : fillers_) close(fd);
    close(listener_);
  }
  int port() const { return port_; }

 private:
  int listener_ = -1;
  int port_ = 0;
  std::vector<int> fillers_;
};

// A server that writes `bytes` as soon as a client connects, before reading anything: what a
// plain-HTTP server looks like to a client that starts with a TLS hello.
class SpeaksFirst {
 public:
  explicit SpeaksFirst(std::string bytes) {
    sockaddr_in address;
    listener_ = bound_loopback_socket(address, port_);
    listen(listener_, 1);
    thread_ = std::thread([this, bytes] {
      int client = accept(listener_, nullptr, nullptr);
      if (client < 0) return;
      (void)!write(client, bytes.data(), bytes.size());
      usleep(300 * 1000);  // long enough for the client to read it and give up
      close(client);
    });
  }
  ~SpeaksFirst() {
    shutdown(listener_, SHUT_RDWR);  // wakes accept() if no client ever came
    thread_.join();
    close(listener_);
  }
  int port() const { return port_; }

 private:
  int listener_ = -1;
  int port_ = 0;
  std::thread thread_;
};

std::string body_of(std::size_t n) { return std::string(n, 'b'); }

TEST(TransportFailure, RefusedConnectionNamesTheAddress) {
  ClosedPort port;
  std::string where = "127.0.0.1:" + std::to_string(port.port());
  auto out = run_one(get("http://" + where + "/v1/messages"), single_attempt()).outcome;
  EXPECT_EQ(out.error, "connection refused (" + where + ")");
  EXPECT_EQ(out.status, 0);
  EXPECT_EQ(out.attempts, 1);
}

TEST(TransportFailure, ConnectTimeout) {
  FullBacklog backlog;
  std::string where = "127.0.0.1:" + std::to_string(backlog.port());
  HttpRequest request = get("http://" + where + "/");
  request.timeouts.connect_s = 0.3;
  auto out = run_one(request, single_attempt()).outcome;
  if (out.error.rfind("connection refused", 0) == 0) GTEST_SKIP() << "this kernel refuses on a full backlog";
  EXPECT_EQ(out.error, "could not connect within 0.3 s (connect timeout, " + where + ")");
}

TEST(TransportFailure, ResetMidBodySaysHowFarItGot) {
  LocalServer server(Script::partial(200, {}, body_of(500), 120, Script::Cut::Reset));
  auto done = run_one(get(server.url("/")), single_attempt());
  EXPECT_EQ(done.outcome.error,
            "connection reset by peer after 120 body bytes (127.0.0.1:" + std::to_string(server.port()) + ")");
  EXPECT_EQ(done.sink->body(), body_of(120));
  EXPECT_EQ(done.outcome.status, 200);
}

TEST(TransportFailure, ResetBeforeAnyResponse) {
  LocalServer server(Script().pause(50).reset());
  auto out = run_one(get(server.url("/")), single_attempt()).outcome;
  bool reset = out.error.find("connection reset by peer before any response") != std::string::npos;
  bool nothing = out.error.find("without any response") != std::string::npos;
  EXPECT_TRUE(reset || nothing) << out.error;
}

TEST(TransportFailure, CloseMidBodySaysHowManyBytesOfHowMany) {
  LocalServer server(Script::partial(200, {}, body_of(500), 120, Script::Cut::Close));
  auto out = run_one(get(server.url("/")), single_attempt()).outcome;
  EXPECT_EQ(out.error, "connection closed by peer after 120 of 500 body bytes (127.0.0.1:" +
                           std::to_string(server.port()) + ")");
}

TEST(TransportFailure, ChunkedBodyCutShort) {
  LocalServer server(Script::chunked(200).chunk("partial").close());
  auto out = run_one(get(server.url("/")), single_attempt()).outcome;
  EXPECT_CONTAINS(out.error, ("connection closed by peer after 7 body bytes, before the response ended"));
}

TEST(TransportFailure, ClosedWithoutAnyResponse) {
  LocalServer server(Script().close());
  auto out = run_one(get(server.url("/")), single_attempt()).outcome;
  EXPECT_CONTAINS(out.error, ("connection closed by peer without any response (127.0.0.1:"));
}

TEST(TransportFailure, GarbageThatIsNotHttp) {
  LocalServer server(Script::garbage());
  auto out = run_one(get(server.url("/")), single_attempt()).outcome;
  EXPECT_CONTAINS(out.error, ("not"));
  EXPECT_CONTAINS(out.error, ("HTTP (127.0.0.1:" + std::to_string(server.port()) + ")"));
  EXPECT_EQ(out.status, 0);
}

TEST(TransportFailure, HttpsToAPlainHttpServerIsATlsFailureNamingTheAddress) {
  // The server answers the TLS hello with plain text: the handshake fails, and the sentence says
  // it was TLS, where, and what libcurl saw, never the whole URL.
  SpeaksFirst server("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n");
  const std::string where = "127.0.0.1:" + std::to_string(server.port());
  HttpRequest request = get("https://" + where + "/v1/messages?key=secret-in-query");
  request.timeouts.first_byte_s = 3;
  auto out = run_one(request, single_attempt()).outcome;
  EXPECT_EQ(out.error.rfind("TLS failure (" + where + "): ", 0), 0u) << out.error;
  EXPECT_EQ(out.error.find("secret-in-query"), std::string::npos) << out.error;
  EXPECT_EQ(out.status, 0);
}

TEST(TransportFailure, FirstByteTimeout) {
  LocalServer server(Script::never_answer());
  HttpRequest request = get(server.url("/"));
  request.timeouts.first_byte_s = 0.3;
  auto out = run_one(request, single_attempt()).outcome;
  EXPECT_EQ(out.error, "no response byte within 0.3 s (first-byte timeout, 127.0.0.1:" +
                           std::to_string(server.port()) + ")");
  EXPECT_GE(out.timings.total_ms, 300);
  EXPECT_EQ(server.request_count(), 1);
}

TEST(TransportFailure, IdleTimeoutEndsAStalledStream) {
  LocalServer server(Script::chunked(200, {{"Content-Type", "text/event-stream"}})
                         .chunk("event: ping\ndata: {}\n\n")
                         .pause(50)
                         .chunk("event: ping\ndata: {}\n\n")
                         .stall());
  HttpRequest request = get(server.url("/"));
  request.timeouts.idle_s = 0.4;
  auto done = run_one(request, single_attempt());
  EXPECT_EQ(done.outcome.error, "stream idle for 0.4 s after 44 body bytes (idle timeout, 127.0.0.1:" +
                                    std::to_string(server.port()) + ")");
  EXPECT_EQ(done.outcome.status, 200);
  EXPECT_EQ(done.sink->body().size(), 44u);
}

TEST(TransportFailure, IdleTimeoutOnAStalledFixedLengthBody) {
  LocalServer server(Script::partial(200, {}, body_of(500), 120, Script::Cut::Stall));
  HttpRequest request = get(server.url("/"));
  request.timeouts.idle_s = 0.3;
  auto out = run_one(request, single_attempt()).outcome;
  EXPECT_CONTAINS(out.error, ("stream idle for 0.3 s after 120 body bytes (idle timeout"));
}

TEST(TransportFailure, TotalTimeoutWhileBytesKeepComing) {
  Script slow = Script::chunked(200);
  for (int i = 0; i < 40; ++i) slow.chunk("data: tick\n\n").pause(50);
  slow.end_chunks();
  LocalServer server(slow);
  HttpRequest request = get(server.url("/"));
  request.timeouts.idle_s = 0.5;
  request.timeouts.total_s = 0.6;
  auto done = run_one(request, single_attempt());
  EXPECT_CONTAINS(done.outcome.error, ("total timeout 0.6 s exceeded after "));
  EXPECT_CONTAINS(done.outcome.error, (" body bytes (127.0.0.1:"));
  EXPECT_FALSE(done.sink->body().empty());
  EXPECT_GE(done.outcome.timings.total_ms, 600);
}

TEST(TransportFailure, UnresolvableHost) {
  HttpRequest request = get("http://no-such-host.invalid/v1/messages");
  request.timeouts.connect_s = 2;
  auto out = run_one(request, single_attempt()).outcome;
  EXPECT_CONTAINS(out.error, ("could not resolve host no-such-host.invalid"));
}

TEST(TransportFailure, BadUrlsAreNamedWithoutQuotingThem) {
  // A query string may carry a key: error sentences never repeat the URL.
  auto ftp = run_one(get("ftp://127.0.0.1/file?key=SECRET123"), single_attempt()).outcome;
  EXPECT_EQ(ftp.error, "unsupported URL scheme 'ftp' (only http and https)");
  auto bare = run_one(get("127.0.0.1:1/v1/messages?key=SECRET123"), single_attempt()).outcome;
  EXPECT_NE(bare.error, "");
  EXPECT_EQ(bare.error.find("SECRET123"), std::string::npos) << bare.error;
  auto broken = run_one(get("http://exa mple.com/?key=SECRET123"), single_attempt()).outcome;
  EXPECT_CONTAINS(broken.error, "malformed URL");
  EXPECT_EQ(broken.error.find("SECRET123"), std::string::npos) << broken.error;
  ClosedPort port;
  auto refused = run_one(get("http://127.0.0.1:" + std::to_string(port.port()) + "/?key=SECRET123"), single_attempt()).outcome;
  EXPECT_EQ(refused.error.find("SECRET123"), std::string::npos) << refused.error;
}

TEST(TransportFailure, CloseDelimitedBodyIsComplete) {
  LocalServer server(Script::head(200, {{"Content-Type", "text/event-stream"}}).send("data: a\n\n").pause(30).send("data: b\n\n").close());
  auto done = run_one(get(server.url("/")), single_attempt());
  EXPECT_EQ(done.outcome.error, "");
  EXPECT_EQ(done.sink->body(), "data: a\n\ndata: b\n\n");
}

TEST(TransportFailure, SinkAbortStopsTheTransfer) {
  Script endless = Script::chunked(200);
  for (int i = 0; i < 20; ++i) endless.chunk("0123456789").pause(20);
  LocalServer server(endless.stall());
  auto sink = std::make_shared<RecordingSink>();
  sink->stop_after_bytes = 10;
  auto done = run_one(get(server.url("/")), single_attempt(), sink);
  EXPECT_TRUE(done.outcome.aborted_by_sink);
  EXPECT_CONTAINS(done.outcome.error, ("transfer stopped by the response reader after 10 body bytes"));
  EXPECT_EQ(sink->body(), "0123456789");
}

TEST(TransportFailure, ASinkExceptionLeavesRunAndIsNotLost) {
  LocalServer server;
  struct Throwing : ResponseSink {
    bool on_body(const char*, std::size_t, double) override { throw std::runtime_error("sink broke"); }
  };
  Transport transport({});
  std::string error;
  transport.submit(get(server.url("/")), std::make_shared<Throwing>(), [&](TransferOutcome o) { error = o.error; });
  EXPECT_THROW(transport.run(), std::runtime_error);
  EXPECT_CONTAINS(error, ("the response reader failed"));
}

TEST(TransportFailure, OneFailureDoesNotStopTheOthers) {
  LocalServer good;
  LocalServer bad(Script::partial(200, {}, body_of(100), 10, Script::Cut::Reset));
  Transport transport({});
  int ok = 0, failed = 0;
  for (int i = 0; i < 6; ++i) {
    const LocalServer& target = i % 2 ? good : bad;
    transport.submit(get(target.url("/")), nullptr, [&](TransferOutcome o) { (o.error.empty() ? ok : failed)++; });
  }
  transport.run();
  EXPECT_EQ(ok, 3);
  EXPECT_EQ(failed, 3);
}

}  // namespace
}  // namespace ac::test
