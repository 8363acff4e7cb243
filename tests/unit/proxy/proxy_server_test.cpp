// The transparent proxy (harness/proxy/): requests reach the target unchanged, replies come back
// byte for byte and chunk by chunk as they arrive, connections are kept alive, and every exchange
// is handed over complete, cut or missing.
#include <gtest/gtest.h>

#include <mutex>
#include <thread>

#include "proxy/proxy_server.hpp"
#include "raw_client.hpp"
#include "sim/simulator.hpp"
#include "support/local_server.hpp"
#include "support/run_binary.hpp"

namespace ac::test {
namespace {

// A proxy in front of `target` that keeps every exchange it hands over.
class ProxyFixture {
 public:
  explicit ProxyFixture(const std::string& target) {
    ProxyOptions options;
    options.forward.target = target;
    options.record_target = target;
    options.forward.connect_timeout_s = 5;
    server_ = std::make_unique<ProxyServer>(options, [this](ExchangeRecord&& record) {
      std::lock_guard<std::mutex> lock(mutex_);
      records_.push_back(std::move(record));
    });
    std::string error;
    port_ = server_->start("127.0.0.1", 0, error);
    EXPECT_GT(port_, 0) << error;
  }
  int port() const { return port_; }
  // The exchanges handed over so far, once `count` have been (the hand-over follows the reply).
  std::vector<ExchangeRecord> records(std::size_t count) {
    for (int i = 0; i < 500; ++i) {
      {
        std::lock_guard<std::mutex> lock(mutex_);
        if (records_.size() >= count) return records_;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    std::lock_guard<std::mutex> lock(mutex_);
    return records_;
  }
  void stop() { server_->stop(0); }

 private:
  int port_ = -1;
  std::mutex mutex_;
  std::vector<ExchangeRecord> records_;
  // Declared last so it is destroyed first: its threads hand over records until it stops, and must
  // not push into records_ once that is gone (LeakSanitizer caught it the other way round).
  std::unique_ptr<ProxyServer> server_;
};

const Headers kApiHeaders = {{"x-api-key", "sk-proxy-test-key-0123456789"},
                             {"anthropic-version", "2023-06-01"},
                             {"content-type", "application/json"}};

TEST(ProxyServer, SendsTheRequestToTheTargetUnchanged) {
  LocalServer target(Script::json(200, R"({"ok":true})"));
  ProxyFixture proxy(target.base_url() + "/prefix/");
  RawClient client(proxy.port());
  Headers headers = kApiHeaders;
  headers.push_back({"X-Odd-Case", "  spaced value"});
  headers.push_back({"Connection", "keep-alive, X-Hop"});
  headers.push_back({"X-Hop", "dropped: the client's Connection header names it"});
  const std::string body = R"({"model":"m","max_tokens":1,"messages":[]})";
  ASSERT_TRUE(client.send(http_request("POST", "/v1/messages?beta=true", headers, body)));
  RawReply reply = client.read_reply();
  EXPECT_EQ(reply.status, 200);
  EXPECT_EQ(reply.body, R"({"ok":true})");
  RecordedRequest seen = target.last_request();
  EXPECT_EQ(seen.method, "POST");
  EXPECT_EQ(seen.target, "/prefix/v1/messages?beta=true");
  EXPECT_EQ(seen.body, body);
  EXPECT_EQ(find_header(seen.headers, "x-api-key").value_or(""), "sk-proxy-test-key-0123456789");
  EXPECT_EQ(find_header(seen.headers, "X-Odd-Case").value_or(""), "spaced value");
  EXPECT_EQ(find_header(seen.headers, "anthropic-version").value_or(""), "2023-06-01");
  EXPECT_FALSE(find_header(seen.headers, "X-Hop")) << "a hop-by-hop header went on";
  EXPECT_FALSE(find_header(seen.headers, "Accept")) << "libcurl added a header the client did not send";
  EXPECT_FALSE(find_header(seen.headers, "Expect"));
  EXPECT_NE(find_header(seen.headers, "Host").value_or(""), "127.0.0.1") << "Host must name the target";

  auto records = proxy.records(1);
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].sequence, 1);
  EXPECT_EQ(records[0].method, "POST");
  EXPECT_EQ(records[0].path, "/v1/messages?beta=true");
  EXPECT_EQ(records[0].request_body, body);
  EXPECT_EQ(records[0].status, 200);
  EXPECT_EQ(records[0].response_body, R"({"ok":true})");
  EXPECT_EQ(records[0].target, target.base_url() + "/prefix");
  EXPECT_TRUE(records[0].error.empty()) << records[0].error;
  EXPECT_FALSE(records[0].started_at.empty());
}

TEST(ProxyServer, RelaysTheReplyHeadAndBodyAsTheTargetWroteThem) {
  const std::string body = "{\"id\":\"msg_1\",\n  \"type\":\"message\"}";
  LocalServer target(Script::head(201, {{"Content-Type", "application/json"},
                                        {"x-Request-ID", "req_0123"},
                                        {"Set-Cookie", "a=1"},
                                        {"Set-Cookie", "b=2"},
                                        {"Content-Length", std::to_string(body.size())},
                                        {"Keep-Alive", "timeout=5"}})
                         .send(body));
  ProxyFixture proxy(target.base_url());
  RawClient client(proxy.port());
  ASSERT_TRUE(client.send(http_request("GET", "/v1/models", {}, "")));
  RawReply reply = client.read_reply();
  EXPECT_EQ(reply.status_line, "HTTP/1.1 201 Created");
  EXPECT_EQ(reply.body, body);
  Headers kept;
  for (const auto& h : reply.headers) kept.push_back(h);
  ASSERT_GE(kept.size(), 5u);
  EXPECT_EQ(kept[0].name, "Content-Type");
  EXPECT_EQ(kept[1].name, "x-Request-ID") << "names keep their case and order";
  EXPECT_EQ(kept[2].value, "a=1");
  EXPECT_EQ(kept[3].value, "b=2") << "repeated headers stay repeated";
  EXPECT_EQ(find_header(reply.headers, "content-length").value_or(""), std::to_string(body.size()));
  EXPECT_FALSE(find_header(reply.headers, "keep-alive")) << "a hop-by-hop header came through";
  EXPECT_FALSE(find_header(reply.headers, "transfer-encoding")) << "a Content-Length reply was re-chunked";
}

TEST(ProxyServer, PassesEachChunkOnBeforeTheNextArrives) {
  // The target sends one event and then nothing more: a buffering proxy would deliver nothing.
  LocalServer target(Script::chunked(200, {{"Content-Type", "text/event-stream"}})
                         .chunk("event: ping\ndata: {\"type\":\"ping\"}\n\n")
                         .stall());
  ProxyFixture proxy(target.base_url());
  RawClient client(proxy.port());
  ASSERT_TRUE(client.send(http_request("POST", "/v1/messages", kApiHeaders, "{}")));
  RawReply head = client.read_head();
  EXPECT_EQ(head.status, 200);
  EXPECT_EQ(find_header(head.headers, "transfer-encoding").value_or(""), "chunked");
  EXPECT_EQ(client.read_chunk(), "event: ping\ndata: {\"type\":\"ping\"}\n\n");
  target.stop();
}

TEST(ProxyServer, KeepsTheClientConnectionAliveAcrossRequests) {
  LocalServer target(Script::json(200, R"({"n":1})"));
  ProxyFixture proxy(target.base_url());
  RawClient client(proxy.port());
  for (int i = 0; i < 3; ++i) {
    ASSERT_TRUE(client.send(http_request("GET", "/v1/models", {}, ""))) << i;
    RawReply reply = client.read_reply();
    EXPECT_EQ(reply.status, 200) << i;
    EXPECT_TRUE(reply.complete) << i;
    EXPECT_FALSE(reply.closed) << i;
  }
  EXPECT_EQ(proxy.records(3).size(), 3u);
}

TEST(ProxyServer, ClosesWhenTheClientAsksTo) {
  LocalServer target(Script::json(200, "{}"));
  ProxyFixture proxy(target.base_url());
  RawClient client(proxy.port());
  ASSERT_TRUE(client.send(http_request("GET", "/v1/models", {{"Connection", "close"}}, "")));
  RawReply reply = client.read_reply();
  EXPECT_EQ(find_header(reply.headers, "connection").value_or(""), "close");
  EXPECT_TRUE(reply.closed);
}

TEST(ProxyServer, CutsTheReplyForTheClientWhereTheTargetCutIt) {
  LocalServer target(Script::partial(200, {{"Content-Type", "application/json"}}, R"({"type":"message","id":"x"})", 10,
                                     Script::Cut::Close));
  ProxyFixture proxy(target.base_url());
  RawClient client(proxy.port());
  ASSERT_TRUE(client.send(http_request("POST", "/v1/messages", kApiHeaders, "{}")));
  RawReply reply = client.read_reply(5000);
  EXPECT_EQ(reply.status, 200);
  EXPECT_FALSE(reply.complete);
  EXPECT_EQ(reply.body, R"({"type":"m)");
  EXPECT_TRUE(reply.closed);
  auto records = proxy.records(1);
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].response_body, R"({"type":"m)");
  EXPECT_NE(records[0].error.find("10 of 27"), std::string::npos) << records[0].error;
}

