#pragma once
#include <string>
#include <vector>

#include <yaml-cpp/yaml.h>

namespace ac {

// Every document of `text`, parsed once by libyaml's event parser (a quarter of the instructions
// yaml-cpp 0.7's parser took for the suite; docs/benchmarks.md), built into the nodes
// YAML::LoadAll would give: the same types, scalars, tags, styles, marks (0-based, bytes, as
// yaml-cpp counts them), anchors and aliases. Throws YAML::ParserException with libyaml's problem
// and its mark on a syntax error, an alias to an unknown anchor, nesting deeper than yaml-cpp
// allows (498 levels), or text that is not UTF-8. libyaml reads only `text` and never loops.
std::vector<YAML::Node> load_documents(const std::string& text);

}  // namespace ac
