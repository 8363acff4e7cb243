// User story: a gateway that names its models differently is aimed at from the command line
// (`--model`, `--var`), or given a profile written by `apiconform init` that lints clean and runs.
#include <gtest/gtest.h>

#include "e2e_helpers.hpp"
#include "support/local_server.hpp"

namespace ac::test {
namespace {

const char* kVarsCase = R"(id: probe.vars
title: the variables a case sends
feature: messages.basic
request:
  endpoint: messages
  json:
    model: "{{model}}"
    max_tokens: "{{max_tokens}}"
    metadata: {user_id: "{{small_model}}"}
    messages: [{role: user, content: "hi"}]
expect:
  status: 200
)";

// The body the server got for the case (not the preflight's), by its metadata.
std::string case_body(const LocalServer& server) {
  for (const auto& r : server.requests())
    if (r.body.find("metadata") != std::string::npos) return r.body;
  return "";
}

TEST(Aim, ModelAndVarOverrideTheBuiltInValuesForBaseUrl) {
  LocalServer server(Script::json(200, "{}"));
  TempDir dir;
  dir.write("cases/vars.yaml", kVarsCase);
  ProcessResult r = run_apiconform({"run", "--base-url", server.base_url(), "--key-env", "E2E_KEY", "--cases",
                                    dir.file("cases"), "--out", dir.file("out"), "--no-progress", "--model",
                                    "vendor/claude-x", "--var", "max_tokens=77"},
                                   {{"E2E_KEY", "sk-e2e-aim-key-0000000000"}});
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  const std::string body = case_body(server);
  EXPECT_NE(body.find(R"("model":"vendor/claude-x")"), std::string::npos) << body;
  EXPECT_NE(body.find(R"("max_tokens":77)"), std::string::npos) << body;  // a number, as in a profile
  EXPECT_NE(body.find(R"("user_id":"vendor/claude-x")"), std::string::npos) << body;  // every model variable
}

TEST(Aim, VarWinsOverModelAndOverAProfile) {
  LocalServer server(Script::json(200, "{}"));
  TempDir dir;
  dir.write("cases/vars.yaml", kVarsCase);
  dir.write("gw.yaml", "name: gw\nbase_url: " + server.base_url() +
                           "\nauth: none\nvars:\n  model: from-profile\n  small_model: small-from-profile\n"
                           "  max_tokens: 5\n");
  ProcessResult r = run_apiconform({"run", "--provider", dir.file("gw.yaml"), "--cases", dir.file("cases"), "--out",
                                    dir.file("out"), "--no-progress", "--model", "cli-model", "--var",
                                    "small_model=cli-small", "--var", "max_tokens=\"9\""});
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  const std::string body = case_body(server);
  EXPECT_NE(body.find(R"("model":"cli-model")"), std::string::npos) << body;
  EXPECT_NE(body.find(R"("user_id":"cli-small")"), std::string::npos) << body;
  EXPECT_NE(body.find(R"("max_tokens":"9")"), std::string::npos) << body;  // quoted: a string
}

TEST(Aim, AMalformedVarIsAUsageErrorAndNothingIsSent) {
  LocalServer server(Script::json(200, "{}"));
  TempDir dir;
  dir.write("cases/vars.yaml", kVarsCase);
  ProcessResult r = run_apiconform({"run", "--base-url", server.base_url(), "--key-env", "E2E_KEY", "--cases",
                                    dir.file("cases"), "--out", dir.file("out"), "--no-progress", "--var", "max_tokens"},
                                   {{"E2E_KEY", "sk-e2e-aim-key-0000000000"}});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("NAME=VALUE"), std::string::npos) << r.err;
  EXPECT_EQ(server.request_count(), 0);
}

TEST(Init, WritesAProfileThatLintsCleanAndRunsAgainstTheSimulator) {
  const int port = free_port();
  BackgroundApiconform sim({"serve", "--port", std::to_string(port), "--key", "sk-e2e-init-key-000000000"});
  ASSERT_TRUE(wait_for_port(port, 20)) << "the simulator did not start";
  TempDir dir;
  const std::string url = "http://127.0.0.1:" + std::to_string(port);
  ProcessResult init = run_apiconform({"init", "my-gw", "--base-url", url + "/", "--key-env", "MY_GW_KEY", "--auth",
                                       "bearer", "--model", "claude-haiku-4-5"},
                                      {}, dir.path());
  ASSERT_EQ(init.exit_code, 0) << init.out << init.err;
  const std::string profile = read_file(dir.file("providers/my-gw.yaml"));
  EXPECT_NE(profile.find("base_url: \"" + url + "\"\n"), std::string::npos) << profile;  // trailing / dropped
  EXPECT_NE(profile.find("auth: bearer"), std::string::npos) << profile;
  EXPECT_NE(profile.find("key_env: MY_GW_KEY"), std::string::npos) << profile;
  EXPECT_NE(profile.find("small_model: \"claude-haiku-4-5\""), std::string::npos) << profile;
  EXPECT_NE(profile.find("\n# "), std::string::npos) << "commented";

  ProcessResult lint = run_apiconform({"lint", "--provider", dir.file("providers/my-gw.yaml")});
  EXPECT_EQ(lint.exit_code, 0) << lint.out << lint.err;
  EXPECT_NE(lint.out.find("1 provider profiles"), std::string::npos) << lint.out;

  ProcessResult run = run_apiconform({"run", "--provider", dir.file("providers/my-gw.yaml"), "--case",
                                      "messages.basic*", "--out", dir.file("out"), "--no-progress"},
                                     {{"MY_GW_KEY", "sk-e2e-init-key-000000000"}});
  EXPECT_EQ(run.exit_code, 0) << run.out << run.err;
  ResultsFile file = read_results_or_fail(dir.file("out/results.json"));
  ASSERT_FALSE(file.results.empty());
  for (const auto& result : file.results) {
    EXPECT_EQ(result.provider, "my-gw");
    EXPECT_EQ(result.verdict, Verdict::Pass) << result.case_id << ": " << result.reason;
  }
}

TEST(Init, RefusesToOverwriteAndChecksItsInput) {
  TempDir dir;
  dir.write("providers/gw.yaml", "keep me\n");
  ProcessResult again = run_apiconform({"init", "gw", "--base-url", "https://gw.example", "--key-env", "K"}, {}, dir.path());
  EXPECT_EQ(again.exit_code, 2);
  EXPECT_NE(again.err.find("--force"), std::string::npos) << again.err;
  EXPECT_EQ(read_file(dir.file("providers/gw.yaml")), "keep me\n");
  ProcessResult bad_url = run_apiconform({"init", "x", "--base-url", "gw.example", "--key-env", "K"}, {}, dir.path());
  EXPECT_EQ(bad_url.exit_code, 2);
  EXPECT_NE(bad_url.err.find("http://"), std::string::npos) << bad_url.err;
  ProcessResult no_key = run_apiconform({"init", "y", "--base-url", "https://gw.example"}, {}, dir.path());
  EXPECT_EQ(no_key.exit_code, 2);
  EXPECT_NE(no_key.err.find("--key-env"), std::string::npos) << no_key.err;
}

}  // namespace
}  // namespace ac::test
