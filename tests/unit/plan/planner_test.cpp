#include <gtest/gtest.h>

#include <algorithm>

#include "plan/job.hpp"
#include "plan/request_builder.hpp"

namespace ac {
namespace {

Target target(const std::string& name = "acme") {
  Target t;
  t.provider.name = name;
  t.provider.key_env = "ACME_KEY";
  t.provider.auth = AuthStyle::XApiKey;
  t.provider.paths = {{"messages", "/v1/messages"}, {"models", "/v1/models"}};
  t.provider.headers = {{"anthropic-version", "2023-06-01"}};
  t.provider.vars = {{"model", "\"claude-test\""}, {"max_tokens", "64"}};
  t.base_url = "http://127.0.0.1:9/";
  t.key = "sk-secret-key-value-123456";
  return t;
}

Case message_case(const std::string& id = "messages.basic", const std::string& feature = "messages.basic") {
  Case c;
  c.id = id;
  c.feature = feature;
  c.request.endpoint = "messages";
  c.request.json = R"({"model":"{{model}}","max_tokens":"{{max_tokens}}","messages":[{"role":"user","content":"hi"}]})";
  return c;
}

TEST(Planner, ResolvesVariablesPathAndHeaders) {
  std::vector<Case> cases{message_case()};
  std::vector<Target> targets{target()};
  auto jobs = plan_jobs(cases, targets, PlanOptions{});
  ASSERT_EQ(jobs.size(), 1u);
  const Job& j = jobs[0];
  EXPECT_FALSE(j.decided) << j.reason;
  EXPECT_EQ(j.url, "http://127.0.0.1:9/v1/messages");
  EXPECT_NE(j.body.find("\"max_tokens\":64"), std::string::npos) << j.body;
  EXPECT_NE(j.body.find("\"claude-test\""), std::string::npos);
  EXPECT_EQ(find_header(j.headers, "x-api-key").value_or(""), "sk-secret-key-value-123456");
  EXPECT_EQ(find_header(j.headers, "content-type").value_or(""), "application/json");
}

TEST(Planner, TheRedactedCopyAndCurlLineNeverHoldTheKey) {
  std::vector<Case> cases{message_case()};
  std::vector<Target> targets{target()};
  const Job j = plan_jobs(cases, targets, PlanOptions{})[0];
  EXPECT_EQ(find_header(j.sent.headers, "x-api-key").value_or(""), "[REDACTED]");
  EXPECT_EQ(j.sent.curl.find("sk-secret"), std::string::npos);
  EXPECT_NE(j.sent.curl.find("\"$ACME_KEY\""), std::string::npos) << j.sent.curl;
}

TEST(Planner, AuthNoneSendsNoKeyAndInvalidSendsAWrongOne) {
  Case none = message_case("a.none");
  none.request.auth = "none";
  Case invalid = message_case("a.invalid");
  invalid.request.auth = "invalid";
  std::vector<Case> cases{none, invalid};
  std::vector<Target> targets{target()};
  auto jobs = plan_jobs(cases, targets, PlanOptions{});
  EXPECT_FALSE(find_header(jobs[0].headers, "x-api-key"));
  auto wrong = find_header(jobs[1].headers, "x-api-key");
  ASSERT_TRUE(wrong);
  EXPECT_NE(*wrong, "sk-secret-key-value-123456");
}

TEST(Planner, BearerProvidersGetAnAuthorizationHeader) {
  Target t = target();
  t.provider.auth = AuthStyle::Bearer;
  std::vector<Case> cases{message_case()};
  std::vector<Target> targets{t};
  auto j = plan_jobs(cases, targets, PlanOptions{})[0];
  EXPECT_EQ(find_header(j.headers, "authorization").value_or(""), "Bearer sk-secret-key-value-123456");
  EXPECT_EQ(find_header(j.sent.headers, "authorization").value_or(""), "Bearer [REDACTED]");
}

TEST(Planner, RemovedHeadersAndApiVersionOverride) {
  Case c = message_case();
  c.request.remove_headers = {"anthropic-version"};
  Case d = message_case("b");
  std::vector<Case> cases{c, d};
  std::vector<Target> targets{target()};
  PlanOptions o;
  o.request.api_version = "2026-10-21";
  auto jobs = plan_jobs(cases, targets, o);
  EXPECT_FALSE(find_header(jobs[0].headers, "anthropic-version"));
  EXPECT_EQ(find_header(jobs[1].headers, "anthropic-version").value_or(""), "2026-10-21");
}

TEST(Planner, VersionMismatchSkipsAndUnsupportedIsDecidedWithoutSending) {
  Case versioned = message_case("v");
  versioned.api_version = "2026-10-21";
  Case images = message_case("img", "content.image");
  Target t = target();
  t.provider.unsupported = {{"content.image", "no image input"}};
  std::vector<Case> cases{versioned, images};
  std::vector<Target> targets{t};
  auto jobs = plan_jobs(cases, targets, PlanOptions{});
  ASSERT_EQ(jobs.size(), 2u);
  EXPECT_TRUE(jobs[0].decided);
  EXPECT_EQ(jobs[0].verdict, Verdict::Skip);
  EXPECT_TRUE(jobs[1].decided);
  EXPECT_EQ(jobs[1].verdict, Verdict::Unsupported);
  EXPECT_EQ(jobs[1].reason, "no image input");
}

TEST(Planner, KnownDeviationsAreCarriedAndMissingVariablesAreErrors) {
  Case c = message_case("known.case");
  Case broken = message_case("broken");
  broken.request.json = R"({"model":"{{no_such_var}}"})";
  Target t = target();
  t.provider.known = {{"known.case", "https://example/issue/1"}};
  std::vector<Case> cases{c, broken};
  std::vector<Target> targets{t};
  auto jobs = plan_jobs(cases, targets, PlanOptions{});
  EXPECT_EQ(jobs[0].known_reason, "https://example/issue/1");
  EXPECT_TRUE(jobs[1].decided);
  EXPECT_EQ(jobs[1].verdict, Verdict::Error);
  EXPECT_NE(jobs[1].reason.find("no_such_var"), std::string::npos) << jobs[1].reason;
}

TEST(Planner, FiltersAndNotRunTargets) {
  std::vector<Case> cases{message_case("messages.a"), message_case("models.b", "models")};
  Target skipped = target("nokey");
  skipped.not_run_reason = "set NOKEY";
  std::vector<Target> targets{target(), skipped};
  PlanOptions o;
  o.only_cases = {"messages.*"};
  auto jobs = plan_jobs(cases, targets, o);
  ASSERT_EQ(jobs.size(), 1u);  // the target without its key is not planned at all
  EXPECT_EQ(jobs[0].test->id, "messages.a");
  o.only_cases.clear();
  o.only_features = {"models"};
  EXPECT_EQ(plan_jobs(cases, targets, o).size(), 1u);
}

TEST(Planner, AuthBothSendsTheKeyInBothHeadersRedactedInBoth) {
  Case both = message_case("a.both");
  both.request.auth = "both";
  std::vector<Case> cases{both};
  std::vector<Target> targets{target()};
  const Job j = plan_jobs(cases, targets, PlanOptions{})[0];
  EXPECT_EQ(find_header(j.headers, "x-api-key").value_or(""), "sk-secret-key-value-123456");
  EXPECT_EQ(find_header(j.headers, "authorization").value_or(""), "Bearer sk-secret-key-value-123456");
  EXPECT_EQ(std::count_if(j.headers.begin(), j.headers.end(), [](const Header& h) { return iequals(h.name, "x-api-key"); }), 1);
  EXPECT_EQ(find_header(j.sent.headers, "x-api-key").value_or(""), "[REDACTED]");
  EXPECT_EQ(find_header(j.sent.headers, "authorization").value_or(""), "Bearer [REDACTED]");
  EXPECT_EQ(j.sent.curl.find("sk-secret"), std::string::npos) << j.sent.curl;
}

TEST(Planner, SimulatedOnlyCasesAreSkippedOnRealEndpoints) {
  Case steered = message_case("errors.rate-limit");
  steered.simulated_only = true;
  std::vector<Case> cases{steered};
  Target real = target("real");
  Target simulated = target("sim");
  simulated.simulated = true;
  std::vector<Target> targets{real, simulated};
  auto jobs = plan_jobs(cases, targets, PlanOptions{});
  ASSERT_EQ(jobs.size(), 2u);
  EXPECT_TRUE(jobs[0].decided);
  EXPECT_EQ(jobs[0].verdict, Verdict::Skip);
  EXPECT_NE(jobs[0].reason.find("--simulate"), std::string::npos) << jobs[0].reason;
  EXPECT_FALSE(jobs[1].decided) << jobs[1].reason;
}

TEST(Planner, PaddingReachesTheRequestedSizeAndStaysJson) {
  Case c = message_case();
  c.request.body_padding = 5000;
  std::vector<Case> cases{c};
  std::vector<Target> targets{target()};
  auto j = plan_jobs(cases, targets, PlanOptions{})[0];
  const std::string sent = j.body_as_sent();
  EXPECT_EQ(sent.size(), 5000u);
  EXPECT_EQ(sent.front(), '{');
  EXPECT_EQ(sent.find_last_not_of(' ') + 1, j.body.size()) << "spaces only after the JSON";
  EXPECT_EQ(j.sent.body_size, 5000u);
  EXPECT_EQ(j.sent.body, sent) << "a body within max_body_shown is kept whole, padding included";
  EXPECT_NE(j.sent.curl.find(single_quoted(sent)), std::string::npos) << "the curl line sends the same bytes";
}

// Three size-limit cases pad to 32 MiB each: built at planning, those 96 MiB (memset and page
// faults) held back the run's first request.
TEST(Planner, ASizeLimitBodyIsPaddedOnlyWhenSent) {
  Case c = message_case();
  c.request.body_padding = 33554500;
  std::vector<Case> cases{c};
  std::vector<Target> targets{target()};
  PlanOptions options;
  options.request.max_body_shown = 100;
  auto j = plan_jobs(cases, targets, options)[0];
  EXPECT_LT(j.body.size(), 1000u) << "nothing padded at planning";
  EXPECT_EQ(j.body_size(), 33554500u);
  EXPECT_EQ(j.sent.body_size, 33554500u);
  EXPECT_EQ(j.sent.body, j.body_prefix(100));
  EXPECT_EQ(j.sent.body.size(), 100u);
  EXPECT_NE(j.sent.curl.find("body of 33554500 bytes"), std::string::npos) << j.sent.curl;
  EXPECT_EQ(j.body_as_sent().size(), 33554500u);
}

TEST(Glob, StarAndQuestionMark) {
  EXPECT_TRUE(glob_match("messages.*", "messages.basic"));
  EXPECT_TRUE(glob_match("*.basic", "messages.basic"));
  EXPECT_TRUE(glob_match("m?ssages*", "messages"));
  EXPECT_FALSE(glob_match("models.*", "messages.basic"));
}

TEST(CurlLine, QuotesSafelyAndCutsHugeBodies) {
  std::string line = curl_line("POST", "http://h/x", {{"a", "it's"}}, "{\"q\":\"it's\"}", 12, 100);
  EXPECT_NE(line.find("-H 'a: it'\\''s'"), std::string::npos) << line;
  std::string big = curl_line("POST", "http://h/x", {}, std::string(100, ' '), 500, 100);
  EXPECT_NE(big.find("body of 500 bytes"), std::string::npos);
}

}  // namespace
}  // namespace ac
