// User story: an API key never leaves the process, even when a hostile server echoes it back.
#include <gtest/gtest.h>

#include <filesystem>

#include "e2e_helpers.hpp"
#include "redact/encodings.hpp"
#include "redact/redactor.hpp"
#include "support/local_server.hpp"

namespace ac::test {
namespace {

const std::string kCanary = "sk-ant-CANARY-7f3a9c1e5b2d4680";

// Every file the run wrote, and what it printed.
std::vector<std::pair<std::string, std::string>> all_outputs(const std::string& dir, const ProcessResult& r) {
  std::vector<std::pair<std::string, std::string>> out{{"stdout", r.out}, {"stderr", r.err}};
  for (const auto& entry : std::filesystem::recursive_directory_iterator(dir))
    if (entry.is_regular_file()) out.emplace_back(entry.path().string(), read_file(entry.path().string()));
  return out;
}

// A multi-step case that captures what the server echoed and sends it on: later steps, their
// curl lines and exchange.steps must stay secret-free too.
const char* kCarryTheEcho = R"(id: probe.carry-echo
feature: messages.basic
steps:
  - request: {endpoint: messages, json: {model: "{{model}}", max_tokens: 8, messages: [{role: user, content: hi}]}}
    expect: {status: 401}
    capture: {echoed: /error/message, echoed_header: "header:X-Echo-Key"}
  - request:
      endpoint: messages
      headers: {x-echo: "{{echoed_header}}"}
      json: {model: "{{model}}", max_tokens: 8, messages: [{role: user, content: "{{echoed}}"}]}
    expect: {status: 401}
)";

TEST(Secrets, TheKeyAppearsInNoOutputInAnyEncoding) {
  // The server echoes the key back in a header, in the body, plain, base64 and URL-encoded.
  LocalServer server([](const RecordedRequest& request) {
    std::string key = find_header(request.headers, "x-api-key").value_or("");
    std::string body = R"({"type":"error","error":{"type":"authentication_error","message":"bad key )" + key +
                       " b64:" + base64_encode("user:" + key) + " url:" + url_encode(key) + R"("}})";
    return Script::json(401, body, {{"X-Echo-Key", key}, {"Set-Cookie", "k=" + base64_encode(key)}});
  });
  TempDir dir;
  dir.write("cases/basic.yaml", kBasicCase);
  dir.write("cases/steps.yaml", kCarryTheEcho);
  ProcessResult r = run_apiconform({"run", "--base-url", server.base_url(), "--key-env", "CANARY_KEY", "--cases",
                                    dir.file("cases"), "--out", dir.file("out"), "--format", "html,md,junit",
                                    "--no-progress", "--no-preflight"},
                                   {{"CANARY_KEY", kCanary}});
  ASSERT_EQ(r.exit_code, 1) << r.out << r.err;
  ASSERT_EQ(find_header(server.last_request().headers, "x-api-key").value_or(""), kCanary);
  // The multi-step case ran both steps; what it carried over had been redacted already.
  ASSERT_EQ(server.request_count(), 3);
  for (const auto& request : server.requests()) {
    EXPECT_EQ(request.body.find(kCanary), std::string::npos) << request.body;
    EXPECT_EQ(find_header(request.headers, "x-echo").value_or("").find(kCanary), std::string::npos);
  }
  std::vector<std::string> forms{kCanary, base64_encode(kCanary), url_encode(kCanary),
                                 base64_encode("user:" + kCanary).substr(8, 24)};
  for (const auto& [name, text] : all_outputs(dir.file("out"), r)) {
    for (const auto& form : forms) EXPECT_EQ(text.find(form), std::string::npos) << form << " leaked into " << name;
  }
  // The person still learns which variable to set to reproduce it.
  EXPECT_NE(r.out.find("$CANARY_KEY"), std::string::npos);
}

TEST(Secrets, AnAdHocBaseUrlSendsOnlyTheKeyItIsToldTo) {
  LocalServer server;
  TempDir dir;
  dir.write("cases/basic.yaml", kBasicCase);
  const std::map<std::string, std::string> env{{"ANTHROPIC_API_KEY", kCanary}};
  // No --key-env: the official profile's variable is not sent anywhere; nothing is sent at all.
  ProcessResult r = run_apiconform({"run", "--base-url", server.base_url(), "--cases", dir.file("cases"), "--out",
                                    dir.file("out"), "--no-progress"},
                                   env);
  EXPECT_EQ(r.exit_code, 2) << r.out << r.err;
  EXPECT_EQ(server.request_count(), 0);
  EXPECT_NE(r.err.find("--base-url needs --key-env NAME"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("--auth none"), std::string::npos) << r.err;
  // --auth none: requests go out with no key in any header.
  r = run_apiconform({"run", "--base-url", server.base_url(), "--auth", "none", "--cases", dir.file("cases"), "--out",
                      dir.file("out"), "--no-progress", "--no-preflight"},
                     env);
  ASSERT_EQ(server.request_count(), 1) << r.out << r.err;
  for (const auto& h : server.last_request().headers) EXPECT_EQ(h.value.find(kCanary), std::string::npos) << h.name;
  EXPECT_FALSE(find_header(server.last_request().headers, "x-api-key"));
}

}  // namespace
}  // namespace ac::test
