#pragma once
#include "check/check_input.hpp"
#include "check/settle.hpp"
#include "model/result.hpp"

namespace ac {

// Runs every check on one exchange (parsing the body once) and returns their findings.
// `request_body` is the body as sent, whole (exchange.request keeps only an excerpt), less any
// padding (PreparedRequest::pad_to).
Findings judge_exchange(const Expectation& expect, const Exchange& exchange, const SchemaRegistry& schemas,
                        const rapidjson::Value* folded, bool strict, std::string_view request_body = {});

}  // namespace ac
