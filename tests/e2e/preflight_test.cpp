// User story: pointed at an endpoint with a wrong setup, a run says once what is wrong and what
// to try, sends none of that provider's cases (each is an error carrying the diagnosis), goes on
// with the other providers and exits 3.
#include <gtest/gtest.h>

#include "e2e_helpers.hpp"
#include "support/local_server.hpp"

namespace ac::test {
namespace {

const std::string kKey = "sk-e2e-preflight-key-00000001";

class Preflight : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    reference_port_ = free_port();
    reference_ = new BackgroundApiconform({"serve", "--port", std::to_string(reference_port_), "--key", kKey});
    bearer_port_ = free_port();
    bearer_ = new BackgroundApiconform(
        {"serve", "--port", std::to_string(bearer_port_), "--key", kKey, "--dialect", "generic-bearer"});
    ASSERT_TRUE(wait_for_port(reference_port_, 20) && wait_for_port(bearer_port_, 20)) << "a simulator did not start";
  }
  static void TearDownTestSuite() {
    delete reference_;
    delete bearer_;
  }
  static std::string url(int port, const std::string& scheme = "http") {
    return scheme + "://127.0.0.1:" + std::to_string(port);
  }

  // The basic case (and the suite's messages.* cases when `whole_suite`) against `base_url`.
  ProcessResult run(const std::vector<std::string>& extra, const std::string& key = kKey) {
    dir_.write("cases/basic.yaml", kBasicCase);
    std::vector<std::string> args = {"run", "--key-env", "E2E_KEY", "--cases", dir_.file("cases"), "--out",
                                     dir_.file("out"), "--no-progress"};
    args.insert(args.end(), extra.begin(), extra.end());
    return run_apiconform(args, {{"E2E_KEY", key}});
  }

  // Every result of `provider` is an error whose reason holds each of `parts`; returns the reason.
  std::string every_case_errs(const std::string& provider, const std::vector<std::string>& parts) {
    ResultsFile file = read_results_or_fail(dir_.file("out/results.json"));
    std::string reason;
    int seen = 0;
    for (const auto& r : file.results) {
      if (r.provider != provider) continue;
      ++seen;
      EXPECT_EQ(r.verdict, Verdict::Error) << r.case_id;
      for (const auto& part : parts) EXPECT_NE(r.reason.find(part), std::string::npos) << part << " in " << r.reason;
      reason = r.reason;
    }
    EXPECT_GT(seen, 0);
    for (const auto& p : file.run.providers)
      if (p.name == provider) {
        EXPECT_EQ(p.status, "setup_error");
      }
    return reason;
  }

  TempDir dir_;
  static int reference_port_, bearer_port_;
  static BackgroundApiconform* reference_;
  static BackgroundApiconform* bearer_;
};

int Preflight::reference_port_ = 0;
int Preflight::bearer_port_ = 0;
BackgroundApiconform* Preflight::reference_ = nullptr;
BackgroundApiconform* Preflight::bearer_ = nullptr;

TEST_F(Preflight, ARefusedKeyStopsTheProviderBeforeAnyCaseIsSent) {
  LocalServer server(Script::json(401, R"({"type":"error","error":{"type":"authentication_error","message":"invalid x-api-key"}})"));
  ProcessResult r = run({"--base-url", server.base_url()});
  EXPECT_EQ(r.exit_code, 3) << r.out << r.err;
  every_case_errs("custom", {"key refused", "HTTP 401: authentication_error: invalid x-api-key", "$E2E_KEY"});
  // The message, the models list and the message with the other auth header: no case.
  EXPECT_EQ(server.request_count(), 3);
  for (const auto& request : server.requests()) EXPECT_EQ(request.body.find("\"max_tokens\":32"), std::string::npos);
  // Said once, not once per case.
  const std::string said = "SETUP ERROR custom: preflight of custom failed: key refused";
  EXPECT_NE(r.out.find(said), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("ERROR probe.basic"), std::string::npos) << r.out;
}

