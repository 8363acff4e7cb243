#pragma once
#include <string>
#include <vector>

#include "results/deviation.hpp"
#include "results/results_file.hpp"

namespace ac {

// Words about deviations shared by every format (docs/reports.md, "Deviations").

// The deviations of one provider, in report order (breaking first, then reach).
std::vector<const Deviation*> deviations_of(const ResultsFile& file, const std::string& provider);

// "17 cases in 7 features" / "set-up" for a deviation with no case; "(declared)" appended when
// the profile declares every case showing it.
std::string reach_text(const Deviation& d);

// "expected X, got Y" of the example, values cut to `max_bytes`.
std::string example_text(const Deviation& d, std::size_t max_bytes = 80);

// The official API's endpoint and auth, and a provider's, for the set-up columns.
std::string setup_text(const ProviderRun& p);  // "/messages · bearer"; "" when unknown
std::string official_setup_text();              // "/v1/messages · x-api-key"

}  // namespace ac
