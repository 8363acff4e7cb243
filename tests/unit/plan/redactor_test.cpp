#include "plan/redactor.hpp"

#include <gtest/gtest.h>

namespace ac {
namespace {

const std::string kKey = "sk-ant-canary-0123456789abcdef";

TEST(Redactor, RemovesPlainBase64AndUrlEncodedForms) {
  Redactor r;
  r.add_secret(kKey);
  EXPECT_EQ(r.apply("key=" + kKey + ";"), "key=[REDACTED];");
  EXPECT_EQ(r.apply(base64_encode(kKey)), "[REDACTED]");
  std::string with_special = "a/b+c=d key!";
  Redactor s;
  s.add_secret(with_special);
  EXPECT_EQ(s.apply("q=" + url_encode(with_special)), "q=[REDACTED]");
}

TEST(Redactor, RemovesTheKeyInsideALongerBase64String) {
  Redactor r;
  r.add_secret(kKey);
  for (const std::string prefix : {"u:", "us:", "use:"}) {
    std::string basic = base64_encode(prefix + kKey);
    EXPECT_EQ(r.apply(basic).find(base64_encode(kKey).substr(4, 20)), std::string::npos) << prefix;
    EXPECT_NE(r.apply(basic).find("[REDACTED]"), std::string::npos) << prefix;
  }
}

TEST(Redactor, IgnoresTooShortSecretsAndLeavesOtherTextAlone) {
  Redactor r;
  r.add_secret("abc");
  EXPECT_TRUE(r.empty());
  r.add_secret(kKey);
  EXPECT_EQ(r.apply("nothing secret here"), "nothing secret here");
}

TEST(Redactor, InPlaceReplacesEveryOccurrenceAndLeavesCleanTextUntouched) {
  Redactor r;
  r.add_secret(kKey);
  std::string text = kKey + " and " + kKey + " and " + url_encode(kKey);
  r.apply_in_place(text);
  EXPECT_EQ(text, "[REDACTED] and [REDACTED] and [REDACTED]");
  std::string clean = "request-id: req_0123";
  const char* before = clean.data();
  r.apply_in_place(clean);
  EXPECT_EQ(clean, "request-id: req_0123");
  EXPECT_EQ(clean.data(), before) << "a text without a secret is not rebuilt";
}

TEST(Base64, EncodesStandardVectors) {
  EXPECT_EQ(base64_encode("f"), "Zg==");
  EXPECT_EQ(base64_encode("fo"), "Zm8=");
  EXPECT_EQ(base64_encode("foo"), "Zm9v");
  EXPECT_EQ(base64_encode("foobar"), "Zm9vYmFy");
}

}  // namespace
}  // namespace ac
