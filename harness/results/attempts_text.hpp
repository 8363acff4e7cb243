#pragma once
#include <string>

#include "model/exchange.hpp"

namespace ac {

// "429 → waited 0.5 s → 429 → waited 1.0 s → 200": how a retried request went, for reports.
// Empty when the request was not retried.
std::string attempts_text(const Exchange& exchange);

}  // namespace ac
