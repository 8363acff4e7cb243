#pragma once
#include <string>
#include <vector>

#include "model/case.hpp"
#include "model/diagnostic.hpp"

namespace ac {

// Loads every case from the given files and directories (directories recursively: *.yaml, *.yml,
// in sorted order) and appends them to `out`. Returns every problem found, each located at
// file:line:col; an empty result means everything loaded. Duplicate ids across files are errors.
Diagnostics load_cases(const std::vector<std::string>& paths, std::vector<Case>& out);

// Loads the cases of one YAML text as if it were the file `file_name` (locations name it). Ids are
// checked against each other and against the cases already in `out`. Never throws, and returns
// in bounded time on any input (it is fuzzed).
Diagnostics load_cases_from_string(const std::string& yaml, const std::string& file_name, std::vector<Case>& out);

}  // namespace ac
