// Which recorded reply `serve --replay` sends (docs/proxy.md, "serve --replay").
#include <gtest/gtest.h>

#include "sim/replay_book.hpp"

namespace ac::sim {
namespace {

RecordedReply reply(const std::string& method, const std::string& path, const std::string& request_body,
                    const std::string& label) {
  RecordedReply r;
  r.method = method;
  r.path = path;
  r.request_body = request_body;
  r.label = label;
  return r;
}

ReplayBook book() {
  return ReplayBook({reply("POST", "/v1/messages", "a", "1"), reply("POST", "/v1/messages", "b", "2"),
                     reply("GET", "/v1/models?limit=2", "", "3"), reply("POST", "/v1/messages", "a", "4")});
}

TEST(ReplayBook, AnIdenticalBodyPicksItsReplyWhateverTheOrder) {
  ReplayBook b = book();
  EXPECT_EQ(b.match("POST", "/v1/messages", "b")->label, "2");
  EXPECT_EQ(b.match("POST", "/v1/messages", "a")->label, "1");
  EXPECT_EQ(b.match("POST", "/v1/messages", "a")->label, "4") << "the first not served yet";
}

TEST(ReplayBook, OtherwiseTheNextInRecordedOrderThenTheSessionAgain) {
  ReplayBook b = book();
  EXPECT_EQ(b.match("POST", "/v1/messages", "zzz")->label, "1");
  EXPECT_EQ(b.match("POST", "/v1/messages", "zzz")->label, "2");
  EXPECT_EQ(b.match("POST", "/v1/messages", "zzz")->label, "4");
  EXPECT_EQ(b.match("POST", "/v1/messages", "zzz")->label, "1") << "all served: from the start again";
}

TEST(ReplayBook, MethodAndPathWithItsQueryMustMatch) {
  ReplayBook b = book();
  EXPECT_EQ(b.match("GET", "/v1/models", ""), nullptr);
  EXPECT_EQ(b.match("POST", "/v1/models?limit=2", ""), nullptr);
  EXPECT_EQ(b.match("GET", "/v1/models?limit=2", "")->label, "3");
  EXPECT_EQ(b.expected_text(), "POST /v1/messages (3), GET /v1/models?limit=2 (1)");
}

}  // namespace
}  // namespace ac::sim
