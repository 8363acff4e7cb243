#include "check/settle.hpp"

#include "model/finding_code.hpp"
#include "model/severity_table.hpp"

namespace ac {
namespace {

bool from_stream(const Finding& f) { return f.check == "sse" || f.check.rfind("stream-", 0) == 0; }

const SourceLocation& expectation_of(const Expectation& expect, const Finding& f) {
  if (from_stream(f) && expect.stream) return expect.stream->where.file.empty() ? expect.where : expect.stream->where;
  if ((f.check == "schema" || f.check == "unknown-field") && !expect.schema_where.file.empty()) return expect.schema_where;
  if (f.check == "lines" && expect.lines) return expect.lines->where;
  return expect.where;
}

}  // namespace

void settle_findings(const Expectation& expect, Findings& findings) {
  for (auto& f : findings) {
    if (!f.code.empty()) continue;  // settled already (a step's findings, then the sequence's)
    if (f.where.file.empty()) f.where = expectation_of(expect, f);
    f.code = finding_code(f);
    // Warnings stay warnings: they never fail a case, whatever their code.
    if (f.severity == Severity::Warning) continue;
    if (const SeverityRule* row = severity_rule_for(f.code)) f.severity = row->severity;
  }
}

Verdict verdict_of(const Findings& findings) {
  for (const auto& f : findings)
    if (fails_case(f.severity)) return Verdict::Fail;
  return Verdict::Pass;
}

}  // namespace ac
