#pragma once
#include "model/result.hpp"
#include "redact/redactor.hpp"

namespace ac {

// Every text of a result that came from, or was built from, what an endpoint sent: headers,
// body, events (names and data), findings (all their fields), reasons, attempts and steps. Run on
// each result as it leaves the executor, on the whole texts before any report cuts them, so
// results.json and everything rendered from it start clean (docs/secrets.md).
void redact_result(Result& result, const Redactor& redactor);

// The part of it that concerns one reply, run before a later step captures values from it.
void redact_response(Exchange& exchange, const Redactor& redactor);

}  // namespace ac
