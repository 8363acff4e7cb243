#include <gtest/gtest.h>

#include "model/severity_table.hpp"

namespace ac {
namespace {

Severity graded(const std::string& code) {
  const SeverityRule* row = severity_rule_for(code);
  EXPECT_NE(row, nullptr) << code;
  return row ? row->severity : Severity::Warning;
}

TEST(SeverityTable, EveryRowHasOneLineOfReason) {
  for (const auto& row : severity_table()) {
    EXPECT_FALSE(row.reason.empty()) << row.pattern;
    EXPECT_EQ(row.reason.find('\n'), std::string::npos) << row.pattern;
    EXPECT_NE(row.severity, Severity::Warning) << row.pattern << ": a table row grades a deviation";
  }
}

TEST(SeverityTable, PatternsMatchWithStars) {
  EXPECT_TRUE(code_matches("status:4*", "status:400"));
  EXPECT_TRUE(code_matches("header.*:request-id", "header.present:request-id"));
  EXPECT_FALSE(code_matches("header.*:request-id", "header.present:request-ids"));
  EXPECT_TRUE(code_matches("*", ""));
  EXPECT_FALSE(code_matches("a*b*c", "abx"));
}

// The examples (issue 12, "Severity does not match what clients do").
TEST(SeverityTable, GradesByWhatClientsDo) {
  EXPECT_EQ(graded("header.present:request-id"), Severity::Cosmetic);
  EXPECT_EQ(graded("json.matches:/id"), Severity::Cosmetic);
  EXPECT_EQ(graded("stream.schema.required:message_delta/delta/stop_sequence"), Severity::Cosmetic);
  EXPECT_EQ(graded("status:400\xE2\x86\x92" "200"), Severity::Lenient);
  EXPECT_EQ(graded("status:200\xE2\x86\x92" "201"), Severity::Cosmetic);
  EXPECT_EQ(graded("status:200\xE2\x86\x92" "400"), Severity::Breaking);
  EXPECT_EQ(graded("stream.unnamed"), Severity::Breaking);
  EXPECT_EQ(graded("setup.auth:bearer"), Severity::Breaking);
  EXPECT_EQ(severity_rule_for("json.equals:/stop_reason"), nullptr) << "the case decides";
}

}  // namespace
}  // namespace ac
