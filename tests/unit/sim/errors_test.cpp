#include <regex>

#include "sim_fixture.hpp"

namespace ac::sim::test {
namespace {

class SimErrors : public SimTest {
 protected:
  // Asserts the full error envelope and returns error.message.
  static std::string expect_error(const RawResponse& r, int status, const std::string& type) {
    EXPECT_EQ(r.status, status) << r.body;
    EXPECT_EQ(r.header("content-type"), "application/json");
    auto doc = parse_json(r.body);
    EXPECT_TRUE(doc.IsObject()) << r.body;
    if (!doc.IsObject()) return "";
    EXPECT_STREQ(doc["type"].GetString(), "error");
    EXPECT_STREQ(doc["error"]["type"].GetString(), type.c_str());
    EXPECT_TRUE(doc["error"]["message"].IsString());
    EXPECT_TRUE(std::regex_match(std::string(doc["request_id"].GetString()), std::regex("req_[0-9A-Za-z]{24}")));
    EXPECT_EQ(r.header("request-id"), doc["request_id"].GetString());
    // The SDKs' retry policy (reference §1.3): 408, 409, 429 and 5xx.
    EXPECT_EQ(r.header("x-should-retry"), status >= 500 || status == 429 || status == 409 || status == 408 ? "true" : "false");
    return doc["error"]["message"].GetString();
  }
  static std::string bad_request(const std::string& body) {
    return expect_error(messages(body), 400, "invalid_request_error");
  }
};

TEST_F(SimErrors, MissingKeyIs401WithObservedMessage) {
  auto r = post("/v1/messages", body_with(""), {{"anthropic-version", "2023-06-01"}});
  EXPECT_EQ(expect_error(r, 401, "authentication_error"), "x-api-key header is required");
}

TEST_F(SimErrors, WrongKeyIs401InvalidKey) {
  auto r = post("/v1/messages", body_with(""), api_headers("sk-wrong"));
  EXPECT_EQ(expect_error(r, 401, "authentication_error"), "invalid x-api-key");
}

TEST_F(SimErrors, BearerKeyIsAccepted) {
  auto r = post("/v1/messages", body_with(""),
                {{"authorization", "Bearer sim-test-key"}, {"anthropic-version", "2023-06-01"}});
  EXPECT_EQ(r.status, 200) << r.body;
  auto bad = post("/v1/messages", body_with(""),
                  {{"authorization", "Bearer nope"}, {"anthropic-version", "2023-06-01"}});
  EXPECT_EQ(expect_error(bad, 401, "authentication_error"), "invalid x-api-key");
}

TEST_F(SimErrors, MissingVersionIs400) {
  auto r = post("/v1/messages", body_with(""), {{"x-api-key", "sim-test-key"}});
  EXPECT_EQ(expect_error(r, 400, "invalid_request_error"), "anthropic-version: header is required");
}

TEST_F(SimErrors, InvalidJsonIs400) {
  EXPECT_NE(bad_request("{\"model\": ").find("error parsing the body"), std::string::npos);
  bad_request("[1,2]");
}

TEST_F(SimErrors, ModelProblems) {
  EXPECT_EQ(bad_request(R"({"max_tokens":10,"messages":[{"role":"user","content":"hi"}]})"),
            "model: Field required");
  EXPECT_EQ(bad_request(R"({"model":5,"max_tokens":10,"messages":[{"role":"user","content":"hi"}]})"),
            "model: Input should be a valid string");
  auto r = messages(R"({"model":"claude-nope-1","max_tokens":10,"messages":[{"role":"user","content":"hi"}]})");
  EXPECT_EQ(expect_error(r, 404, "not_found_error"), "model: claude-nope-1");
}

TEST_F(SimErrors, MaxTokensProblems) {
  const std::string msgs = R"("messages":[{"role":"user","content":"hi"}])";
  const std::string model = R"({"model":"claude-sonnet-4-5-20250929",)";
  EXPECT_EQ(bad_request(model + msgs + "}"), "max_tokens: Field required");
  EXPECT_EQ(bad_request(model + msgs + R"(,"max_tokens":0})"),
            "max_tokens: Input should be greater than or equal to 1");
  EXPECT_EQ(bad_request(model + msgs + R"(,"max_tokens":-5})"),
            "max_tokens: Input should be greater than or equal to 1");
  EXPECT_EQ(bad_request(model + msgs + R"(,"max_tokens":1.5})"), "max_tokens: Input should be a valid integer");
  EXPECT_EQ(bad_request(model + msgs + R"(,"max_tokens":"10"})"), "max_tokens: Input should be a valid integer");
  EXPECT_NE(bad_request(model + msgs + R"(,"max_tokens":999999})").find("maximum allowed number of output tokens"),
            std::string::npos);
}

TEST_F(SimErrors, MessagesProblems) {
  const std::string head = R"({"model":"claude-sonnet-4-5-20250929","max_tokens":10)";
  EXPECT_EQ(bad_request(head + "}"), "messages: Field required");
  EXPECT_EQ(bad_request(head + R"(,"messages":[]})"), "messages: at least one message is required");
  EXPECT_EQ(bad_request(head + R"(,"messages":"hi"})"), "messages: Input should be a valid list");
  EXPECT_EQ(bad_request(head + R"(,"messages":[{"role":"system","content":"hi"}]})"),
            "messages.0.role: Input should be 'user' or 'assistant'");
  EXPECT_EQ(bad_request(head + R"(,"messages":[{"content":"hi"}]})"), "messages.0.role: Field required");
  EXPECT_EQ(bad_request(head + R"(,"messages":[{"role":"user","content":""}]})"),
            "messages.0: all messages must have non-empty content except for the optional final assistant message");
  EXPECT_EQ(bad_request(head + R"(,"messages":[{"role":"user","content":[]}]})"),
            "messages.0: all messages must have non-empty content except for the optional final assistant message");
  EXPECT_EQ(bad_request(head + R"(,"messages":[{"role":"user","content":[{"type":"text","text":""}]}]})"),
            "messages: text content blocks must be non-empty");
  EXPECT_NE(bad_request(head + R"(,"messages":[{"role":"user","content":[{"type":"video"}]}]})")
                .find("messages.0.content.0: Input tag 'video'"),
            std::string::npos);
  // A final assistant message may be empty (prefill).
  EXPECT_EQ(messages(head + R"(,"messages":[{"role":"user","content":"hi"},{"role":"assistant","content":""}]})").status, 200);
}

TEST_F(SimErrors, SamplingOutOfRange) {
  EXPECT_EQ(bad_request(body_with(R"("temperature":1.5)")), "temperature: Input should be less than or equal to 1");
  EXPECT_EQ(bad_request(body_with(R"("temperature":-0.1)")), "temperature: Input should be greater than or equal to 0");
  EXPECT_EQ(bad_request(body_with(R"("top_p":2)")), "top_p: Input should be less than or equal to 1");
  EXPECT_EQ(bad_request(body_with(R"("top_k":-1)")), "top_k: Input should be greater than or equal to 0");
  EXPECT_EQ(bad_request(body_with(R"("temperature":"hot")")), "temperature: Input should be a valid number");
  EXPECT_EQ(messages(body_with(R"("temperature":0,"top_p":1,"top_k":0)")).status, 200);
}

TEST_F(SimErrors, UnknownTopLevelField) {
  EXPECT_EQ(bad_request(body_with(R"("response_format":{"type":"json"})")),
            "response_format: Extra inputs are not permitted");
}

TEST_F(SimErrors, Version2026RejectsSamplingParameters) {
  HeaderList headers = {{"x-api-key", "sim-test-key"}, {"anthropic-version", "2026-10-21"}};
  auto r = post("/v1/messages", body_with(R"("temperature":1)"), headers);
  EXPECT_EQ(expect_error(r, 400, "invalid_request_error"), "temperature: Extra inputs are not permitted");
  EXPECT_EQ(post("/v1/messages", body_with(""), headers).status, 200);
}

TEST_F(SimErrors, Version2026RejectsAssistantDocumentsAndCitedUserText) {
  HeaderList v2026 = {{"x-api-key", "sim-test-key"}, {"anthropic-version", "2026-10-21"}};
  HeaderList v2023 = {{"x-api-key", "sim-test-key"}, {"anthropic-version", "2023-06-01"}};
  const std::string document_in_assistant = R"({"model":"claude-sonnet-4-5-20250929","max_tokens":10,"messages":[
    {"role":"user","content":"hi"},
    {"role":"assistant","content":[{"type":"document","source":{"type":"text","media_type":"text/plain","data":"x"}}]},
    {"role":"user","content":"go on"}]})";
  const std::string cited_user_text = R"({"model":"claude-sonnet-4-5-20250929","max_tokens":10,"messages":[
    {"role":"user","content":[{"type":"text","text":"see","citations":[{"type":"char_location","cited_text":"x",
     "document_index":0,"document_title":null,"start_char_index":0,"end_char_index":1}]}]}]})";
  auto r = post("/v1/messages", document_in_assistant, v2026);
  EXPECT_EQ(expect_error(r, 400, "invalid_request_error"),
            "messages.1.content.0: document blocks are not allowed in assistant messages");
  r = post("/v1/messages", cited_user_text, v2026);
  EXPECT_EQ(expect_error(r, 400, "invalid_request_error"),
            "messages.0.content.0: text blocks with citations are not allowed in user messages");
  // The same requests are valid under 2023-06-01.
  EXPECT_EQ(post("/v1/messages", document_in_assistant, v2023).status, 200);
  EXPECT_EQ(post("/v1/messages", cited_user_text, v2023).status, 200);
}

