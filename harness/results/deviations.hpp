#pragma once
#include <set>
#include <string>
#include <vector>

#include "results/case_outcome.hpp"
#include "results/results_file.hpp"

namespace ac {

// Groups the failing findings of every provider by code (docs/reports.md, "Deviations"):
// - a finding counts when it fails its case (not a warning) in a result whose verdict is fail or
//   known (a declared deviation is still one, and is marked `declared`);
// - the severity is the worst its findings carry; the example is the first case's first finding;
// - the owner is the feature where it touches the largest share of that feature's applicable
//   cases (then the most cases, then the first name);
// - a provider whose Messages path or auth scheme differs from the official API's gets a
//   `setup.path:` / `setup.auth:` deviation with no case: an SDK client with default settings
//   cannot reach it.
// Sorted per provider: breaking, lenient, cosmetic; then features touched, cases, code; ids D1...
std::vector<Deviation> find_deviations(const ResultsFile& file);

// The codes of the failing findings of a case outcome (every repeat).
std::set<std::string> failing_codes(const ResultsFile& file, const CaseOutcome& c);

// The deviation of `provider` with `code`, or null.
const Deviation* find_deviation(const std::vector<Deviation>& all, const std::string& provider, const std::string& code);

// The official API's Messages path and auth scheme, which provider set-ups are compared with.
inline constexpr const char* kOfficialMessagesPath = "/v1/messages";
inline constexpr const char* kOfficialAuth = "x-api-key";

}  // namespace ac
