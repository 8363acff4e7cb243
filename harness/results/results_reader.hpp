#pragma once
#include <string>

#include "results/results_file.hpp"

namespace ac {

// Reads a results.json written by any apiconform of the same format; on failure returns false
// and sets `error` to a located sentence.
bool read_results(const std::string& path, ResultsFile& out, std::string& error);

}  // namespace ac