TEST(ProxyServer, AnswersBadGatewayWhenTheTargetCannotBeReached) {
  ProxyFixture proxy("http://127.0.0.1:" + std::to_string(free_port()));
  RawClient client(proxy.port());
  ASSERT_TRUE(client.send(http_request("POST", "/v1/messages", kApiHeaders, "{}")));
  RawReply reply = client.read_reply();
  EXPECT_EQ(reply.status, 502);
  EXPECT_NE(reply.body.find("\"type\":\"error\""), std::string::npos) << reply.body;
  EXPECT_NE(reply.body.find("connection refused"), std::string::npos) << reply.body;
  auto records = proxy.records(1);
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].status, 0);
  EXPECT_NE(records[0].error.find("connection refused"), std::string::npos) << records[0].error;
}

TEST(ProxyServer, RefusesWhatIsNotHttp) {
  LocalServer target;
  ProxyFixture proxy(target.base_url());
  RawClient client(proxy.port());
  ASSERT_TRUE(client.send("HELLO THERE\r\n\r\n"));
  RawReply reply = client.read_reply();
  EXPECT_EQ(reply.status, 400);
  EXPECT_NE(reply.body.find("not an HTTP request"), std::string::npos) << reply.body;
  EXPECT_EQ(target.request_count(), 0);
}

