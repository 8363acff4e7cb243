#include "sim_fixture.hpp"

namespace ac::sim::test {
namespace {

class SimModels : public SimTest {
 protected:
  static rapidjson::Document page(const std::string& query) {
    auto r = get("/v1/models" + query);
    EXPECT_EQ(r.status, 200) << r.body;
    return parse_json(r.body);
  }
};

TEST_F(SimModels, ListHasTheDocumentedShape) {
  auto doc = page("");
  ASSERT_TRUE(doc["data"].IsArray());
  ASSERT_GE(doc["data"].Size(), 5u);
  EXPECT_FALSE(doc["has_more"].GetBool());
  const auto& first = doc["data"][0];
  EXPECT_STREQ(first["type"].GetString(), "model");
  EXPECT_TRUE(first["display_name"].IsString());
  EXPECT_TRUE(first["created_at"].IsString());
  EXPECT_STREQ(doc["first_id"].GetString(), first["id"].GetString());
  EXPECT_STREQ(doc["last_id"].GetString(), doc["data"][doc["data"].Size() - 1]["id"].GetString());
}

TEST_F(SimModels, PaginationWalksForwardAndBack) {
  auto all = page("");
  auto first = page("?limit=2");
  ASSERT_EQ(first["data"].Size(), 2u);
  EXPECT_TRUE(first["has_more"].GetBool());
  auto second = page(std::string("?limit=2&after_id=") + first["last_id"].GetString());
  ASSERT_EQ(second["data"].Size(), 2u);
  EXPECT_STREQ(second["data"][0]["id"].GetString(), all["data"][2]["id"].GetString());
  auto back = page(std::string("?limit=1&before_id=") + second["first_id"].GetString());
  ASSERT_EQ(back["data"].Size(), 1u);
  EXPECT_STREQ(back["data"][0]["id"].GetString(), all["data"][1]["id"].GetString());
  EXPECT_TRUE(back["has_more"].GetBool());
  auto last = page(std::string("?after_id=") + all["last_id"].GetString());
  EXPECT_EQ(last["data"].Size(), 0u);
  EXPECT_TRUE(last["first_id"].IsNull());
  EXPECT_FALSE(last["has_more"].GetBool());
}

TEST_F(SimModels, BadLimitIs400) {
  EXPECT_EQ(get("/v1/models?limit=0").status, 400);
  EXPECT_EQ(get("/v1/models?limit=1001").status, 400);
  EXPECT_EQ(get("/v1/models?limit=abc").status, 400);
}

TEST_F(SimModels, GetByIdAndAlias) {
  auto r = get("/v1/models/claude-sonnet-4-0");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_STREQ(parse_json(r.body)["id"].GetString(), "claude-sonnet-4-20250514");
  auto missing = get("/v1/models/claude-nope");
  EXPECT_EQ(missing.status, 404);
  EXPECT_STREQ(parse_json(missing.body)["error"]["message"].GetString(), "model: claude-nope");
}

TEST_F(SimModels, ModelsNeedTheKey) {
  EXPECT_EQ(get("/v1/models", {{"anthropic-version", "2023-06-01"}}).status, 401);
}

}  // namespace
}  // namespace ac::sim::test
