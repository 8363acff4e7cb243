#pragma once
#include <string>
#include <vector>

#include "results/baseline_diff.hpp"

namespace ac {

// The comparison with a baseline as every report opens with it (docs/baselines.md), in plain
// text; each format escapes it. A report holds at most this many lines of each list.
inline constexpr std::size_t kComparisonLines = 15;

// "new · breaking · status:200→400 (now D3, aimlapi) — 17 cases: a, b, c, …"
std::string deviation_change_text(const DeviationChange& d);

// "worse · messages.basic-text (aimlapi) · pass -> fail, HTTP 200 -> 400 · +status:200→400"
std::string case_change_text(const CaseChange& c, const std::string& provider);

// Every deviation change of every provider, and every case change present on both sides, in order.
std::vector<const DeviationChange*> all_deviation_changes(const BaselineDiff& diff);
std::vector<std::pair<const CaseChange*, const std::string*>> all_case_changes(const BaselineDiff& diff);

}  // namespace ac
