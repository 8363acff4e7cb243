// The preflight's diagnosis of each setup failure, from the replies alone.
#include <gtest/gtest.h>

#include "exec/preflight.hpp"

namespace ac {
namespace {

ProbeReply reply(int status, std::string body, std::string url = "https://gw.example/v1/messages") {
  ProbeReply r;
  r.method = "POST";
  r.url = std::move(url);
  r.status = status;
  r.body = std::move(body);
  return r;
}

PreflightProbes probes(ProbeReply message) {
  PreflightProbes p;
  p.provider = "gw";
  p.base_url = "https://gw.example";
  p.model = "claude-sonnet-4-5";
  p.key_env = "GW_KEY";
  p.message = std::move(message);
  return p;
}

std::string diagnosis(const PreflightProbes& p) {
  PreflightOutcome o = diagnose_preflight(p);
  EXPECT_FALSE(o.ok);
  return o.diagnosis;
}

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

TEST(PreflightDiagnosis, ASuccessIsNoDiagnosis) {
  PreflightOutcome o = diagnose_preflight(probes(reply(200, R"({"type":"message"})")));
  EXPECT_TRUE(o.ok);
  EXPECT_EQ(o.diagnosis, "");
}

TEST(PreflightDiagnosis, AnUnreachableHostNamesTheUrlAndTheError) {
  PreflightProbes p = probes(reply(0, ""));
  p.message.transport_error = "connection refused (127.0.0.1:9)";
  std::string d = diagnosis(p);
  EXPECT_TRUE(has(d, "unreachable: POST https://gw.example/v1/messages: connection refused")) << d;
  EXPECT_TRUE(has(d, "--base-url")) << d;
  EXPECT_TRUE(has(d, "none of its cases was sent")) << d;
}

TEST(PreflightDiagnosis, TlsFailuresSayWhatToTry) {
  PreflightProbes p = probes(reply(0, ""));
  p.message.transport_error = "TLS failure (127.0.0.1:8443): SSL routines::wrong version number";
  EXPECT_TRUE(has(diagnosis(p), "plain HTTP; use an http:// base URL"));
  p.message.transport_error = "TLS failure (gw.example:443): SSL certificate problem: self-signed certificate";
  EXPECT_TRUE(has(diagnosis(p), "CURL_CA_BUNDLE"));
}

TEST(PreflightDiagnosis, ARefusedKeyQuotesTheErrorAndNamesTheVariable) {
  PreflightProbes p = probes(reply(401, R"({"type":"error","error":{"type":"authentication_error","message":"invalid x-api-key"}})"));
  p.other_auth = reply(401, R"({"error":{"message":"no"}})");
  std::string d = diagnosis(p);
  EXPECT_TRUE(has(d, "key refused")) << d;
  EXPECT_TRUE(has(d, "HTTP 401: authentication_error: invalid x-api-key")) << d;
  EXPECT_TRUE(has(d, "$GW_KEY")) << d;
  EXPECT_TRUE(has(d, "refused too")) << d;
}

TEST(PreflightDiagnosis, TheOtherAuthHeaderAcceptedMeansTheSchemeIsWrong) {
  PreflightProbes p = probes(reply(401, R"({"error":{"type":"authentication_error","message":"Authorization header is required"}})"));
  p.other_auth = reply(200, "{}");
  EXPECT_TRUE(should_try_other_auth(p));
  std::string d = diagnosis(p);
  EXPECT_TRUE(has(d, "wrong auth header")) << d;
  EXPECT_TRUE(has(d, "Try: --auth bearer")) << d;
  p.auth = AuthStyle::Bearer;
  EXPECT_TRUE(has(diagnosis(p), "Try: --auth x-api-key"));
}

TEST(PreflightDiagnosis, AnUnknownModelSuggestsModelAndListsWhatIsServed) {
  PreflightProbes p = probes(reply(404, R"({"type":"error","error":{"type":"not_found_error","message":"model: claude-sonnet-4-5"}})"));
  p.models = reply(200, R"({"data":[{"id":"vendor/claude-a"},{"id":"vendor/claude-b"}],"has_more":false})",
                   "https://gw.example/v1/models");
  std::string d = diagnosis(p);
  EXPECT_TRUE(has(d, "model unknown")) << d;
  EXPECT_TRUE(has(d, "not_found_error: model: claude-sonnet-4-5")) << d;
  EXPECT_TRUE(has(d, "--model NAME")) << d;
  EXPECT_TRUE(has(d, "offers: vendor/claude-a, vendor/claude-b")) << d;
}

TEST(PreflightDiagnosis, AGatewaysFourHundredAboutTheModelIsAnUnknownModel) {
  std::string d = diagnosis(probes(reply(400, R"({"error":{"message":"Invalid model name passed in model=claude-sonnet-4-5"}})")));
  EXPECT_TRUE(has(d, "model unknown")) << d;
}

TEST(PreflightDiagnosis, LiteLlmsNestedMessageIsQuoted) {
  std::string d = diagnosis(probes(reply(
      400, R"({"error":{"message":{"error":"/v1/messages: Invalid model name passed in model=x"},"type":"None","code":"400"}})")));
  EXPECT_TRUE(has(d, "model unknown")) << d;
  EXPECT_TRUE(has(d, "HTTP 400: /v1/messages: Invalid model name passed in model=x")) << d;
}

TEST(PreflightDiagnosis, AnOpaqueNotFoundWithTheModelMissingFromTheListIsTheModel) {
  // The official API sometimes answers an unknown model with only "Not found".
  PreflightProbes p = probes(reply(404, R"({"type":"error","error":{"type":"not_found_error","message":"Not found"}})"));
  p.models = reply(200, R"({"data":[{"id":"claude-opus-4-5"}]})", "https://gw.example/v1/models");
  EXPECT_TRUE(has(diagnosis(p), "model unknown"));
}

TEST(PreflightDiagnosis, ANotFoundElsewhereIsTheWrongPath) {
  PreflightProbes p = probes(reply(404, "<html>Not Found</html>", "https://gw.example/v1/v1/messages"));
  p.base_url = "https://gw.example/v1";
  p.models = reply(404, "<html>Not Found</html>", "https://gw.example/v1/v1/models");
  std::string d = diagnosis(p);
  EXPECT_TRUE(has(d, "wrong path: POST https://gw.example/v1/v1/messages answered HTTP 404")) << d;
  EXPECT_TRUE(has(d, "paths.messages")) << d;
  EXPECT_TRUE(has(d, "try --base-url https://gw.example.")) << d;
}

TEST(PreflightDiagnosis, RateLimitsAndServerErrorsAreSetupFailuresToo) {
  EXPECT_TRUE(has(diagnosis(probes(reply(429, R"({"error":{"type":"rate_limit_error","message":"slow down"}})"))),
                  "rate limited"));
  EXPECT_TRUE(has(diagnosis(probes(reply(529, R"({"error":{"type":"overloaded_error","message":"Overloaded"}})"))),
                  "the endpoint is failing"));
}

TEST(PreflightDiagnosis, AProfileWithoutAModelVariableCannotBePreflighted) {
  PreflightProbes p = probes(reply(0, ""));
  p.prepare_error = "unknown variable `{{model}}` (none are defined)";
  EXPECT_TRUE(has(diagnosis(p), "Try: --model NAME"));
}

}  // namespace
}  // namespace ac
