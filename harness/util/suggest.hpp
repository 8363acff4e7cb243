#pragma once
#include <string>
#include <vector>

namespace ac {

// Edit distance (insertions, deletions, substitutions, adjacent swaps) between two words.
std::size_t edit_distance(const std::string& a, const std::string& b);

// "did you mean `expect`?" when a choice is close to `word`, otherwise "expected one of: a, b, c".
std::string did_you_mean(const std::string& word, const std::vector<std::string>& choices);

// "a, b, c" with each choice in backticks.
std::string list_choices(const std::vector<std::string>& choices);

}  // namespace ac
