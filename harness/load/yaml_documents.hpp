#pragma once
#include <string>
#include <vector>

#include <yaml-cpp/yaml.h>

namespace ac {

// Every document of `text`, parsed once. Does what YAML::LoadAll does (the same nodes, marks,
// tags, styles, anchors and aliases) and also guards against what LoadAll does not: yaml-cpp
// 0.7's parser can start a document without consuming its first token (a stray `,` before any
// node), and LoadAll then loops forever. A document that starts where the previous one did ends
// the parse: `stuck` is set and `stuck_at` says where. Throws YAML::ParserException on a syntax
// error, as LoadAll does.
std::vector<YAML::Node> load_documents(const std::string& text, bool& stuck, YAML::Mark& stuck_at);

}  // namespace ac
