#include "redact/encodings.hpp"
#include "redact/redactor.hpp"

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

TEST(Base64, DecodesWhatItEncodesAndRefusesOtherBytes) {
  std::string bytes;
  for (int i = 0; i < 256; ++i) bytes.push_back(static_cast<char>(i));
  std::string back;
  for (std::size_t n : {0u, 1u, 2u, 3u, 255u, 256u}) {
    ASSERT_TRUE(base64_decode(base64_encode(bytes.substr(0, n)), back));
    EXPECT_EQ(back, bytes.substr(0, n));
  }
  ASSERT_TRUE(base64_decode("Zm8", back));  // padding left off
  EXPECT_EQ(back, "fo");
  EXPECT_FALSE(base64_decode("Zm9v!", back));
}

}  // namespace
}  // namespace ac

namespace ac {
namespace {

const std::string kLongKey = "sk-ant-api03-Zq8vR2mX4nB7cT1yW6pL9sK3dF5gH0jQ-uE_aI8oP2rS4tV6wY1zA3bC5dE7fG9hJ0kLmNoAA";

TEST(RedactorPieces, APieceOfEightCharactersOrMoreIsRedactedWhereverItStands) {
  Redactor r;
  r.add_secret(kLongKey);
  // An excerpt cut inside the key: its first 60 characters then "…".
  EXPECT_EQ(r.apply("got \"" + kLongKey.substr(0, 60) + "\xE2\x80\xA6"), "got \"[REDACTED]\xE2\x80\xA6");
  // The tail of the key at the start of the next event's text.
  EXPECT_EQ(r.apply(kLongKey.substr(60) + " more"), "[REDACTED] more");
  // A piece from the middle, between ordinary words.
  EXPECT_EQ(r.apply("a " + kLongKey.substr(20, 12) + " b"), "a [REDACTED] b");
  // Under twelve characters are not a usable piece: "sk-ant-" is what every key starts with.
  EXPECT_EQ(r.apply("keys start with sk-ant-"), "keys start with sk-ant-");
  EXPECT_EQ(r.apply("sk-ant-invalid-apiconform-key-0000000000"), "sk-ant-invalid-apiconform-key-0000000000");
}

TEST(RedactorPieces, ASecretSplitAcrossTwoEventsShowsNeitherHalf) {
  Redactor r;
  r.add_secret(kLongKey);
  for (std::size_t cut = 12; cut + 12 <= kLongKey.size(); cut += 7) {
    std::string first = R"({"delta":{"text":"padding )" + kLongKey.substr(0, cut) + R"("}})";
    std::string second = R"({"delta":{"text":")" + kLongKey.substr(cut) + R"( and on"}})";
    EXPECT_EQ(r.apply(first), R"({"delta":{"text":"padding [REDACTED]"}})") << cut;
    EXPECT_EQ(r.apply(second), R"({"delta":{"text":"[REDACTED] and on"}})") << cut;
  }
}

TEST(RedactorPieces, LooksThroughJsonEscapesAndPercentEncodingInAnyMix) {
  Redactor r;
  r.add_secret(kLongKey);
  EXPECT_EQ(r.apply("\"" + json_unicode_escape(kLongKey) + "\""), "\"[REDACTED]\"");
  // Only some characters escaped, lower-case hex, and a cut in the middle of the escapes.
  std::string mixed = "\\u0073\\u006B-ant" + kLongKey.substr(6, 30);
  EXPECT_EQ(r.apply("x " + mixed + " y"), "x [REDACTED] y");
  std::string escaped = json_unicode_escape(kLongKey).substr(0, 6 * 20);
  EXPECT_EQ(r.apply("cut: " + escaped), "cut: [REDACTED]");
  EXPECT_EQ(r.apply("q=" + url_encode(kLongKey) + "&x=1"), "q=[REDACTED]&x=1");
  Redactor s;
  s.add_secret("org+Secret/Value=7c41d09e55b2");
  EXPECT_EQ(s.apply("h=" + url_encode("org+Secret/Value=7c41d09e55b2")), "h=[REDACTED]");
  EXPECT_EQ(s.apply("org\\/Secret"), "org\\/Secret") << "under twelve characters of it";
  EXPECT_EQ(s.apply("v: Secret\\/Value"), "v: [REDACTED]");
}

TEST(RedactorPieces, FindsBase64AtEveryAlignmentAndUrlSafe) {
  Redactor r;
  r.add_secret(kLongKey);
  for (const std::string prefix : {"", "u:", "us:", "use:"}) {
    std::string b64 = base64_encode(prefix + kLongKey);
    std::string shown = r.apply("Basic " + b64);
    EXPECT_LE(shown.size(), std::string("Basic ").size() + 10 + 8) << prefix << ": " << shown;
    std::string url_safe = b64;
    for (auto& c : url_safe) c = c == '+' ? '-' : c == '/' ? '_' : c;
    EXPECT_LE(r.apply(url_safe).size(), 10u + 8) << prefix;
  }
}

TEST(RedactorPieces, AStrayBackslashBeforeAnEscapeHidesNothing) {
  Redactor r;
  r.add_secret(kLongKey);
  EXPECT_EQ(r.apply("\\" + json_unicode_escape(kLongKey)), "\\[REDACTED]");
}

TEST(RedactorPieces, ShortSecretsMustMatchWhole) {
  Redactor r;
  r.add_secret("abc123");
  EXPECT_EQ(r.apply("id abc123 and abc12"), "id [REDACTED] and abc12");
}

TEST(RedactorPieces, TextWithoutSecretsIsUntouchedEvenWithEscapes) {
  Redactor r;
  r.add_secret(kLongKey);
  const std::string text = R"({"a":"\u0041\\\/%41 100% done \u12"})";
  EXPECT_EQ(r.apply(text), text);
}

}  // namespace
}  // namespace ac
