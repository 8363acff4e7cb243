#pragma once
#include <cstddef>
#include <string>

namespace ac {

// The error's own words from a reply body, one line, cut at `max_chars` (at a UTF-8 boundary,
// "…" added): "not_found_error: model: claude-x" from the API's envelope
// {"type":"error","error":{"type":...,"message":...}}; gateways' shapes too ({"error":{"message"}},
// {"error":"text"}, {"message"}, {"detail"}); else the start of the body as text. Empty for an
// empty body. The console shows it under every unexpected status and the preflight quotes it.
std::string error_message(const std::string& body, std::size_t max_chars = 300);

}  // namespace ac
