#pragma once
#include <string>

#include "model/case.hpp"

namespace ac {

// What `value` means for an assertion of `kind` (model/case.hpp, JsonExpectation::value): the JSON
// value of Equals, the list of OneOf, the type names of Type, the header name of SameAsHeader.
// Text that does not read as the kind needs leaves the part empty; the check then says so, as it
// did when it read the text itself.
ExpectedValue read_expected_value(JsonCheckKind kind, const std::string& value);

// Reads `a.value` into `a.expected`, once its text is final.
void read_expected_value(JsonExpectation& a);

}  // namespace ac
