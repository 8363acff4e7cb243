#include <gtest/gtest.h>

#include "check/settle.hpp"

namespace ac {
namespace {

Expectation expectation() {
  Expectation e;
  e.where = {"cases/x.yaml", 10, 3};
  e.schema_where = {"cases/x.yaml", 12, 5};
  e.stream = StreamExpectation{};
  e.stream->where = {"cases/x.yaml", 14, 5};
  return e;
}

TEST(SettleFindings, GivesCodePlaceAndTheTablesSeverity) {
  Findings findings{{"status", "", "400", "200", "accepted", Severity::Breaking},
                    {"schema", "", "property \"stop_sequence\"", "{}", "missing", Severity::Breaking},
                    {"stream-grammar", "/events/3", "", "", "no event line", Severity::Cosmetic}};
  findings[1].rule = "required";
  findings[2].rule = "unnamed";
  settle_findings(expectation(), findings);
  EXPECT_EQ(findings[0].code, "status:400\xE2\x86\x92" "200");
  EXPECT_EQ(findings[0].severity, Severity::Lenient) << "graded by the table, not the check";
  EXPECT_EQ(findings[0].where.line, 10);
  EXPECT_EQ(findings[1].code, "schema.required:/stop_sequence");
  EXPECT_EQ(findings[1].severity, Severity::Cosmetic);
  EXPECT_EQ(findings[1].where.line, 12) << "a schema finding points at `schema:`";
  EXPECT_EQ(findings[2].severity, Severity::Breaking);
  EXPECT_EQ(findings[2].where.line, 14) << "a stream finding points at `stream:`";
}

TEST(SettleFindings, KeepsWhatTheCheckKnewAndWarnings) {
  Findings findings{{"json", "/stop_reason", "\"end_turn\"", "null", "differs", Severity::Cosmetic},
                    {"unknown-field", "/extra", "", "", "unknown", Severity::Warning}};
  findings[0].rule = "equals";
  findings[0].where = {"cases/y.yaml", 40, 7};
  settle_findings(expectation(), findings);
  EXPECT_EQ(findings[0].severity, Severity::Cosmetic) << "no table row: the case's own severity";
  EXPECT_EQ(findings[0].where.line, 40);
  EXPECT_EQ(findings[1].severity, Severity::Warning);
  EXPECT_EQ(verdict_of(findings), Verdict::Fail);
  findings.erase(findings.begin());
  EXPECT_EQ(verdict_of(findings), Verdict::Pass) << "a warning never fails a case";
}

}  // namespace
}  // namespace ac
