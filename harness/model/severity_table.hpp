#pragma once
#include <string>
#include <vector>

#include "model/finding.hpp"

namespace ac {

// One row of the severity table: the finding codes it covers (a pattern where `*` stands for any
// text), what they mean for clients, and why, in one line. The reasons are what the official
// TypeScript SDK does with such a reply; tests/sdk/ checks them against the SDK itself.
struct SeverityRule {
  std::string pattern;
  Severity severity;
  std::string reason;
};

// Every row, first match wins (docs/reports.md, "Severity").
const std::vector<SeverityRule>& severity_table();

// The first row whose pattern matches `code`, or null: the finding then keeps the severity its
// expectation declared (`severity:` in the case file, or the grammar's).
const SeverityRule* severity_rule_for(const std::string& code);

// `*` matches any run of characters (including none); everything else matches itself.
bool code_matches(const std::string& pattern, const std::string& code);

}  // namespace ac
