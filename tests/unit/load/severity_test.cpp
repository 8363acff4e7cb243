#include <gtest/gtest.h>

#include "load/case_loader.hpp"
#include "load_test_util.hpp"

namespace ac {
namespace {

using testing::dump;
using testing::has_diag;
using testing::TempDir;

TEST(Severity, AnAssertionMappingMayNameItsSeverity) {
  TempDir dir;
  std::string file = dir.write("c.yaml",
                               "id: a\nfeature: f\nrequest: {endpoint: models}\nexpect:\n"
                               "  headers:\n    request-id: {present: true, severity: cosmetic}\n"
                               "  json:\n    /model: {matches: \"^claude\", type: string, severity: warning}\n"
                               "    /type: list\n");
  std::vector<Case> cases;
  Diagnostics diags = load_cases({file}, cases);
  ASSERT_TRUE(diags.empty()) << dump(diags);
  ASSERT_EQ(cases.size(), 1u);
  const Expectation& e = cases[0].expect;
  ASSERT_EQ(e.headers.size(), 1u);
  EXPECT_EQ(e.headers[0].severity, Severity::Cosmetic);
  ASSERT_EQ(e.json.size(), 3u);
  EXPECT_EQ(e.json[0].severity, Severity::Warning);  // both assertions of the mapping
  EXPECT_EQ(e.json[1].severity, Severity::Warning);
  EXPECT_EQ(e.json[2].severity, Severity::Breaking);  // the default
}

TEST(Severity, AnUnknownSeverityIsLocatedWithAHint) {
  TempDir dir;
  std::string file = dir.write("c.yaml",
                               "id: a\nfeature: f\nrequest: {endpoint: models}\nexpect:\n"
                               "  json:\n    /model: {type: string, severity: cosmetik}\n");
  std::vector<Case> cases;
  Diagnostics diags = load_cases({file}, cases);
  EXPECT_TRUE(has_diag(diags, file, 6, 38, "`severity` must be breaking, cosmetic or warning"));
  ASSERT_FALSE(diags.empty());
  EXPECT_NE(diags[0].hint.find("cosmetic"), std::string::npos) << dump(diags);
}

TEST(Severity, SeverityAloneIsNoAssertion) {
  TempDir dir;
  std::string file = dir.write("c.yaml",
                               "id: a\nfeature: f\nrequest: {endpoint: models}\nexpect:\n"
                               "  json:\n    /model: {severity: cosmetic}\n");
  std::vector<Case> cases;
  EXPECT_TRUE(has_diag(load_cases({file}, cases), file, 6, 13, "no assertion for `/model`"));
}

}  // namespace
}  // namespace ac
