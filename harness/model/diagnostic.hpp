#pragma once
#include <string>
#include <vector>

#include "model/source_location.hpp"

namespace ac {

// A problem in an input file (case, provider, schema, grammar), reported like a compiler error.
struct Diagnostic {
  SourceLocation where;
  std::string message;
  std::string hint;  // e.g. "did you mean `expect`?"; empty when there is none
};

using Diagnostics = std::vector<Diagnostic>;

// "file:line:col: error: message", the offending line, a caret under the column, then the hint.
// Reads the file again to show the line, so diagnostics stay small.
std::string format_diagnostic(const Diagnostic& d);

}  // namespace ac