TEST_F(Preflight, OtherProvidersGoOn) {
  LocalServer server(Script::json(401, R"({"error":{"message":"nope"}})"));
  ProcessResult r = run({"--base-url", server.base_url(), "--provider", "reference"});
  EXPECT_EQ(r.exit_code, 3) << r.out << r.err;
  every_case_errs("custom", {"key refused"});
  ResultsFile file = read_results_or_fail(dir_.file("out/results.json"));
  const Result* reference = nullptr;
  for (const auto& result : file.results)
    if (result.provider == "reference") reference = &result;
  ASSERT_NE(reference, nullptr);
  EXPECT_EQ(reference->verdict, Verdict::Pass);
}

TEST_F(Preflight, AnUnknownModelSuggestsModelAndListsTheServedOnes) {
  ProcessResult r = run({"--base-url", url(reference_port_), "--model", "claude-nope-1"});
  EXPECT_EQ(r.exit_code, 3) << r.out << r.err;
  every_case_errs("custom", {"model unknown", "not_found_error: model: claude-nope-1", "--model NAME",
                             "claude-sonnet-4-5-20250929"});
}

TEST_F(Preflight, AWrongPathSaysWhichUrlAnswered404AndWhatToTry) {
  ProcessResult r = run({"--base-url", url(reference_port_) + "/v1"});
  EXPECT_EQ(r.exit_code, 3) << r.out << r.err;
  every_case_errs("custom", {"wrong path", "/v1/v1/messages", "try --base-url " + url(reference_port_)});
}

TEST_F(Preflight, TheWrongAuthHeaderIsToldFromABadKey) {
  ProcessResult r = run({"--base-url", url(bearer_port_)});
  EXPECT_EQ(r.exit_code, 3) << r.out << r.err;
  every_case_errs("custom", {"wrong auth header", "Authorization header is required", "Try: --auth bearer"});
  // With the fix it suggests, the same endpoint passes the preflight.
  ProcessResult fixed = run({"--base-url", url(bearer_port_), "--auth", "bearer"});
  EXPECT_EQ(fixed.out.find("SETUP ERROR"), std::string::npos) << fixed.out;
}

TEST_F(Preflight, TlsToAPlainHttpServerIsDiagnosed) {
  ProcessResult r = run({"--base-url", url(reference_port_, "https")});
  EXPECT_EQ(r.exit_code, 3) << r.out << r.err;
  every_case_errs("custom", {"TLS failed", "use an http:// base URL"});
}

TEST_F(Preflight, AnUnreachableHostIsDiagnosed) {
  ProcessResult r = run({"--base-url", url(free_port())});
  EXPECT_EQ(r.exit_code, 3) << r.out << r.err;
  every_case_errs("custom", {"unreachable", "connection refused"});
}

TEST_F(Preflight, NoPreflightSendsTheCasesAnyway) {
  LocalServer server(Script::json(401, R"({"error":{"message":"nope"}})"));
  ProcessResult r = run({"--base-url", server.base_url(), "--no-preflight"});
  EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
  EXPECT_EQ(server.request_count(), 1);
  EXPECT_EQ(r.out.find("SETUP ERROR"), std::string::npos);
}

TEST_F(Preflight, AKeyEchoedInTheRefusalIsRedactedInTheDiagnosis) {
  const std::string key = "sk-e2e-echo-in-preflight-99999";
  LocalServer server([&](const RecordedRequest& request) {
    return Script::json(401, R"({"error":{"message":"bad key )" + find_header(request.headers, "x-api-key").value_or("") + "\"}}");
  });
  ProcessResult r = run({"--base-url", server.base_url()}, key);
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.out.find("bad key [REDACTED]"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find(key), std::string::npos) << r.out;
  EXPECT_EQ(read_file(dir_.file("out/results.json")).find(key), std::string::npos);
}

}  // namespace
}  // namespace ac::test