TEST(ProxyServer, ReadsAChunkedRequestBodyAndSendsItWhole) {
  LocalServer target(Script::json(200, "{}"));
  ProxyFixture proxy(target.base_url());
  RawClient client(proxy.port());
  ASSERT_TRUE(
      client.send("POST /v1/messages HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n"
                  "Content-Type: application/json\r\nExpect: 100-continue\r\n\r\n"));
  RawReply interim = client.read_head();
  EXPECT_EQ(interim.status, 100);
  ASSERT_TRUE(client.send("4\r\n{\"a\"\r\n3\r\n:1}\r\n0\r\n\r\n"));
  RawReply reply = client.read_reply();
  EXPECT_EQ(reply.status, 200);
  RecordedRequest seen = target.last_request();
  EXPECT_EQ(seen.body, "{\"a\":1}");
  EXPECT_EQ(find_header(seen.headers, "content-length").value_or(""), "7");
  EXPECT_FALSE(find_header(seen.headers, "transfer-encoding"));
}

TEST(ProxyServer, RelaysTheSimulatorsStreamsToConcurrentClients) {
  sim::Simulator simulator{sim::SimOptions{}};
  std::string error;
  ASSERT_GT(simulator.start(0, error), 0) << error;
  ProxyFixture proxy(simulator.base_url());
  constexpr int kClients = 6;
  std::vector<RawReply> replies(kClients);
  std::vector<std::thread> threads;
  const std::string body =
      R"({"model":"claude-sonnet-4-5","max_tokens":64,"stream":true,"messages":[{"role":"user","content":"one two three four five six"}]})";
  Headers headers = kApiHeaders;
  headers[0].value = "sim-test-key";
  for (int i = 0; i < kClients; ++i)
    threads.emplace_back([&, i] {
      RawClient client(proxy.port());
      client.send(http_request("POST", "/v1/messages", headers, body));
      replies[i] = client.read_reply();
    });
  for (auto& t : threads) t.join();
  auto records = proxy.records(kClients);
  ASSERT_EQ(records.size(), static_cast<std::size_t>(kClients));
  std::set<int> sequences;
  for (const auto& r : records) {
    sequences.insert(r.sequence);
    EXPECT_TRUE(r.error.empty()) << r.error;
    EXPECT_GT(r.chunks.size(), 5u) << "the stream arrived as one piece";
  }
  EXPECT_EQ(sequences.size(), static_cast<std::size_t>(kClients));
  for (const auto& reply : replies) {
    EXPECT_EQ(reply.status, 200);
    EXPECT_TRUE(reply.complete);
    EXPECT_NE(reply.body.find("event: message_stop"), std::string::npos);
    // What the client got is what the proxy recorded, byte for byte.
    bool recorded = false;
    for (const auto& r : records) recorded = recorded || r.response_body == reply.body;
    EXPECT_TRUE(recorded);
  }
}

TEST(ProxyServer, StopEndsIdleConnectionsAndRefusesNewOnes) {
  LocalServer target(Script::json(200, "{}"));
  ProxyFixture proxy(target.base_url());
  RawClient idle(proxy.port());
  ASSERT_TRUE(idle.send(http_request("GET", "/v1/models", {}, "")));
  EXPECT_EQ(idle.read_reply().status, 200);
  proxy.stop();
  RawReply after = idle.read_reply(2000);
  EXPECT_TRUE(after.closed);
  RawClient late(proxy.port());
  EXPECT_FALSE(late.connected() && late.send(http_request("GET", "/v1/models", {}, "")) &&
               late.read_reply(1000).status != 0);
}

}  // namespace
}  // namespace ac::test

#include <rapidjson/document.h>

namespace ac::test {
namespace {

// The proxy's own answers are JSON in the API's error shape whatever their message holds (a
// client's request line is quoted in it).
TEST(ProxyErrorReply, TheMessageIsAJsonStringWhateverItHolds) {
  const std::string message = "a version 'HTTP/\"9\\x\n' is not HTTP/1.1";
  const std::string reply = proxy_error_reply(400, "Bad Request", "invalid_request_error", message, true);
  const std::string body = reply.substr(reply.find("\r\n\r\n") + 4);
  rapidjson::Document doc;
  doc.Parse(body.c_str(), body.size());
  ASSERT_FALSE(doc.HasParseError()) << body;
  EXPECT_STREQ(doc["error"]["type"].GetString(), "invalid_request_error");
  EXPECT_EQ(std::string(doc["error"]["message"].GetString()), "apiconform proxy: " + message);
  EXPECT_NE(reply.find("Content-Length: " + std::to_string(body.size()) + "\r\n"), std::string::npos) << reply;
}

}  // namespace
}  // namespace ac::test
