#include "exec/result_redaction.hpp"

#include <gtest/gtest.h>

namespace ac {
namespace {

const std::string kKey = "sk-ant-api03-Zq8vR2mX4nB7cT1yW6pL9sK3dF5gH0jQ-uE_aI8oP2rS4tV6wY1zA3bC5dE7fG9hJ0kLmNoAA";

std::string delta(const std::string& text) {
  return R"({"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":")" + text + R"("}})";
}

TEST(ResultRedaction, ASecretSplitAcrossEventsLosesEvenItsShortHalf) {
  Redactor r;
  r.add_secret(kKey);
  for (std::size_t cut : {1u, 5u, 11u, 50u, 75u, 85u}) {
    Exchange x;
    x.events = {{"content_block_delta", delta("padding " + kKey.substr(0, cut)), 1},
                {"ping", R"({"type":"ping"})", 2},
                {"content_block_delta", delta(kKey.substr(cut) + " tail"), 3}};
    redact_response(x, r);
    EXPECT_EQ(x.events[0].data, delta("padding [REDACTED]")) << cut;
    EXPECT_EQ(x.events[2].data, delta("[REDACTED] tail")) << cut;
  }
}

TEST(ResultRedaction, OrdinaryTextAcrossEventsIsLeftAlone) {
  Redactor r;
  r.add_secret(kKey);
  Exchange x;
  x.events = {{"content_block_delta", delta("sk-ant-"), 1}, {"content_block_delta", delta("api is a prefix"), 2}};
  const auto before = x.events;
  redact_response(x, r);
  EXPECT_EQ(x.events[0].data, before[0].data);
  EXPECT_EQ(x.events[1].data, before[1].data);
}

TEST(ResultRedaction, EveryFindingFieldAndStepIsRedacted) {
  Redactor r;
  r.add_secret(kKey);
  Result result;
  Finding f("json", "/" + kKey, "x", kKey, "expected \"assistant\", got \"" + kKey.substr(0, 40) + "\xE2\x80\xA6",
            Severity::Breaking);
  f.code = "json.equals:/" + kKey;
  result.findings.push_back(f);
  result.reason = "error: " + kKey;
  result.exchange.steps.push_back(StepRecord{"step 2", "GET /v1/x/" + kKey, "curl " + kKey, 200, 1, ""});
  redact_result(result, r);
  const Finding& g = result.findings[0];
  for (const std::string* text : std::initializer_list<const std::string*>{&g.pointer, &g.actual, &g.message, &g.code, &result.reason,
                                  &result.exchange.steps[0].request, &result.exchange.steps[0].curl})
    EXPECT_EQ(text->find("Zq8vR2mX4nB7"), std::string::npos) << *text;
}

}  // namespace
}  // namespace ac
