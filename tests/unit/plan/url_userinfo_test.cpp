// The userinfo of a target URL ("https://user:secret@host/"): found, replaced (by the redaction
// mark in results, by a shell variable in curl lines) and dropped (in the proxy's records).
#include <gtest/gtest.h>

#include "plan/request_builder.hpp"

namespace ac {
namespace {

TEST(UrlUserinfo, IsTheTextBeforeTheAtOfTheAuthorityOnly) {
  EXPECT_EQ(url_userinfo("https://user:secret@example.test/v1"), "user:secret");
  EXPECT_EQ(url_userinfo("https://example.test/v1"), "");
  EXPECT_EQ(url_userinfo("https://example.test/v1/a@b"), "");  // an '@' in the path is not userinfo
  EXPECT_EQ(url_userinfo("https://example.test?to=a@b"), "");
  EXPECT_EQ(url_userinfo("example.test@x"), "");  // no scheme, no authority
}

TEST(UrlUserinfo, ReplacedKeepsTheAtAndTheRest) {
  EXPECT_EQ(replace_userinfo("http://u:p@127.0.0.1:8080/x?y", "***"), "http://***@127.0.0.1:8080/x?y");
  EXPECT_EQ(replace_userinfo("http://127.0.0.1:8080/x@y", "***"), "http://127.0.0.1:8080/x@y");
}

TEST(UrlUserinfo, DroppedTakesTheAtWithIt) {
  EXPECT_EQ(without_userinfo("http://u:p@127.0.0.1:8080/x?y"), "http://127.0.0.1:8080/x?y");
  EXPECT_EQ(without_userinfo("https://token@gateway.test"), "https://gateway.test");
  EXPECT_EQ(without_userinfo("http://127.0.0.1:8080/x@y"), "http://127.0.0.1:8080/x@y");
}

}  // namespace
}  // namespace ac
