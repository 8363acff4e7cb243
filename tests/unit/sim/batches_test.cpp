#include <chrono>
#include <sstream>
#include <thread>

#include "sim_fixture.hpp"

namespace ac::sim::test {
namespace {

const std::string kTwoRequests = R"({"requests":[
  {"custom_id":"ok-1","params":{"model":"claude-sonnet-4-5","max_tokens":20,"messages":[{"role":"user","content":"Say hello"}]}},
  {"custom_id":"bad-2","params":{"model":"claude-nope","max_tokens":20,"messages":[{"role":"user","content":"x"}]}}]})";

class SimBatches : public SimTest {
 protected:
  static rapidjson::Document create(const std::string& body, const std::string& batch_ms) {
    HeaderList headers = api_headers();
    headers.emplace_back("x-sim-batch-ms", batch_ms);
    auto r = post("/v1/messages/batches", body, headers);
    EXPECT_EQ(r.status, 200) << r.body;
    return parse_json(r.body);
  }
};

TEST_F(SimBatches, NewBatchIsInProgressThenEndsWithResults) {
  auto created = create(kTwoRequests, "150");
  EXPECT_STREQ(created["type"].GetString(), "message_batch");
  EXPECT_EQ(std::string(created["id"].GetString()).rfind("msgbatch_", 0), 0u);
  EXPECT_STREQ(created["processing_status"].GetString(), "in_progress");
  EXPECT_EQ(created["request_counts"]["processing"].GetInt(), 2);
  EXPECT_EQ(created["request_counts"]["succeeded"].GetInt(), 0);
  EXPECT_TRUE(created["ended_at"].IsNull());
  EXPECT_TRUE(created["results_url"].IsNull());
  const std::string id = created["id"].GetString();
  auto early = get("/v1/messages/batches/" + id + "/results");
  EXPECT_EQ(early.status, 400);
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  auto ended = parse_json(get("/v1/messages/batches/" + id).body);
  EXPECT_STREQ(ended["processing_status"].GetString(), "ended");
  EXPECT_EQ(ended["request_counts"]["succeeded"].GetInt(), 1);
  EXPECT_EQ(ended["request_counts"]["errored"].GetInt(), 1);
  EXPECT_TRUE(ended["results_url"].IsString());
  auto results = get("/v1/messages/batches/" + id + "/results");
  ASSERT_EQ(results.status, 200);
  EXPECT_EQ(results.header("content-type"), "application/x-jsonl");
  std::istringstream lines(results.body);
  std::string line;
  std::vector<std::string> kinds;
  while (std::getline(lines, line)) {
    auto doc = parse_json(line);
    ASSERT_TRUE(doc.IsObject()) << line;
    kinds.push_back(std::string(doc["custom_id"].GetString()) + ":" + doc["result"]["type"].GetString());
    if (std::string(doc["result"]["type"].GetString()) == "succeeded") {
      EXPECT_STREQ(doc["result"]["message"]["content"][0]["text"].GetString(), "You said: Say hello");
    } else {
      EXPECT_STREQ(doc["result"]["error"]["error"]["type"].GetString(), "not_found_error");
    }
  }
  EXPECT_EQ(kinds, (std::vector<std::string>{"ok-1:succeeded", "bad-2:errored"}));
  auto deleted = http_delete(id);
  EXPECT_EQ(deleted.status, 200);
  EXPECT_EQ(get("/v1/messages/batches/" + id).status, 404);
}

TEST_F(SimBatches, CancelMakesEveryRequestCanceled) {
  auto created = create(kTwoRequests, "60000");
  const std::string id = created["id"].GetString();
  EXPECT_EQ(http_delete(id).status, 400);  // in progress: cancel first
  auto canceling = post("/v1/messages/batches/" + id + "/cancel", "");
  ASSERT_EQ(canceling.status, 200) << canceling.body;
  EXPECT_STREQ(parse_json(canceling.body)["processing_status"].GetString(), "canceling");
  auto ended = parse_json(get("/v1/messages/batches/" + id).body);
  EXPECT_STREQ(ended["processing_status"].GetString(), "ended");
  EXPECT_EQ(ended["request_counts"]["canceled"].GetInt(), 2);
  EXPECT_TRUE(ended["cancel_initiated_at"].IsString());
  EXPECT_NE(get("/v1/messages/batches/" + id + "/results").body.find("\"canceled\""), std::string::npos);
}

TEST_F(SimBatches, ListIsNewestFirstAndPaginates) {
  auto a = create(kTwoRequests, "0");
  auto b = create(kTwoRequests, "0");
  auto page = parse_json(get("/v1/messages/batches?limit=1").body);
  ASSERT_EQ(page["data"].Size(), 1u);
  EXPECT_STREQ(page["data"][0]["id"].GetString(), b["id"].GetString());
  EXPECT_TRUE(page["has_more"].GetBool());
  auto next = parse_json(get(std::string("/v1/messages/batches?limit=1&after_id=") + b["id"].GetString()).body);
  EXPECT_STREQ(next["data"][0]["id"].GetString(), a["id"].GetString());
}

TEST_F(SimBatches, InvalidBatchesAre400AndUnknownIds404) {
  EXPECT_EQ(post("/v1/messages/batches", R"({"requests":[]})").status, 400);
  auto bad_id = post("/v1/messages/batches", R"({"requests":[{"custom_id":"not ok!","params":{}}]})");
  EXPECT_EQ(bad_id.status, 400);
  EXPECT_NE(bad_id.body.find("requests.0.custom_id"), std::string::npos);
  auto duplicate = post("/v1/messages/batches", R"({"requests":[{"custom_id":"a","params":{}},{"custom_id":"a","params":{}}]})");
  EXPECT_EQ(duplicate.status, 400);
  const std::string missing = "/v1/messages/batches/msgbatch_01NoSuchBatch";
  EXPECT_EQ(get(missing).status, 404);
  EXPECT_EQ(get(missing + "/results").status, 404);
  EXPECT_EQ(post(missing + "/cancel", "").status, 404);
  EXPECT_EQ(http_delete("msgbatch_01NoSuchBatch").status, 404);
}

}  // namespace
}  // namespace ac::sim::test
