#pragma once
#include "check/check_input.hpp"
#include "model/result.hpp"

namespace ac {

// Runs every check on one exchange (parsing the body once) and returns their findings.
Findings judge_exchange(const Expectation& expect, const Exchange& exchange, const SchemaRegistry& schemas,
                        const rapidjson::Value* folded, bool strict);

// pass when no finding is breaking or cosmetic; warnings never fail a case.
Verdict verdict_of(const Findings& findings);

}  // namespace ac
