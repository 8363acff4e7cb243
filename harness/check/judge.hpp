#pragma once
#include "check/check_input.hpp"
#include "check/settle.hpp"
#include "model/result.hpp"

namespace ac {

// Runs every check on one exchange (parsing the body once) and returns their findings.
Findings judge_exchange(const Expectation& expect, const Exchange& exchange, const SchemaRegistry& schemas,
                        const rapidjson::Value* folded, bool strict);

}  // namespace ac
