#pragma once
#include <string>

#include "results/matrix.hpp"
#include "results/results_file.hpp"

namespace ac {

// Per provider: median and 90th percentile of time to first byte and to first stream event,
// drawn as an inline SVG bar chart (no script, no external asset). Provider names are escaped.
std::string html_latency_chart(const ResultsFile& results, const Matrix& matrix);

}  // namespace ac
