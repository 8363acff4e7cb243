#pragma once
#include <string>

#include <httplib.h>

#include "sim/api_error.hpp"
#include "sim/api_surface.hpp"

namespace ac::sim {

// Headers every response of the reference API carries (request-id, organisation).
void set_common_headers(httplib::Response& response, const ApiSurface& surface,
                        const std::string& request_id);

// The rate-limit headers the API sends with Messages responses (reference §1.3): generous
// fixed limits, one request used, `*-reset` one minute ahead (RFC 3339).
void set_rate_limit_headers(httplib::Response& response, long input_tokens, long output_tokens);

void send_json(httplib::Response& response, int status, const std::string& body);

// The error envelope {"type":"error","error":{type,message},"request_id"} with the API's
// `x-should-retry` advice (and `retry-after` on 429). A 413 gets the edge body instead, with no
// top-level type and no request_id, as the real edge proxy answers (reference §4.2).
void send_error(httplib::Response& response, const ApiSurface& surface, const ApiError& error,
                const std::string& request_id);

std::string error_body(const ApiSurface& surface, const ApiError& error,
                       const std::string& request_id);

}  // namespace ac::sim
