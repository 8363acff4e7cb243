// The scriptable server is shared by other stages' tests: its own behaviour is pinned here.
#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include "net_test_support.hpp"
#include "support/local_server.hpp"

namespace ac::test {
namespace {

TEST(LocalServerTest, RecordsRequestsInOrder) {
  LocalServer server;
  EXPECT_EQ(server.request_count(), 0);
  EXPECT_EQ(server.last_request().method, "");
  HttpRequest post = get(server.url("/v1/messages?x=1"));
  post.method = "POST";
  post.body = "{\"a\":1}";
  post.headers = {{"X-Api-Key", "k"}};
  run_one(post);
  run_one(get(server.url("/v1/models")));
  auto requests = server.requests();
  ASSERT_EQ(requests.size(), 2u);
  EXPECT_EQ(requests[0].method, "POST");
  EXPECT_EQ(requests[0].target, "/v1/messages?x=1");
  EXPECT_EQ(requests[0].path, "/v1/messages");
  EXPECT_EQ(requests[0].version, "HTTP/1.1");
  EXPECT_EQ(requests[0].body, "{\"a\":1}");
  EXPECT_EQ(requests[0].headers.front().name, "Host");
  EXPECT_EQ(find_header(requests[0].headers, "x-api-key").value_or(""), "k");
  EXPECT_LE(requests[0].at_ms, requests[1].at_ms);
  EXPECT_EQ(server.last_request().path, "/v1/models");
  EXPECT_EQ(server.connection_count(), 2);
  // The server counts a request done after its last byte is sent, which the client may read
  // first: wait (boundedly) for the count to settle rather than race it (seen failing under -j2).
  for (int i = 0; i < 500 && server.in_flight() != 0; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(10));
  EXPECT_EQ(server.in_flight(), 0);
}

TEST(LocalServerTest, DecodesAChunkedRequestBody) {
  LocalServer server;
  HttpRequest post = get(server.url("/"));
  post.method = "POST";
  post.headers = {{"Transfer-Encoding", "chunked"}};
  post.body = "hello chunked world";
  ASSERT_EQ(run_one(post).outcome.error, "");
  EXPECT_EQ(server.last_request().body, "hello chunked world");
}

TEST(LocalServerTest, QueuedScriptsGoFirstThenTheHandler) {
  LocalServer server([](const RecordedRequest& r) {
    return Script::json(r.path == "/missing" ? 404 : 200, "{}");
  });
  server.enqueue(Script::json(418, "{}"));
  EXPECT_EQ(run_one(get(server.url("/"))).outcome.status, 418);
  EXPECT_EQ(run_one(get(server.url("/"))).outcome.status, 200);
  EXPECT_EQ(run_one(get(server.url("/missing"))).outcome.status, 404);
  server.set_script(Script::json(201, "{}"));
  EXPECT_EQ(run_one(get(server.url("/missing"))).outcome.status, 201);
}

TEST(LocalServerTest, SendsExactlyTheScriptedBytes) {
  LocalServer server(Script::head(200, {{"Content-Length", "5"}, {"X-Odd", "a:b"}}).send("12").pause(20).send("345"));
  auto done = run_one(get(server.url("/")));
  EXPECT_EQ(done.outcome.error, "");
  EXPECT_EQ(done.sink->body(), "12345");
  EXPECT_EQ(find_header(done.outcome.headers, "x-odd").value_or(""), "a:b");
  EXPECT_FALSE(find_header(done.outcome.headers, "connection"));  // head() adds nothing
}

TEST(LocalServerTest, StopsCleanlyWithStalledConnectionsOpen) {
  auto server = std::make_unique<LocalServer>(Script::never_answer());
  HttpRequest request = get(server->url("/"));
  request.timeouts.first_byte_s = 0.1;
  EXPECT_NE(run_one(request).outcome.error, "");
  EXPECT_EQ(server->request_count(), 1);
  server->stop();
  server->stop();  // idempotent
  server.reset();
}

TEST(LocalServerTest, ServesManyConnectionsAtOnce) {
  LocalServer server(Script().pause(400).send("HTTP/1.1 204 No Content\r\nConnection: close\r\n\r\n"));
  TransportOptions options;
  options.max_concurrency = 20;
  Transport transport(options);
  int ok = 0;
  for (int i = 0; i < 20; ++i)
    transport.submit(get(server.url("/")), nullptr, [&](TransferOutcome o) { ok += o.status == 204; });
  transport.run();
  EXPECT_EQ(ok, 20);
  EXPECT_EQ(server.max_in_flight(), 20);  // all 20 were held in their pause together
}

}  // namespace
}  // namespace ac::test
