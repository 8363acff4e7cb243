#pragma once
#include <string>

#include <rapidjson/document.h>

namespace ac::sim {

// The correlation marker the harness puts in the last user message of each request it sends in
// upstream mode: `[ac:<case-id>:<n>]` (docs/upstream.md, "Correlation"). It is found in any string
// of the forwarded body, wherever the gateway moved the text (a string, a content part, a system
// message), and whatever it did to the whitespace around it.

// The last marker in `body`'s strings, in document order; "" when there is none.
std::string find_marker(const rapidjson::Value& body);

// Removes every marker (and one whitespace character before it) from `body`'s strings, so what
// the gateway forwarded reads as the case wrote it.
void strip_markers(rapidjson::Value& body, rapidjson::Document::AllocatorType& alloc);

}  // namespace ac::sim
