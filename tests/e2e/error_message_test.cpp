// User story: a gateway refuses the suite's requests; the console says why in the gateway's own
// words under each unexpected status, without ever showing the key it echoes back.
#include <gtest/gtest.h>

#include "e2e_helpers.hpp"
#include "support/local_server.hpp"

namespace ac::test {
namespace {

TEST(ConsoleErrorMessage, TheRefusalsOwnMessageIsShownAndTheEchoedKeyIsNot) {
  const std::string key = "sk-e2e-echoed-key-1234567890";
  LocalServer server([&](const RecordedRequest& request) {
    if (request.body.find("\"max_tokens\":1,") != std::string::npos) return Script::json(200, "{}");  // preflight
    return Script::json(400, R"x({"type":"error","error":{"type":"invalid_request_error","message":"configuration_error: )x"
                             R"x(model claude-sonnet-4-5 not in route table (key )x" +
                                 key + R"x()"}})x");
  });
  TempDir dir;
  dir.write("cases/basic.yaml", kBasicCase);
  ProcessResult r = run_apiconform({"run", "--base-url", server.base_url(), "--key-env", "E2E_KEY", "--cases",
                                    dir.file("cases"), "--out", dir.file("out"), "--no-progress"},
                                   {{"E2E_KEY", key}});
  EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
  EXPECT_NE(r.out.find("error message: invalid_request_error: configuration_error: model claude-sonnet-4-5 not in "
                       "route table (key [REDACTED])"),
            std::string::npos)
      << r.out;
  EXPECT_EQ(r.out.find(key), std::string::npos) << r.out;
}

}  // namespace
}  // namespace ac::test
