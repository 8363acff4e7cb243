#pragma once
#include <string>

#include "model/result.hpp"
#include "results/results_file.hpp"

namespace ac {

// Upstream mode: the case's four hops side by side (client request -> gateway forwarded ->
// upstream reply -> gateway answer), one row per request the gateway forwarded, each finding on
// the arrow where it happened (report/upstream_flow.hpp). "" for a result without an upstream
// record. Every text is escaped; `body_bytes` caps each body shown.
std::string html_upstream_flow(const Result& r, std::size_t body_bytes);

// Upstream mode: "Upstream" section naming the upstream the run started and every forwarded
// request it could tie to no case (reported, never ignored). "" for a run without --upstream.
std::string html_upstream_section(const ResultsFile& results);

// The style rules the flow needs, appended to the page's stylesheet.
extern const char* kUpstreamFlowStyle;

}  // namespace ac
