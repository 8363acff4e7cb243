#pragma once
#include <string>

#include "results/results_file.hpp"

namespace ac {

// Upstream mode: "### Through the gateway", one table row per case that ran through a gateway
// (client request -> forwarded -> upstream reply -> answer, the finding codes on the arrow where
// they happened, report/upstream_flow.hpp), failing cases first and capped so a pull-request
// comment stays readable; then the forwarded requests no case claimed. "" for a run without --upstream.
std::string markdown_upstream_section(const ResultsFile& results);

}  // namespace ac
