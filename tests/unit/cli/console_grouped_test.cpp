// Issue 12: the console prints failures per deviation (one block, its cases listed, one curl
// line), not per case: 150 cases failing on one root cause are one block.
#include <sstream>
#include <string>

#include <gtest/gtest.h>

#include "cli/console.hpp"
#include "results/deviations.hpp"

namespace ac {
namespace {

Result failed(const std::string& id, const std::string& code) {
  Result r;
  r.case_id = id;
  r.provider = "gw";
  r.feature = "messages.basic";
  r.verdict = Verdict::Fail;
  Finding f{"status", "", "200", "201", "expected HTTP 200, got 201", Severity::Cosmetic};
  f.code = code;
  f.where = {"cases/anthropic/messages-basic.yaml", 12, 7};
  r.findings.push_back(f);
  r.exchange.request.curl = "curl -sS 'http://gw/" + id + "'";
  return r;
}

TEST(ConsoleGrouped, OneBlockPerDeviationWithItsCasesAndOneCurlLine) {
  ResultsFile file;
  for (int i = 0; i < 12; ++i) file.results.push_back(failed("case" + std::to_string(i), "status:200\xE2\x86\x92" "201"));
  Result error;
  error.case_id = "errored";
  error.provider = "gw";
  error.verdict = Verdict::Error;
  error.reason = "connection refused";
  file.results.push_back(error);
  std::ostringstream out;
  Console console(out, ConsoleOptions{});
  console.begin(file.results.size());
  for (const auto& r : file.results) console.on_result(r);
  console.end({}, Summary{}, "report.html", find_deviations(file));
  const std::string text = out.str();
  const std::string block = text.substr(text.find("\nCOSMETIC D1 status:200\xE2\x86\x92" "201 @ gw  (messages.basic)\n"));
  EXPECT_NE(block.find("  12 cases in 1 feature: case0, case1, case10, case11, case2, case3, case4, case5, ... and 4 more\n"),
            std::string::npos)
      << text;
  EXPECT_NE(block.find("  e.g. case0: expected 200, got 201  (cases/anthropic/messages-basic.yaml:12)\n"), std::string::npos)
      << text;
  EXPECT_NE(block.find("  why cosmetic: any 2xx is a success"), std::string::npos) << text;
  // One reproduce line for the deviation (the example's), not one per case.
  std::size_t curls = 0;
  for (auto at = text.find("reproduce: "); at != std::string::npos; at = text.find("reproduce: ", at + 1)) ++curls;
  EXPECT_EQ(curls, 1u) << text;
  EXPECT_EQ(text.find("FAIL case1 @ gw  ("), std::string::npos) << "no per-case block for a grouped failure";
  EXPECT_NE(text.find("ERROR errored @ gw"), std::string::npos) << "errors have no deviation: still per case";
}

}  // namespace
}  // namespace ac
