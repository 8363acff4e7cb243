#pragma once
#include <string>

namespace ac::sim {

// A JSON object (as text) that validates against `input_schema_json`, built deterministically:
// every `required` property gets a value of its declared type (`const`, then the first `enum`
// value, then a typed default that honours minimum/maximum, minLength/maxLength and minItems;
// the first branch of anyOf/oneOf; a recognised `format`). Optional properties are left out.
// Not honoured: `pattern`, `$ref`, `not`, dependencies (documented in docs/simulator.md).
std::string tool_input_json(const std::string& input_schema_json);

}  // namespace ac::sim
