// The correlation marker goes into the last user message's text, wherever that text is.
#include "plan/correlation_marker.hpp"

#include <gtest/gtest.h>

#include "plan/request_builder.hpp"

namespace ac {
namespace {

TEST(CorrelationMarker, Form) { EXPECT_EQ(correlation_marker("gateway.stop", 12), "[ac:gateway.stop:12]"); }

TEST(CorrelationMarker, AppendedToAStringContent) {
  std::string body =
      R"({"messages":[{"role":"user","content":"Hi"},{"role":"assistant","content":"Yo"},{"role":"user","content":"Again"}]})";
  ASSERT_TRUE(add_marker(body, "[ac:x:1]"));
  EXPECT_EQ(
      body,
      R"({"messages":[{"role":"user","content":"Hi"},{"role":"assistant","content":"Yo"},{"role":"user","content":"Again [ac:x:1]"}]})");
}

TEST(CorrelationMarker, AppendedToTheLastTextBlock) {
  std::string body =
      R"({"messages":[{"role":"user","content":[{"type":"text","text":"A"},{"type":"image","source":{}},{"type":"text","text":"B"}]}]})";
  ASSERT_TRUE(add_marker(body, "[ac:x:2]"));
  EXPECT_NE(body.find(R"("text":"B [ac:x:2]")"), std::string::npos) << body;
  EXPECT_NE(body.find(R"("text":"A")"), std::string::npos) << body;
}

TEST(CorrelationMarker, ATextBlockIsAddedAfterToolResults) {
  std::string body =
      R"({"messages":[{"role":"user","content":[{"type":"tool_result","tool_use_id":"t","content":"42"}]}]})";
  ASSERT_TRUE(add_marker(body, "[ac:x:3]"));
  EXPECT_NE(body.find(R"({"type":"text","text":"[ac:x:3]"}]})"), std::string::npos) << body;
}

TEST(CorrelationMarker, BodiesWithoutAUserMessageStayUnmarked) {
  for (std::string body : {std::string("not json"), std::string(R"({"model":"m"})"),
                           std::string(R"({"messages":[{"role":"assistant","content":"x"}]})"), std::string("")}) {
    const std::string before = body;
    EXPECT_FALSE(add_marker(body, "[ac:x:4]")) << before;
    EXPECT_EQ(body, before);
  }
}

TEST(CorrelationMarker, PaddingIsKept) {
  std::string body = std::string(R"({"messages":[{"role":"user","content":"Hi"}]})") + std::string(100, ' ');
  const std::size_t size = body.size();
  ASSERT_TRUE(add_marker(body, "[ac:x:5]"));
  EXPECT_EQ(body.size(), size);
}

TEST(CorrelationMarker, TheResultsCopyShowsWhatIsSent) {
  PreparedRequest r;
  r.body = R"({"messages":[{"role":"user","content":"it's"}]})";
  r.sent.body = r.body;
  r.sent.body_size = r.body.size();
  r.sent.curl = curl_line("POST", "http://h/v1/messages", {}, r.body, r.body.size(), 1000);
  ASSERT_TRUE(mark_request(r, "[ac:x:6]", 1000));
  EXPECT_EQ(r.sent.body, r.body);
  EXPECT_EQ(r.sent.body_size, r.body.size());
  EXPECT_EQ(r.sent.curl, curl_line("POST", "http://h/v1/messages", {}, r.body, r.body.size(), 1000));
}

TEST(CorrelationMarker, APaddedBodyIsMarkedAndKeepsItsSize) {
  PreparedRequest r;
  r.body = R"({"messages":[{"role":"user","content":"hi"}]})";
  r.pad_to = 5000;
  r.sent.body = r.body_prefix(100);
  r.sent.body_size = r.body_size();
  ASSERT_TRUE(mark_request(r, "[ac:x:7]", 100));
  EXPECT_NE(r.body.find("[ac:x:7]"), std::string::npos);
  EXPECT_EQ(r.body_size(), 5000u);
  EXPECT_EQ(r.sent.body_size, 5000u);
  EXPECT_EQ(r.sent.body, r.body_prefix(100));
}

}  // namespace
}  // namespace ac
