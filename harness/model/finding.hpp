#pragma once
#include <string>
#include <utility>
#include <vector>

#include "model/source_location.hpp"

namespace ac {

// What a difference means for clients (docs/reports.md, "Severity"; the table that grades each
// finding code is model/severity_table.cpp). Breaking: an official SDK raises or silently loses
// data. Cosmetic: differs from the API but clients keep working. Lenient: the endpoint accepts
// what the API refuses (clients keep working; whoever relies on the API's validation does not).
// Warning: worth a look, never fails a case (e.g. an unknown response field).
enum class Severity { Breaking, Cosmetic, Warning, Lenient };

struct Finding {
  Finding() = default;
  // What every check knows; rule, code and where are filled in later (check/settle.hpp).
  Finding(std::string check_, std::string pointer_, std::string expected_, std::string actual_, std::string message_,
          Severity severity_ = Severity::Breaking)
      : check(std::move(check_)), pointer(std::move(pointer_)), expected(std::move(expected_)),
        actual(std::move(actual_)), message(std::move(message_)), severity(severity_) {}

  std::string check;    // which check produced it: status, header, schema, json, stream-grammar...
  std::string pointer;  // JSON pointer into the response (or "/events/3/data/index" for streams)
  std::string expected;
  std::string actual;
  std::string message;  // one line a person can act on
  Severity severity = Severity::Breaking;
  // The kind of expectation that failed, in a stable word set by the check: a schema keyword
  // ("required"), an assertion kind ("matches"), a header match ("present"), a stream rule key.
  std::string rule;
  // The stable code of this finding (model/finding_code.hpp), independent of the message's
  // wording: the same code on two runs or two cases is the same deviation.
  std::string code;
  SourceLocation where;  // the expectation (case file, grammar) that produced it; line 0 = unknown
};

using Findings = std::vector<Finding>;

const char* to_string(Severity s);
bool parse_severity(const std::string& text, Severity& out);
// 0 for the worst (breaking), then lenient, cosmetic, warning: for sorting and "the worst of".
int severity_rank(Severity s);
// True when a finding of this severity fails its case (every one but a warning).
inline bool fails_case(Severity s) { return s != Severity::Warning; }

}  // namespace ac
