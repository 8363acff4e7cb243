// The gateway fixture itself: the pinned claude-code-router starts on 127.0.0.1 with the config
// RouterGateway writes and forwards an Anthropic request to the OpenAI upstream it names (here a
// scripted local server), translated to Chat Completions. What it gets wrong is asserted through
// apiconform's upstream mode (gateway_deviations_test.cpp, docs/upstream.md).
#include <gtest/gtest.h>
#include <httplib.h>

#include "gateway/router_gateway.hpp"
#include "support/local_server.hpp"

namespace ac::test {
namespace {

TEST(RouterGatewayFixture, ForwardsAnAnthropicRequestToTheConfiguredOpenAIUpstream) {
  const std::string dir = gateway_install_dir();
  if (const std::string why = gateway_unavailable(dir); !why.empty()) GTEST_SKIP() << why;
  LocalServer upstream(Script::json(200, R"({"id":"chatcmpl-1","object":"chat.completion","created":1,
    "model":"upstream-model","choices":[{"index":0,"message":{"role":"assistant","content":"Hi there."},
    "finish_reason":"stop"}],"usage":{"prompt_tokens":5,"completion_tokens":3,"total_tokens":8}})"));
  RouterGateway gateway(dir, upstream.url("/v1/chat/completions"), "upstream-model");
  ASSERT_TRUE(gateway.started()) << gateway.log();

  httplib::Client client("127.0.0.1", gateway.port());
  client.set_read_timeout(60);
  auto res = client.Post("/v1/messages", {{"x-api-key", "client-key"}, {"anthropic-version", "2023-06-01"}},
                         R"({"model":"claude-test","max_tokens":16,"messages":[{"role":"user","content":"Hello"}]})",
                         "application/json");
  ASSERT_TRUE(res) << httplib::to_string(res.error()) << "\n" << gateway.log();
  EXPECT_EQ(res->status, 200) << res->body;
  EXPECT_NE(res->body.find("\"text\":\"Hi there.\""), std::string::npos) << res->body;
  EXPECT_NE(res->body.find("\"output_tokens\":3"), std::string::npos) << res->body;

  ASSERT_EQ(upstream.request_count(), 1);
  const RecordedRequest forwarded = upstream.last_request();
  EXPECT_EQ(forwarded.path, "/v1/chat/completions");
  EXPECT_NE(forwarded.body.find("\"model\":\"upstream-model\""), std::string::npos) << forwarded.body;
  EXPECT_NE(forwarded.body.find("\"content\":\"Hello\""), std::string::npos) << forwarded.body;
}

}  // namespace
}  // namespace ac::test
