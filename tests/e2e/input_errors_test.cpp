// User story: a broken case file is reported like a compiler error before anything is sent.
#include <gtest/gtest.h>

#include "e2e_helpers.hpp"

namespace ac::test {
namespace {

TEST(InputErrors, LintLocatesAnUnknownKeyWithAHintAndExits2) {
  TempDir dir;
  std::string file = dir.write("cases/bad.yaml",
                               "id: bad.case\ntitle: t\nfeature: f\nrequest:\n  endpoint: messages\nexpcet:\n  status: 200\n");
  ProcessResult r = run_apiconform({"lint", dir.file("cases")});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find(file + ":6:1:"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("expect"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("^"), std::string::npos) << r.err;
}

TEST(InputErrors, RunRefusesToSendAnythingWhenACaseIsBroken) {
  TempDir dir;
  dir.write("cases/bad.yaml", "id: bad.case\ntitle: [unclosed\n");
  ProcessResult r = run_apiconform({"run", "--cases", dir.file("cases"), "--out", dir.file("out")});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("bad.yaml:"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("nothing was sent"), std::string::npos) << r.err;
}

TEST(InputErrors, LintAcceptsTheShippedSuite) {
  ProcessResult r = run_apiconform({"lint"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("no problems"), std::string::npos);
}

TEST(InputErrors, UsageErrorsExit2AndHelpExits0) {
  EXPECT_EQ(run_apiconform({"run", "--jobs", "0"}).exit_code, 2);
  EXPECT_EQ(run_apiconform({"frobnicate"}).exit_code, 2);
  ProcessResult help = run_apiconform({"run", "--help"});
  EXPECT_EQ(help.exit_code, 0);
  EXPECT_NE(help.out.find("--base-url"), std::string::npos);
}

TEST(InputErrors, AnUnknownProviderListsTheAvailableOnes) {
  ProcessResult r = run_apiconform({"run", "--provider", "no-such-provider"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("reference"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace ac::test