TEST_F(SimErrors, ToolPairingIsEnforced) {
  const std::string orphan = R"({"model":"claude-sonnet-4-5-20250929","max_tokens":10,"messages":[
    {"role":"user","content":[{"type":"tool_result","tool_use_id":"toolu_x","content":"1"}]}]})";
  EXPECT_NE(bad_request(orphan).find("unexpected `tool_use_id`"), std::string::npos);
}

TEST_F(SimErrors, ThinkingBudgetRules) {
  EXPECT_EQ(bad_request(body_with(R"("thinking":{"type":"enabled","budget_tokens":500})")),
            "thinking.enabled.budget_tokens: Input should be greater than or equal to 1024");
  EXPECT_EQ(bad_request(body_with(R"("thinking":{"type":"enabled","budget_tokens":2048})")),
            "`max_tokens` must be greater than `thinking.budget_tokens`.");
}

TEST_F(SimErrors, WrongMethodIs405AndUnknownPathIs404) {
  auto r = get("/v1/messages");
  expect_error(r, 405, "invalid_request_error");
  EXPECT_EQ(r.header("allow"), "POST");
  auto models = post("/v1/models", "{}");
  expect_error(models, 405, "invalid_request_error");
  auto unknown = get("/v2/nothing");
  expect_error(unknown, 404, "not_found_error");
}

