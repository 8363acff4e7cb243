#pragma once
#include <string>

#include "model/finding.hpp"

namespace ac {

// The stable code of a finding: check kind, normalised location and expectation, never the
// message's wording or the actual value (ids, counts and timestamps change on every call).
// Examples: `status:400→200`, `header.present:request-id`, `json.matches:/id`,
// `schema.required:/stop_sequence`, `stream.schema.required:message_delta/usage/output_tokens`,
// `stream.end:message_stop-missing`. The one place codes are made (docs/reports.md, "Finding
// codes"); the severity table (model/severity_table.hpp) grades them.
std::string finding_code(const Finding& f);

// A JSON pointer with its array indexes replaced by `*` (`/content/0/text` -> `/content/*/text`),
// so the same field of another element, event or block is the same location.
std::string normalise_pointer(const std::string& pointer);

// "file:line" of where a finding's expectation was written, or "" when unknown.
std::string where_text(const SourceLocation& where);
// The reverse of where_text ("cases/x.yaml:12" -> file and line).
SourceLocation parse_where(const std::string& text);

}  // namespace ac
