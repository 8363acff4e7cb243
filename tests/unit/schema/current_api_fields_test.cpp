// The schemas are generated from the newest spec (2026-07-28): fields the API sends today are
// known to the strict twins, so a conformant reply draws no unknown-field warning for them.
#include <filesystem>
#include <string>

#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include "schema/registry.hpp"

#include "support/run_binary.hpp"

namespace ac {
namespace {

std::string repo_schemas() {
  return (std::filesystem::path(test::source_dir()) / "schemas").string();
}

class CurrentApiFields : public ::testing::Test {
 protected:
  void SetUp() override {
    Diagnostics diags;
    registry_ = SchemaRegistry::load(repo_schemas(), diags);
    ASSERT_TRUE(registry_) << "schemas under " << repo_schemas();
  }
  std::size_t errors(const std::string& ref, const char* json) {
    rapidjson::Document doc;
    doc.Parse(json);
    EXPECT_FALSE(doc.HasParseError()) << json;
    return registry_->validate(ref, doc).size();
  }
  std::unique_ptr<SchemaRegistry> registry_;
};

const char* kCurrentReply =
    R"({"id":"msg_01","type":"message","role":"assistant","model":"claude-sonnet-4-5-20250929",)"
    R"("content":[{"type":"text","text":"Hi"}],"stop_reason":"end_turn","stop_sequence":null,"stop_details":null,)"
    R"("container":null,"usage":{"input_tokens":20,"cache_creation_input_tokens":0,"cache_read_input_tokens":0,)"
    R"("cache_creation":{"ephemeral_5m_input_tokens":0,"ephemeral_1h_input_tokens":0},"output_tokens":5,)"
    R"("output_tokens_details":{"thinking_tokens":0},"service_tier":"standard","inference_geo":"not_available"}})";

TEST_F(CurrentApiFields, ACurrentReplyIsKnownToTheStrictSchema) {
  EXPECT_EQ(errors("anthropic/message.json", kCurrentReply), 0u);
  EXPECT_EQ(errors("anthropic/strict/message.json", kCurrentReply), 0u);
}

TEST_F(CurrentApiFields, ARefusalsStopDetailsIsKnown) {
  std::string refusal = kCurrentReply;
  refusal.replace(refusal.find(R"("stop_reason":"end_turn")"), 24, R"("stop_reason":"refusal")");
  refusal.replace(refusal.find(R"("stop_details":null)"), 19,
                  R"("stop_details":{"type":"refusal","category":"cyber","explanation":null})");
  EXPECT_EQ(errors("anthropic/strict/message.json", refusal.c_str()), 0u);
}

TEST_F(CurrentApiFields, TheRealMessageStartWithInferenceGeoIsKnown) {
  // shared/reference/sse-samples/03-real-minimal-text.sse, first event.
  EXPECT_EQ(errors("anthropic/strict/events/message_start.json",
                   R"({"type":"message_start","message":{"model":"claude-sonnet-4-5-20250929",)"
                   R"("id":"msg_018E1hg8GoVTGEKQY3ovMcSJ","type":"message","role":"assistant","content":[],)"
                   R"("stop_reason":null,"stop_sequence":null,"usage":{"input_tokens":20,)"
                   R"("cache_creation_input_tokens":0,"cache_read_input_tokens":0,"cache_creation":)"
                   R"({"ephemeral_5m_input_tokens":0,"ephemeral_1h_input_tokens":0},"output_tokens":1,)"
                   R"("service_tier":"standard","inference_geo":"not_available"}}})"),
            0u);
}

TEST_F(CurrentApiFields, AFieldNoSpecKnowsStillDrawsTheWarning) {
  std::string unknown = kCurrentReply;
  unknown.insert(1, R"("x_gateway_trace":"abc",)");
  EXPECT_EQ(errors("anthropic/message.json", unknown.c_str()), 0u);
  EXPECT_GT(errors("anthropic/strict/message.json", unknown.c_str()), 0u);
}

}  // namespace
}  // namespace ac