TEST_F(SimErrors, OversizedBodyGets413EdgeBody) {
  SimOptions options;
  options.max_body_bytes = 1024;
  Simulator sim(options);
  std::string error;
  int port = sim.start(0, error);
  ASSERT_GT(port, 0) << error;
  auto r = raw_request(port, "POST", "/v1/messages", api_headers(), body_with("", std::string(4000, 'a')));
  EXPECT_EQ(r.status, 413);
  EXPECT_EQ(r.body, R"({"error":{"type":"request_too_large","message":"Request exceeds the maximum size"}})");
  EXPECT_EQ(r.header("request-id"), "");
  auto ok = raw_request(port, "POST", "/v1/messages", api_headers(), body_with(""));
  EXPECT_EQ(ok.status, 200) << ok.body;
}

TEST_F(SimErrors, RequestedHttpErrors) {
  auto r = messages(body_with(""), {{"x-sim-error", "overloaded"}});
  EXPECT_EQ(expect_error(r, 529, "overloaded_error"), "Overloaded");
  auto limited = messages(body_with(""), {{"x-sim-error", "rate_limit"}});
  expect_error(limited, 429, "rate_limit_error");
  EXPECT_EQ(limited.header("retry-after"), "1");
  // Every status of the reference's table (§4.2) that no request can provoke, with its type.
  const std::pair<const char*, std::pair<int, const char*>> named[] = {
      {"billing", {402, "billing_error"}},   {"permission", {403, "permission_error"}},
      {"conflict", {409, "conflict_error"}}, {"api_error", {500, "api_error"}},
      {"timeout", {504, "timeout_error"}}};
  for (const auto& [name, want] : named) {
    SCOPED_TRACE(name);
    expect_error(messages(body_with(""), {{"x-sim-error", name}}), want.first, want.second);
  }
  auto unknown = messages(body_with(""), {{"x-sim-error", "meteor"}});
  EXPECT_NE(expect_error(unknown, 400, "invalid_request_error").find("x-sim-error: unknown error 'meteor'"),
            std::string::npos);
}

TEST_F(SimErrors, ErrorsWithStreamTrueAreJsonNotStreams) {
  auto r = messages(R"({"model":"claude-sonnet-4-5-20250929","stream":true,"messages":[{"role":"user","content":"hi"}]})");
  EXPECT_EQ(expect_error(r, 400, "invalid_request_error"), "max_tokens: Field required");
}

}  // namespace
}  // namespace ac::sim::test
