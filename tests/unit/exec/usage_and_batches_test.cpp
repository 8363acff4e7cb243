// Token counts from replies' usage, and which batches a run created and must cancel.
#include <gtest/gtest.h>

#include "exec/created_batches.hpp"
#include "exec/usage.hpp"

namespace ac {
namespace {

TEST(Usage, InputCountsCacheWritesAndReadsOutputIsOutput) {
  TokenUsage u = usage_of_body(
      R"({"type":"message","usage":{"input_tokens":10,"cache_creation_input_tokens":5,"cache_read_input_tokens":2,"output_tokens":7}})");
  EXPECT_EQ(u.input, 17);
  EXPECT_EQ(u.output, 7);
}

TEST(Usage, RepliesWithoutUsageSpendNothing) {
  for (const char* body : {R"({"type":"error","error":{"type":"not_found_error"}})", R"({"input_tokens":42})", "not json",
                           R"({"usage":"many"})", R"({"usage":{"input_tokens":-5,"output_tokens":"3"}})"}) {
    TokenUsage u = usage_of_body(body);
    EXPECT_EQ(u.input, 0) << body;
    EXPECT_EQ(u.output, 0) << body;
  }
}

Target target() {
  Target t;
  t.provider.name = "gw";
  t.provider.paths = {{"batches", "/v1/messages/batches"}};
  t.base_url = "http://gw.example/";
  return t;
}

const char* kInProgress = R"({"id":"msgbatch_1","type":"message_batch","processing_status":"in_progress"})";

TEST(CreatedBatches, ACreatedBatchIsRecordedOnce) {
  Target t = target();
  CreatedBatches created;
  created.observe(t, "POST", "http://gw.example/v1/messages/batches", 200, kInProgress);
  created.observe(t, "GET", "http://gw.example/v1/messages/batches/msgbatch_1", 200, kInProgress);
  ASSERT_EQ(created.batches().size(), 1u);
  EXPECT_EQ(created.batches()[0].id, "msgbatch_1");
  EXPECT_FALSE(created.batches()[0].done);
}

TEST(CreatedBatches, ABatchThatEndedOrIsCancelingNeedsNoCleanUp) {
  Target t = target();
  CreatedBatches created;
  created.observe(t, "POST", "http://gw.example/v1/messages/batches", 200, kInProgress);
  created.observe(t, "POST", "http://gw.example/v1/messages/batches/msgbatch_1/cancel", 200,
                  R"({"id":"msgbatch_1","type":"message_batch","processing_status":"canceling"})");
  ASSERT_EQ(created.batches().size(), 1u);
  EXPECT_TRUE(created.batches()[0].done);
  created.observe(t, "POST", "http://gw.example/v1/messages/batches", 200,
                  R"({"id":"msgbatch_2","type":"message_batch","processing_status":"ended"})");
  ASSERT_EQ(created.batches().size(), 2u);
  EXPECT_TRUE(created.batches()[1].done);
}

TEST(CreatedBatches, OnlyASuccessfulCreateCounts) {
  Target t = target();
  CreatedBatches created;
  created.observe(t, "POST", "http://gw.example/v1/messages/batches", 400, kInProgress);
  created.observe(t, "GET", "http://gw.example/v1/messages/batches", 200, kInProgress);  // a list, not a create
  created.observe(t, "POST", "http://gw.example/v1/messages", 200, kInProgress);
  created.observe(t, "POST", "http://gw.example/v1/messages/batches", 200, R"({"id":"x","type":"message"})");
  EXPECT_TRUE(created.batches().empty());
}

}  // namespace
}  // namespace ac
