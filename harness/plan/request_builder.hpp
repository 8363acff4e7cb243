#pragma once
#include <string>

#include "load/variables.hpp"
#include "plan/job.hpp"

namespace ac {

// The variables a case sees for a target: the profile's vars, {{api_version}},
// {{paths.<endpoint>}} for each endpoint path.
Variables variables_for(const Target& target, const std::string& api_version);

// Fills job.method/url/headers/body and job.sent from the case's request; returns false with
// `error` set when the request cannot be prepared (unknown variable, unknown endpoint...).
bool build_request(const Case& test, const Target& target, const Variables& vars, const PlanOptions& options, Job& job,
                   std::string& error);

// A curl command that reproduces a request: the key shown as "$KEY_ENV", body cut when huge.
std::string curl_line(const std::string& method, const std::string& url, const Headers& redacted_headers,
                      const std::string& body, std::size_t max_body);

}  // namespace ac
