#include <gtest/gtest.h>

#include "net_test_support.hpp"
#include "support/local_server.hpp"

namespace ac::test {
namespace {

TEST(TransportSuccess, DeliversStatusHeadersBodyAndTimings) {
  LocalServer server(Script::json(200, R"({"ok":true})", {{"X-Request-Id", "req_1"}}));
  auto done = run_one(get(server.url("/v1/models")));
  const auto& out = done.outcome;
  EXPECT_EQ(out.error, "");
  EXPECT_EQ(out.status, 200);
  EXPECT_EQ(out.attempts, 1);
  EXPECT_EQ(done.sink->status, 200);
  EXPECT_EQ(done.sink->body(), R"({"ok":true})");
  EXPECT_TRUE(done.sink->headers_before_body);
  EXPECT_EQ(find_header(out.headers, "x-request-id").value_or(""), "req_1");
  EXPECT_GT(out.timings.connect_ms, 0);
  EXPECT_GT(out.timings.first_byte_ms, 0);
  EXPECT_GT(out.timings.total_ms, 0);
  EXPECT_LE(out.timings.dns_ms, out.timings.connect_ms);
  EXPECT_LE(out.timings.connect_ms, out.timings.first_byte_ms);
  EXPECT_LE(out.timings.first_byte_ms, out.timings.total_ms);
  EXPECT_EQ(out.timings.tls_ms, 0);
  EXPECT_EQ(server.last_request().path, "/v1/models");
  EXPECT_EQ(server.last_request().method, "GET");
}

TEST(TransportSuccess, HeaderNamesKeepTheirCaseAsReceived) {
  LocalServer server(Script::reply(200, {{"X-MiXeD-Case", "a"}, {"anthropic-ratelimit-requests-limit", "50"}}, "x"));
  auto out = run_one(get(server.url("/"))).outcome;
  ASSERT_EQ(out.error, "");
  bool mixed = false, lower = false;
  for (const auto& h : out.headers) {
    mixed = mixed || h.name == "X-MiXeD-Case";
    lower = lower || h.name == "anthropic-ratelimit-requests-limit";
  }
  EXPECT_TRUE(mixed);
  EXPECT_TRUE(lower);
}

TEST(TransportSuccess, BodyChunksArriveIncrementallyWithIncreasingTimes) {
  LocalServer server(Script::chunked(200, {{"Content-Type", "text/event-stream"}})
                         .chunk("event: one\n\n")
                         .pause(150)
                         .chunk("event: two\n\n")
                         .pause(150)
                         .chunk("event: three\n\n")
                         .end_chunks());
  auto done = run_one(get(server.url("/stream")));
  ASSERT_EQ(done.outcome.error, "");
  const auto& pieces = done.sink->pieces;
  ASSERT_GE(pieces.size(), 3u);
  EXPECT_EQ(done.sink->body(), "event: one\n\nevent: two\n\nevent: three\n\n");
  EXPECT_EQ(pieces.front().data, "event: one\n\n");
  for (std::size_t i = 1; i < pieces.size(); ++i) EXPECT_GT(pieces[i].at_ms, pieces[i - 1].at_ms);
  // The server waited 2 × 150 ms between the first and the last chunk: had the body been
  // buffered and delivered at the end, both would carry the same arrival time.
  EXPECT_GE(pieces.back().at_ms - pieces.front().at_ms, 150);
  EXPECT_TRUE(done.sink->headers_before_body);
}

TEST(TransportSuccess, OneBytePerWriteArrivesWhole) {
  std::string stream = "event: message_start\r\ndata: {}\r\n\r\n: comment\n\n";
  Script trickle = Script::chunked(200, {{"Content-Type", "text/event-stream"}});
  for (char c : stream) trickle.chunk(std::string(1, c)).pause(1);
  LocalServer server(trickle.end_chunks());
  auto done = run_one(get(server.url("/")));
  EXPECT_EQ(done.outcome.error, "");
  EXPECT_EQ(done.sink->body(), stream);
  EXPECT_GT(done.sink->pieces.size(), 1u);
}

TEST(TransportSuccess, ASlowButSteadyStreamIsNotIdle) {
  // Bytes every 100 ms for longer than the idle timeout: the idle timer restarts with each byte.
  Script steady = Script::chunked(200);
  for (int i = 0; i < 8; ++i) steady.chunk("data: tick\n\n").pause(100);
  LocalServer server(steady.end_chunks());
  HttpRequest request = get(server.url("/"));
  request.timeouts.idle_s = 0.4;
  request.timeouts.first_byte_s = 0.4;
  auto done = run_one(request);
  EXPECT_EQ(done.outcome.error, "");
  EXPECT_EQ(done.sink->body().size(), 8 * std::string("data: tick\n\n").size());
  EXPECT_GT(done.outcome.timings.total_ms, 400);  // it did outlast both timeouts
}

TEST(TransportSuccess, SendsMethodHeadersAndBodyExactlyAsGiven) {
  LocalServer server;
  for (std::string method : {"POST", "PUT", "PATCH", "DELETE", "OPTIONS", "GET"}) {
    HttpRequest request = get(server.url("/v1/messages?beta=true"));
    request.method = method;
    request.body = method == "DELETE" || method == "OPTIONS" ? "" : "{\"model\": \"m\",\n \"x\":1}";
    request.headers = {{"x-api-key", "k"}, {"Anthropic-Version", "2023-06-01"}, {"X-Empty", ""}};
    auto out = run_one(request).outcome;
    ASSERT_EQ(out.error, "") << method;
    auto seen = server.last_request();
    EXPECT_EQ(seen.method, method);
    EXPECT_EQ(seen.target, "/v1/messages?beta=true");
    EXPECT_EQ(seen.body, request.body) << method;
    EXPECT_FALSE(find_header(seen.headers, "expect")) << method;
    EXPECT_FALSE(find_header(seen.headers, "accept")) << method;
    EXPECT_FALSE(find_header(seen.headers, "content-type")) << method;
    EXPECT_EQ(find_header(seen.headers, "x-empty").value_or("missing"), "");
    bool exact_case = false;
    for (const auto& h : seen.headers) exact_case = exact_case || h.name == "Anthropic-Version";
    EXPECT_TRUE(exact_case);
  }
}

TEST(TransportSuccess, HeadReadsNoBody) {
  LocalServer server(Script::head(200, {{"Content-Length", "1000"}, {"Connection", "close"}}));
  HttpRequest request = get(server.url("/"));
  request.method = "HEAD";
  auto done = run_one(request);
  EXPECT_EQ(done.outcome.error, "");
  EXPECT_EQ(done.outcome.status, 200);
  EXPECT_EQ(server.last_request().method, "HEAD");
  EXPECT_EQ(done.sink->body(), "");
}

TEST(TransportSuccess, LargeBodyIsSentWithoutExpectContinue) {
  LocalServer server;
  HttpRequest request = get(server.url("/big"));
  request.method = "POST";
  request.headers = {{"content-type", "application/json"}};
  request.body = "{\"pad\":\"" + std::string(3 * 1024 * 1024, 'a') + "\"}";
  auto out = run_one(request).outcome;
  ASSERT_EQ(out.error, "");
  auto seen = server.last_request();
  EXPECT_EQ(seen.body.size(), request.body.size());
  EXPECT_EQ(seen.body, request.body);
  EXPECT_FALSE(find_header(seen.headers, "expect"));
  EXPECT_EQ(find_header(seen.headers, "content-type").value_or(""), "application/json");
}

// gzip of {"ok":true} (Python: gzip.compress(b'{"ok":true}', mtime=0)).
const std::string kGzippedOk("\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\x03\xab\x56\xca\xcf\x56\xb2\x2a\x29\x2a\x4d\xad\x05"
                             "\x00\x90\x5f\xd4\xa7\x0b\x00\x00\x00",
                             31);

// Clients decode a compressed body; so does the transport, without asking for one itself.
TEST(TransportSuccess, CompressedBodyIsDecodedAndNothingIsAskedFor) {
  LocalServer server(Script::reply(200, {{"Content-Encoding", "gzip"}}, kGzippedOk));
  auto done = run_one(get(server.url("/")));
  EXPECT_EQ(done.outcome.error, "");
  EXPECT_EQ(done.outcome.content_error, "");
  EXPECT_EQ(done.sink->body(), R"({"ok":true})");
  EXPECT_EQ(find_header(done.outcome.headers, "content-encoding").value_or(""), "gzip");
  EXPECT_FALSE(find_header(server.last_request().headers, "accept-encoding"));
}

TEST(TransportSuccess, AnAcceptEncodingTheRequestSetsIsSentAsWritten) {
  LocalServer server(Script::reply(200, {{"Content-Encoding", "gzip"}}, kGzippedOk));
  HttpRequest request = get(server.url("/"));
  request.headers.push_back({"Accept-Encoding", "gzip"});
  auto done = run_one(request);
  EXPECT_EQ(find_header(server.last_request().headers, "accept-encoding").value_or(""), "gzip");
  EXPECT_EQ(done.sink->body(), R"({"ok":true})");
}

// A corrupt body is the server's fault, not the network's: a content error, not a transport error.
TEST(TransportSuccess, ACorruptCompressedBodyIsAContentErrorNamingTheEncoding) {
  LocalServer server(Script::reply(200, {{"Content-Encoding", "gzip"}}, "\x1f\x8b not really gzip"));
  auto done = run_one(get(server.url("/")));
  EXPECT_EQ(done.outcome.error, "");
  EXPECT_CONTAINS(done.outcome.content_error, "`Content-Encoding: gzip` but cannot be decoded");
}

TEST(TransportSuccess, AnUnknownContentEncodingIsAContentError) {
  LocalServer server(Script::reply(200, {{"Content-Encoding", "x-snappy"}}, "abc"));
  auto done = run_one(get(server.url("/")));
  EXPECT_EQ(done.outcome.error, "");
  EXPECT_CONTAINS(done.outcome.content_error, "`Content-Encoding: x-snappy` but cannot be decoded");
}

TEST(TransportSuccess, InterimResponsesAreSkipped) {
  LocalServer server(Script::head(103, {{"Link", "</a>"}}).send("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"));
  auto done = run_one(get(server.url("/")));
  EXPECT_EQ(done.outcome.error, "");
  EXPECT_EQ(done.outcome.status, 200);
  EXPECT_FALSE(find_header(done.outcome.headers, "link"));
  EXPECT_EQ(done.sink->body(), "ok");
}

TEST(TransportSuccess, WorksWithoutASink) {
  LocalServer server;
  Transport transport({});
  TransferOutcome result;
  transport.submit(get(server.url("/")), nullptr, [&](TransferOutcome o) { result = std::move(o); });
  transport.run();
  EXPECT_EQ(result.error, "");
  EXPECT_EQ(result.status, 200);
}

TEST(TransportSuccess, AReusedHandleForgetsThePreviousRequestsOptions) {
  // One transfer at a time, so each request reuses the easy handle of the one before: a HEAD's
  // "no body", a PUT's custom method and a header must not leak into the requests after them.
  LocalServer server(Script::json(200, R"({"ok":true})"));
  TransportOptions options;
  options.max_concurrency = 1;
  Transport transport(options);
  HttpRequest head = get(server.url("/a"));
  head.method = "HEAD";
  head.headers = {{"x-only-first", "1"}};
  HttpRequest put = get(server.url("/b"));
  put.method = "PUT";
  put.body = "{}";
  HttpRequest plain = get(server.url("/c"));
  std::vector<std::shared_ptr<RecordingSink>> sinks;
  std::vector<TransferOutcome> outcomes;
  for (auto* request : {&head, &put, &plain}) {
    sinks.push_back(std::make_shared<RecordingSink>());
    transport.submit(*request, sinks.back(), [&](TransferOutcome o) { outcomes.push_back(std::move(o)); });
  }
  transport.run();
  ASSERT_EQ(outcomes.size(), 3u);
  for (const auto& o : outcomes) EXPECT_EQ(o.error, "");
  auto requests = server.requests();
  ASSERT_EQ(requests.size(), 3u);
  EXPECT_EQ(requests[0].method, "HEAD");
  EXPECT_EQ(requests[1].method, "PUT");
  EXPECT_EQ(requests[1].body, "{}");
  EXPECT_EQ(requests[2].method, "GET");
  EXPECT_EQ(requests[2].body, "");
  EXPECT_FALSE(find_header(requests[2].headers, "x-only-first").has_value());
  EXPECT_EQ(sinks[2]->body(), R"({"ok":true})");  // the HEAD's "no body" did not stick
}

}  // namespace
}  // namespace ac::test
