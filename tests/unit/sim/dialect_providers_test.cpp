// Each provider dialect, asserted from its document's statements (docs/providers/<name>.md,
// items numbered there; line numbers refer to the seed document).
#include <gtest/gtest.h>

#include "dialect_fixture.hpp"

namespace ac::sim::test {
namespace {

const char* kSonnet = "claude-sonnet-4-5-20250929";
const std::string kTool =
    R"("tools":[{"name":"get_weather","input_schema":{"type":"object","properties":{"city":{"type":"string"}},"required":["city"]}}])";
const std::string kPng =
    R"({"type":"image","source":{"type":"base64","media_type":"image/png","data":"iVBORw0KGgo="}})";
const std::string kUrlImage =
    R"({"type":"image","source":{"type":"url","url":"https://example.com/a.png"}})";

std::string image_body(const std::string& model, const std::string& image) {
  return "{\"model\":\"" + std::string(model) + "\",\"max_tokens\":50,\"messages\":[{\"role\":\"user\","
         "\"content\":[" + image + ",{\"type\":\"text\",\"text\":\"What is it?\"}]}]}";
}

// ---------------------------------------------------------------- umodelverse
TEST(DialectUmodelverse, KeyInXApiKeyOrBearer) {  // item 1, line 14
  int port = 0;
  auto sim = start_dialect("umodelverse", port);
  auto body = request_body(kSonnet, "\"max_tokens\":20");
  EXPECT_EQ(raw_request(port, "POST", "/v1/messages", api_headers(), body).status, 200);
  EXPECT_EQ(raw_request(port, "POST", "/v1/messages", bearer_headers(), body).status, 200);
  auto none = raw_request(port, "POST", "/v1/messages", without(api_headers(), "x-api-key"), body);
  EXPECT_EQ(none.status, 401);  // not documented: official 401
  EXPECT_EQ(parse_json(none.body)["error"]["type"], "authentication_error");
}

TEST(DialectUmodelverse, ModelsServedCountTokensAndBatchesAbsent) {  // items 2, 4, 5
  int port = 0;
  auto sim = start_dialect("umodelverse", port);
  auto models = raw_request(port, "GET", "/v1/models", api_headers(), "");
  EXPECT_EQ(models.status, 200);
  EXPECT_TRUE(parse_json(models.body).HasMember("has_more"));
  auto count = raw_request(port, "POST", "/v1/messages/count_tokens", api_headers(),
                           request_body(kSonnet));
  EXPECT_EQ(count.status, 404);
  EXPECT_EQ(parse_json(count.body)["error"]["type"], "not_found_error");
  EXPECT_EQ(raw_request(port, "GET", "/v1/messages/batches", api_headers(), "").status, 404);
  // Everything else is the reference: anthropic-version is still required.
  auto body = request_body(kSonnet, "\"max_tokens\":20");
  EXPECT_EQ(raw_request(port, "POST", "/v1/messages", without(api_headers(), "anthropic-version"), body).status, 400);
}

// ---------------------------------------------------------------- envelope-api
TEST(DialectEnvelopeApi, ApiPrefixAndBearerOnly) {  // items 2, 3, 10
  int port = 0;
  auto sim = start_dialect("envelope-api", port);
  auto body = request_body("claude-3-opus-20240229", "\"max_tokens\":20");
  EXPECT_EQ(raw_request(port, "POST", "/api/v1/messages", bearer_headers(), body).status, 200);
  EXPECT_EQ(raw_request(port, "POST", "/v1/messages", bearer_headers(), body).status, 404);
  EXPECT_EQ(raw_request(port, "GET", "/api/v1/models", bearer_headers(), "").status, 404);
  EXPECT_EQ(raw_request(port, "POST", "/api/v1/messages/count_tokens", bearer_headers(), body).status, 404);
  auto key_only = raw_request(port, "POST", "/api/v1/messages", api_headers(), body);
  EXPECT_EQ(key_only.status, 401);
}

TEST(DialectEnvelopeApi, SuccessEnvelopeWithOpenAiShapedData) {  // items 6, 7 (lines 64-83)
  int port = 0;
  auto sim = start_dialect("envelope-api", port);
  auto r = raw_request(port, "POST", "/api/v1/messages", bearer_headers(),
                       request_body("claude-3-opus-20240229", "\"max_tokens\":20", "Hello gateway"));
  ASSERT_EQ(r.status, 200) << r.body;
  auto doc = parse_json(r.body);
  EXPECT_EQ(doc["success"], true);
  EXPECT_EQ(doc["code"], "200");
  EXPECT_EQ(doc["message"], "successful");
  EXPECT_FALSE(doc.HasMember("type"));
  EXPECT_FALSE(doc.HasMember("content"));
  const auto& data = doc["data"];
  EXPECT_EQ(std::string(data["id"].GetString()).rfind("msg_", 0), 0u);
  EXPECT_EQ(data["model"], "claude-3-opus-20240229");
  EXPECT_EQ(data["choices"][0]["index"], 0);
  EXPECT_EQ(data["choices"][0]["message"]["role"], "assistant");
  EXPECT_EQ(data["choices"][0]["message"]["content"], "You said: Hello gateway");
  EXPECT_FALSE(data.HasMember("usage"));
  EXPECT_FALSE(data.HasMember("stop_reason"));
}

TEST(DialectEnvelopeApi, ErrorsInTheSameEnvelope) {  // item 9 (reading)
  int port = 0;
  auto sim = start_dialect("envelope-api", port);
  auto missing = raw_request(port, "POST", "/api/v1/messages", bearer_headers(),
                             R"({"model":"claude-3-opus-20240229","messages":[]})");
  EXPECT_EQ(missing.status, 400);
  auto doc = parse_json(missing.body);
  EXPECT_EQ(doc["success"], false);
  EXPECT_EQ(doc["code"], "400");
  EXPECT_TRUE(doc["message"].IsString());
  EXPECT_FALSE(doc.HasMember("type"));
  EXPECT_FALSE(doc.HasMember("error"));
  auto unauthorised = raw_request(port, "POST", "/api/v1/messages",
                                  without(bearer_headers(), "authorization"), "{}");
  EXPECT_EQ(unauthorised.status, 401);
  EXPECT_EQ(parse_json(unauthorised.body)["code"], "401");
}

TEST(DialectEnvelopeApi, NoVersionHeaderNeeded) {  // item 4 (lines 10-17, 50-52)
  int port = 0;
  auto sim = start_dialect("envelope-api", port);
  auto body = request_body("claude-3-opus-20240229", "\"max_tokens\":20");
  EXPECT_EQ(raw_request(port, "POST", "/api/v1/messages", without(bearer_headers(), "anthropic-version"), body).status, 200);
  auto odd = with(without(bearer_headers(), "anthropic-version"), "anthropic-version", "1999-01-01");
  EXPECT_EQ(raw_request(port, "POST", "/api/v1/messages", with(odd, "anthropic-beta", "not a beta"), body).status, 200);
}

TEST(DialectEnvelopeApi, StreamIsDataOnlyChunksEndingWithDone) {  // item 8 (lines 84-87)
  int port = 0;
  auto sim = start_dialect("envelope-api", port);
  auto r = raw_request(port, "POST", "/api/v1/messages", bearer_headers(),
                       request_body("claude-3-opus-20240229", "\"max_tokens\":20,\"stream\":true",
                                    "one two three four"));
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(r.header("content-type").rfind("text/event-stream", 0), 0u);
  auto events = parse_sse(r.body);
  ASSERT_GE(events.size(), 2u);
  EXPECT_EQ(events.back().data, "[DONE]");
  std::string text;
  for (std::size_t i = 0; i + 1 < events.size(); ++i) {
    EXPECT_TRUE(events[i].name.empty());
    auto chunk = parse_json(events[i].data);
    EXPECT_EQ(chunk["object"], "chat.completion.chunk");
    EXPECT_EQ(chunk.MemberCount(), 3u);  // id, object, choices: nothing else documented
    EXPECT_FALSE(chunk["choices"][0].HasMember("finish_reason"));
    text += chunk["choices"][0]["delta"]["content"].GetString();
  }
  EXPECT_EQ(text, "You said: one two three four");
}

// ---------------------------------------------------------------- aimlapi
TEST(DialectAimlapi, MessagesAtSlashMessagesAnswered201WithBearer) {  // items 2, 3, 5
  int port = 0;
  auto sim = start_dialect("aimlapi", port);
  auto body = request_body(kSonnet, "\"max_tokens\":20");
  auto r = raw_request(port, "POST", "/messages", bearer_headers(), body);
  EXPECT_EQ(r.status, 201);
  EXPECT_EQ(parse_json(r.body)["type"], "message");  // body: the official Message (reading)
  EXPECT_EQ(raw_request(port, "POST", "/v1/messages", bearer_headers(), body).status, 404);
  EXPECT_EQ(raw_request(port, "POST", "/messages", api_headers(), body).status, 401);
  auto stream = raw_request(port, "POST", "/messages", bearer_headers(),
                            request_body(kSonnet, "\"max_tokens\":20,\"stream\":true"));
  EXPECT_EQ(stream.status, 201);
  auto events = parse_sse(stream.body);
  ASSERT_FALSE(events.empty());
  EXPECT_EQ(events.front().name, "message_start");  // format not described: official
  EXPECT_EQ(events.back().name, "message_stop");
}

TEST(DialectAimlapi, MaxTokensOptionalDefault1024AndANumber) {  // item 6 (lines 31-35)
  int port = 0;
  auto sim = start_dialect("aimlapi", port);
  std::string long_text;
  for (int i = 0; i < 1100; ++i) long_text += "w ";
  auto r = raw_request(port, "POST", "/messages", bearer_headers(), request_body(kSonnet, "", long_text));
  ASSERT_EQ(r.status, 201) << r.body;
  auto doc = parse_json(r.body);
  EXPECT_EQ(doc["stop_reason"], "max_tokens");
  EXPECT_EQ(doc["usage"]["output_tokens"], 1024);
  EXPECT_EQ(raw_request(port, "POST", "/messages", bearer_headers(), request_body(kSonnet, "\"max_tokens\":20.5")).status, 201);
  EXPECT_EQ(raw_request(port, "POST", "/messages", bearer_headers(), request_body(kSonnet, "\"max_tokens\":0")).status, 400);
}

TEST(DialectAimlapi, SystemIsAStringOnly) {  // item 7 (line 45)
  int port = 0;
  auto sim = start_dialect("aimlapi", port);
  EXPECT_EQ(raw_request(port, "POST", "/messages", bearer_headers(),
                        request_body(kSonnet, "\"max_tokens\":20,\"system\":\"Be brief.\"")).status, 201);
  auto blocks = raw_request(port, "POST", "/messages", bearer_headers(),
                            request_body(kSonnet, R"("max_tokens":20,"system":[{"type":"text","text":"Be brief."}])"));
  EXPECT_EQ(blocks.status, 400);
  EXPECT_EQ(parse_json(blocks.body)["error"]["message"], "system: Input should be a valid string");
}

TEST(DialectAimlapi, ToolChoiceTakesTheOpenAiFormsOnly) {  // item 8 (line 56)
  int port = 0;
  auto sim = start_dialect("aimlapi", port);
  auto ask = [&](const std::string& choice) {
    return raw_request(port, "POST", "/messages", bearer_headers(),
                       request_body(kSonnet, "\"max_tokens\":50," + kTool + ",\"tool_choice\":" + choice));
  };
  auto required = ask("\"required\"");
  ASSERT_EQ(required.status, 201) << required.body;
  EXPECT_EQ(parse_json(required.body)["stop_reason"], "tool_use");
  auto named = ask(R"({"type":"function","function":{"name":"get_weather"}})");
  ASSERT_EQ(named.status, 201) << named.body;
  EXPECT_EQ(parse_json(named.body)["content"][0]["name"], "get_weather");
  auto none = ask("\"none\"");
  ASSERT_EQ(none.status, 201);
  EXPECT_EQ(parse_json(none.body)["stop_reason"], "end_turn");
  EXPECT_EQ(ask("\"auto\"").status, 201);
  for (const char* official : {R"({"type":"auto"})", R"({"type":"any"})", R"({"type":"none"})",
                               R"({"type":"tool","name":"get_weather"})"}) {
    EXPECT_EQ(ask(official).status, 400) << official;
  }
}

TEST(DialectAimlapi, ImagesBase64Only) {  // item 9 (line 94)
  int port = 0;
  auto sim = start_dialect("aimlapi", port);
  EXPECT_EQ(raw_request(port, "POST", "/messages", bearer_headers(), image_body(kSonnet, kPng)).status, 201);
  auto url = raw_request(port, "POST", "/messages", bearer_headers(), image_body(kSonnet, kUrlImage));
  EXPECT_EQ(url.status, 400);
  EXPECT_NE(parse_json(url.body)["error"]["message"].GetString() + std::string(),
            "");
}

TEST(DialectAimlapi, BatchesAtV1BatchesAndCancelBeforeTheId) {  // item 10 (line 5)
  int port = 0;
  auto sim = start_dialect("aimlapi", port);
  auto created = raw_request(port, "POST", "/v1/batches", bearer_headers(),
                             R"({"requests":[{"custom_id":"a","params":{"model":"claude-sonnet-4-5","max_tokens":10,"messages":[{"role":"user","content":"hi"}]}}]})");
  ASSERT_EQ(created.status, 200) << created.body;
  std::string id = parse_json(created.body)["id"].GetString();
  auto cancel = raw_request(port, "POST", "/v1/batches/cancel/" + id, bearer_headers(), "");
  EXPECT_EQ(cancel.status, 200) << cancel.body;
  EXPECT_EQ(parse_json(cancel.body)["processing_status"], "canceling");
  EXPECT_EQ(raw_request(port, "POST", "/v1/messages/batches", bearer_headers(), "{}").status, 404);
  EXPECT_EQ(raw_request(port, "GET", "/v1/batches/" + id, bearer_headers(), "").status, 404);
}

TEST(DialectAimlapi, NoCountTokensNoModelsNoVersionCheck) {  // items 4, 11
  int port = 0;
  auto sim = start_dialect("aimlapi", port);
  EXPECT_EQ(raw_request(port, "GET", "/v1/models", bearer_headers(), "").status, 404);
  EXPECT_EQ(raw_request(port, "POST", "/v1/messages/count_tokens", bearer_headers(), request_body(kSonnet)).status, 404);
  auto body = request_body(kSonnet, "\"max_tokens\":20");
  EXPECT_EQ(raw_request(port, "POST", "/messages", without(bearer_headers(), "anthropic-version"), body).status, 201);
  // temperature keeps the official 0-1 range (line 51).
  EXPECT_EQ(raw_request(port, "POST", "/messages", bearer_headers(), request_body(kSonnet, "\"temperature\":1.5")).status, 400);
}

// ---------------------------------------------------------------- serevix
HeaderList serevix_headers() { return with(api_headers(), "accept", "application/json"); }

TEST(DialectSerevix, AcceptRequiredVersionNotRead) {  // items 1, 2 (lines 21-24)
  int port = 0;
  auto sim = start_dialect("serevix", port);
  auto body = request_body("claude-haiku-4-5-20251001", "\"max_tokens\":20");
  EXPECT_EQ(raw_request(port, "POST", "/v1/messages", serevix_headers(), body).status, 200);
  auto no_accept = raw_request(port, "POST", "/v1/messages", api_headers(), body);
  EXPECT_EQ(no_accept.status, 400);
  EXPECT_EQ(parse_json(no_accept.body)["error"]["message"], "accept: header is required");
  EXPECT_EQ(raw_request(port, "POST", "/v1/messages", without(serevix_headers(), "anthropic-version"), body).status, 200);
  EXPECT_EQ(raw_request(port, "POST", "/v1/messages", with(serevix_headers(), "anthropic-beta", "nonsense"), body).status, 200);
  EXPECT_EQ(raw_request(port, "POST", "/v1/messages", without(serevix_headers(), "x-api-key"), body).status, 401);
}

TEST(DialectSerevix, RelaxedRequestFields) {  // items 3, 4, 5 (lines 31-37)
  int port = 0;
  auto sim = start_dialect("serevix", port);
  const std::string model = "claude-haiku-4-5-20251001";
  auto post = [&](const std::string& body) {
    return raw_request(port, "POST", "/v1/messages", serevix_headers(), body);
  };
  EXPECT_EQ(post(request_body(model)).status, 200);                               // no max_tokens
  // The default (8192) is capped by a smaller model's maximum (Haiku 3: 4096).
  EXPECT_EQ(post(request_body("claude-3-haiku-20240307")).status, 200);
  EXPECT_EQ(post(request_body(model, "\"max_tokens\":20,\"temperature\":1.5")).status, 200);
  EXPECT_EQ(post(request_body(model, "\"max_tokens\":20,\"temperature\":2")).status, 200);
  auto hot = post(request_body(model, "\"max_tokens\":20,\"temperature\":2.5"));
  EXPECT_EQ(hot.status, 400);
  EXPECT_EQ(parse_json(hot.body)["error"]["message"], "temperature: Input should be less than or equal to 2");
  EXPECT_EQ(post(request_body(model, "\"max_tokens\":20,\"temperature\":-0.1")).status, 400);
  EXPECT_EQ(post(request_body(model, "\"max_tokens\":20,\"top_p\":1.5")).status, 400);  // top_p 0-1 (line 35)
  auto no_role = post("{\"model\":\"" + model + "\",\"max_tokens\":20,\"messages\":[{\"content\":\"hi\"}]}");
  EXPECT_EQ(no_role.status, 200) << no_role.body;
  EXPECT_EQ(post("{\"model\":\"" + model + "\",\"max_tokens\":20,\"messages\":[{\"role\":\"system\",\"content\":\"hi\"}]}").status, 400);
  EXPECT_EQ(post("{\"model\":\"" + model + "\",\"max_tokens\":20,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"},{\"role\":\"assistant\"},{\"role\":\"user\",\"content\":\"again\"}]}").status, 200);
}

TEST(DialectSerevix, ReportsTheExampleModelAndABedrockId) {  // item 7 (lines 49, 173-174)
  int port = 0;
  auto sim = start_dialect("serevix", port);
  auto r = raw_request(port, "POST", "/v1/messages", serevix_headers(),
                       request_body("claude-haiku-4-5-20251001", "\"max_tokens\":20"));
  ASSERT_EQ(r.status, 200);
  auto doc = parse_json(r.body);
  EXPECT_EQ(doc["model"], "claude-3-5-haiku-20241022");
  EXPECT_EQ(std::string(doc["id"].GetString()).rfind("msg_bdrk_", 0), 0u);
  EXPECT_TRUE(doc.HasMember("stop_sequence"));
  EXPECT_TRUE(doc["usage"].HasMember("cache_read_input_tokens"));  // lines 183-188
  auto other = parse_json(raw_request(port, "POST", "/v1/messages", serevix_headers(),
                                      request_body(kSonnet, "\"max_tokens\":20")).body);
  EXPECT_EQ(other["model"], kSonnet);
}

TEST(DialectSerevix, ChatGptStyleStream) {  // item 6 (line 36)
  int port = 0;
  auto sim = start_dialect("serevix", port);
  auto r = raw_request(port, "POST", "/v1/messages", serevix_headers(),
                       request_body("claude-haiku-4-5-20251001", "\"max_tokens\":20,\"stream\":true"));
  ASSERT_EQ(r.status, 200);
  auto events = parse_sse(r.body);
  ASSERT_GE(events.size(), 3u);
  EXPECT_EQ(events.back().data, "[DONE]");
  for (const auto& event : events) EXPECT_TRUE(event.name.empty());
  auto last = parse_json(events[events.size() - 2].data);
  EXPECT_EQ(last["object"], "chat.completion.chunk");
  EXPECT_EQ(last["choices"][0]["finish_reason"], "stop");
}

TEST(DialectSerevix, NoCountTokensModelsOrBatches) {  // items 8-10
  int port = 0;
  auto sim = start_dialect("serevix", port);
  EXPECT_EQ(raw_request(port, "GET", "/v1/models", serevix_headers(), "").status, 404);
  EXPECT_EQ(raw_request(port, "POST", "/v1/messages/count_tokens", serevix_headers(), "{}").status, 404);
  EXPECT_EQ(raw_request(port, "GET", "/v1/messages/batches", serevix_headers(), "").status, 404);
}

// ---------------------------------------------------------------- generic-bearer
TEST(DialectGenericBearer, BearerOnlyVersionOptional) {  // items 2, 3 (lines 16-33)
  int port = 0;
  auto sim = start_dialect("generic-bearer", port);
  auto body = request_body("claude-3-5-sonnet-20240620", "\"max_tokens\":20");
  EXPECT_EQ(raw_request(port, "POST", "/v1/messages", bearer_headers(), body).status, 200);
  EXPECT_EQ(raw_request(port, "POST", "/v1/messages", api_headers(), body).status, 401);
  EXPECT_EQ(raw_request(port, "POST", "/v1/messages", without(bearer_headers(), "anthropic-version"), body).status, 200);
  auto unknown = with(without(bearer_headers(), "anthropic-version"), "anthropic-version", "1999-01-01");
  EXPECT_EQ(raw_request(port, "POST", "/v1/messages", unknown, body).status, 400);  // official assumed
}

TEST(DialectGenericBearer, MessageHasNoStopSequence) {  // item 4 (lines 114-130)
  int port = 0;
  auto sim = start_dialect("generic-bearer", port);
  auto r = raw_request(port, "POST", "/v1/messages", bearer_headers(),
                       request_body("claude-3-5-sonnet-20240620", "\"max_tokens\":20,\"stop_sequences\":[\"there\"]"));
  ASSERT_EQ(r.status, 200) << r.body;
  auto doc = parse_json(r.body);
  EXPECT_EQ(doc["stop_reason"], "stop_sequence");
  EXPECT_FALSE(doc.HasMember("stop_sequence"));
  EXPECT_EQ(doc["model"], "claude-3-5-sonnet-20240620");
  for (const char* field : {"id", "type", "role", "content", "model", "stop_reason", "usage"}) {
    EXPECT_TRUE(doc.HasMember(field)) << field;
  }
  // The stream is not documented: official, message_start keeps stop_sequence.
  auto stream = raw_request(port, "POST", "/v1/messages", bearer_headers(),
                            request_body("claude-3-5-sonnet-20240620", "\"max_tokens\":20,\"stream\":true"));
  auto events = parse_sse(stream.body);
  ASSERT_FALSE(events.empty());
  EXPECT_EQ(events.front().name, "message_start");
  EXPECT_TRUE(parse_json(events.front().data)["message"].HasMember("stop_sequence"));
}

TEST(DialectGenericBearer, OnlyMessagesIsServed) {  // items 5-7
  int port = 0;
  auto sim = start_dialect("generic-bearer", port);
  EXPECT_EQ(raw_request(port, "GET", "/v1/models", bearer_headers(), "").status, 404);
  EXPECT_EQ(raw_request(port, "POST", "/v1/messages/count_tokens", bearer_headers(), "{}").status, 404);
  EXPECT_EQ(raw_request(port, "POST", "/v1/messages/batches", bearer_headers(), "{}").status, 404);
}

}  // namespace
}  // namespace ac::sim::test
