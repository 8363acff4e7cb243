#pragma once
#include <optional>
#include <string>

#include <rapidjson/document.h>

#include "sim/api_error.hpp"
#include "sim/api_surface.hpp"
#include "sim/message_request.hpp"

namespace ac::sim {

// Validates the JSON body of a Messages (`Endpoint::messages`) or count_tokens request the way
// the API's request schema does (closed top-level object, field types and bounds, content-block
// rules) and fills `out`. The first problem found is returned as a 400 whose message starts with
// the offending field's path (`messages.1.content.0.text: ...`). `version` is the
// anthropic-version sent: 2026-10-21 drops the sampling parameters. `rules` are the dialect's
// (reference_surface().request for the official schema).
std::optional<ApiError> parse_request(const rapidjson::Value& body, Endpoint endpoint,
                                      const std::string& version, const RequestRules& rules,
                                      MessageRequest& out);

}  // namespace ac::sim
