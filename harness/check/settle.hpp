#pragma once
#include "model/case.hpp"
#include "model/result.hpp"

namespace ac {

// The one place a finding gets its code, the place of the expectation that produced it and its
// severity, and the one place a case's verdict is computed from its findings
// (docs/reports.md, "Finding codes").
//
// settle_findings: for each finding not settled yet, sets `where` (when the check left it empty:
// the stream block for stream findings, `schema:` for schema findings, else the `expect:` block),
// `code` (model/finding_code.hpp), and the severity the table gives the code
// (model/severity_table.hpp); a code the table has no row for keeps the expectation's own.
void settle_findings(const Expectation& expect, Findings& findings);

// fail when any finding fails its case (every severity but warning), else pass.
Verdict verdict_of(const Findings& findings);

}  // namespace ac
