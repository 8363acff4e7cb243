// User story: a gateway that answers in OpenAI's shape is caught, each difference named with
// its pointer, expected and actual values, and the run exits 1.
#include <gtest/gtest.h>

#include "e2e_helpers.hpp"
#include "support/local_server.hpp"

namespace ac::test {
namespace {

const char* kOpenAiReply =
    R"({"id":"chatcmpl-1","object":"chat.completion","choices":[{"index":0,"message":{"role":"assistant","content":"hi"},"finish_reason":"stop"}],"usage":{"prompt_tokens":3,"completion_tokens":0}})";

TEST(RunWrongServer, AnOpenAiShapedReplyIsReportedFindingByFinding) {
  LocalServer server(Script::json(200, kOpenAiReply));
  TempDir dir;
  dir.write("cases/basic.yaml", kBasicCase);
  ProcessResult r = run_apiconform({"run", "--base-url", server.base_url(), "--key-env", "E2E_KEY", "--cases",
                                    dir.file("cases"), "--out", dir.file("out"), "--no-progress"},
                                   {{"E2E_KEY", "sk-e2e-wrong-server-key-000"}});
  EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
  ResultsFile file = read_results_or_fail(dir.file("out/results.json"));
  const Result* result = find_result(file, "probe.basic");
  ASSERT_NE(result, nullptr);
  EXPECT_EQ(result->verdict, Verdict::Fail);
  std::vector<std::string> pointers;
  for (const auto& f : result->findings) pointers.push_back(f.pointer);
  for (const char* expected : {"/type", "/role", "/id", "/usage/output_tokens"})
    EXPECT_NE(std::find(pointers.begin(), pointers.end(), expected), pointers.end()) << expected;
  // The console says, per deviation, what was expected and what came, with a way to reproduce it.
  EXPECT_NE(r.out.find("e.g. probe.basic: expected \"message\", got absent"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("reproduce: curl"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("$E2E_KEY"), std::string::npos) << r.out;
  // The request reached the server with the key in the header the profile names.
  EXPECT_EQ(find_header(server.last_request().headers, "x-api-key").value_or(""), "sk-e2e-wrong-server-key-000");
}

TEST(RunWrongServer, A400ForAValidRequestFailsWithTheStatusFinding) {
  LocalServer server(Script::json(400, R"({"error":{"message":"bad","type":"invalid_request_error"}})"));
  TempDir dir;
  dir.write("cases/basic.yaml", kBasicCase);
  ProcessResult r = run_apiconform({"run", "--base-url", server.base_url(), "--auth", "bearer", "--key-env", "E2E_KEY",
                                    "--cases", dir.file("cases"), "--out", dir.file("out"), "--no-progress", "--no-preflight"},
                                   {{"E2E_KEY", "sk-e2e-bearer-key-0000000"}});
  EXPECT_EQ(r.exit_code, 1);
  ResultsFile file = read_results_or_fail(dir.file("out/results.json"));
  ASSERT_EQ(file.results.size(), 1u);
  ASSERT_FALSE(file.results[0].findings.empty());
  EXPECT_EQ(file.results[0].findings[0].check, "status");
  EXPECT_EQ(file.results[0].findings[0].actual, "400");
  EXPECT_EQ(find_header(server.last_request().headers, "authorization").value_or(""), "Bearer sk-e2e-bearer-key-0000000");
}

TEST(RunWrongServer, TransportFailuresAreErrorsWithAReasonAndExit3) {
  LocalServer server(Script::partial(200, {{"Content-Type", "application/json"}}, kOpenAiReply, 10, Script::Cut::Reset));
  TempDir dir;
  dir.write("cases/basic.yaml", kBasicCase);
  ProcessResult r = run_apiconform({"run", "--base-url", server.base_url(), "--key-env", "E2E_KEY", "--cases",
                                    dir.file("cases"), "--out", dir.file("out"), "--no-progress", "--retries", "0"},
                                   {{"E2E_KEY", "sk-e2e-reset-key-000000000"}});
  EXPECT_EQ(r.exit_code, 3) << r.out << r.err;
  ResultsFile file = read_results_or_fail(dir.file("out/results.json"));
  ASSERT_EQ(file.results.size(), 1u);
  EXPECT_EQ(file.results[0].verdict, Verdict::Error);
  EXPECT_FALSE(file.results[0].reason.empty());
}

}  // namespace
}  // namespace ac::test
