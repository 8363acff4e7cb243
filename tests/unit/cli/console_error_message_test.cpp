// Under every unexpected status the console quotes the error's own message, cut to one line.
#include <sstream>
#include <string>

#include <gtest/gtest.h>

#include "cli/console.hpp"
#include "model/finding_code.hpp"
#include "results/deviations.hpp"

namespace ac {
namespace {

Result rejected(int status, const std::string& body, bool status_finding) {
  Result r;
  r.case_id = "messages.basic-text";
  r.provider = "gw";
  r.verdict = Verdict::Fail;
  r.exchange.status = status;
  r.exchange.body = body;
  if (status_finding)
    r.findings.push_back(Finding{"status", "", "200", std::to_string(status), "expected HTTP 200, got 400", Severity::Breaking});
  else
    r.findings.push_back(Finding{"json", "/type", "\"message\"", "absent", "missing", Severity::Breaking});
  return r;
}

std::string console_of(Result r) {
  for (auto& f : r.findings) f.code = finding_code(f);
  ResultsFile file;
  file.results = {r};
  std::ostringstream out;
  Console console(out, ConsoleOptions{});
  console.begin(1);
  console.on_result(r);
  console.end({}, Summary{}, "", find_deviations(file));
  return out.str();
}

TEST(ConsoleErrorMessage, AnUnexpectedStatusShowsTheErrorsOwnMessage) {
  std::string text = console_of(rejected(
      400, R"({"type":"error","error":{"type":"invalid_request_error","message":"model: vendor/x is not served"}})", true));
  EXPECT_NE(text.find("  error message: invalid_request_error: model: vendor/x is not served\n"), std::string::npos)
      << text;
}

TEST(ConsoleErrorMessage, GatewayShapesAndPlainTextAreQuotedToo) {
  EXPECT_NE(console_of(rejected(404, R"({"error":{"message":"no route"}})", true)).find("error message: no route\n"),
            std::string::npos);
  EXPECT_NE(console_of(rejected(502, "<html>\nBad\tGateway</html>", true)).find("error message: <html> Bad Gateway</html>\n"),
            std::string::npos);
}

TEST(ConsoleErrorMessage, ALongMessageIsCutToOneLine) {
  std::string text = console_of(rejected(400, R"({"error":{"message":")" + std::string(5000, 'x') + "\"}}", true));
  auto at = text.find("error message: ");
  ASSERT_NE(at, std::string::npos);
  std::string line = text.substr(at, text.find('\n', at) - at);
  EXPECT_LT(line.size(), 400u);
  EXPECT_NE(line.find("…"), std::string::npos);
}

TEST(ConsoleErrorMessage, NoMessageWhenTheStatusWasTheExpectedOne) {
  EXPECT_EQ(console_of(rejected(200, R"({"error":{"message":"odd"}})", false)).find("error message"), std::string::npos);
}

}  // namespace
}  // namespace ac
