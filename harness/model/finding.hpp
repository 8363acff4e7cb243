#pragma once
#include <string>
#include <vector>

namespace ac {

// Breaking: an official SDK or typical client fails on it. Cosmetic: differs from the API but
// clients keep working. Warning: worth a look, never fails a case (e.g. unknown response field).
enum class Severity { Breaking, Cosmetic, Warning };

struct Finding {
  std::string check;    // which check produced it: status, header, schema, json, stream-grammar...
  std::string pointer;  // JSON pointer into the response (or "/events/3/data/index" for streams)
  std::string expected;
  std::string actual;
  std::string message;  // one line a person can act on
  Severity severity = Severity::Breaking;
};

using Findings = std::vector<Finding>;

const char* to_string(Severity s);

}  // namespace ac
