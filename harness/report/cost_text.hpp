#pragma once
#include <string>

#include "results/results_file.hpp"

namespace ac {

// "180 requests, 2762 input tokens, 698 output tokens; canceled 1 batch it created" — what a run
// spent at one provider, in the same words on the console and in every report.
std::string cost_text(const ProviderCost& cost);

// "the token budget of 500 tokens was reached (1015 spent): 132 cases not run", or "" when the
// budget was not reached.
std::string budget_text(const RunCost& cost);

// The provider's cost in `cost`, or null.
const ProviderCost* cost_of(const RunCost& cost, const std::string& provider);

}  // namespace ac
