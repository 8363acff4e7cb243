#pragma once
#include <string>

#include "results/matrix.hpp"

namespace ac {

// Words shared by every format, so the console, Markdown, HTML and JUnit say the same thing.

// "pass", "partial", "fail", "unsupported", "known", "error", "not run", with "*" appended
// to partial/fail when every failure in the cell is cosmetic; "pass, except D3, D5" when every
// failure is collateral of deviations other features own.
std::string cell_label(const Cell& cell);

// "2/3": passing over applicable cases; empty for cells with nothing applicable.
std::string cell_count(const Cell& cell);

// "66.7%" of a 0..1 share.
std::string percent(double share);

// The score: "24/31" features an SDK client can use; "-" when not run or nothing applicable.
std::string score_text(const ProviderScore& score);

// "92.3%" of applicable cases passing, "-" when not run or nothing applicable.
std::string cases_passing_text(const ProviderScore& score);

// "3 breaking, 1 lenient, 2 cosmetic" deviations (the parts that are zero left out; "none").
std::string deviation_counts_text(const ProviderScore& score);

// The CSS class of a cell's colour: s-pass, s-partial, s-fail, s-cosmetic, s-unsupported...
std::string cell_css_class(const Cell& cell);

// One line saying what a state means, for legends.
const char* state_meaning(CellState state);

}  // namespace ac
