#pragma once
#include <string>

#include "load/variables.hpp"
#include "plan/job.hpp"

namespace ac {

// The variables a case sees for a target: the profile's vars, {{api_version}},
// {{paths.<endpoint>}} for each endpoint path.
Variables variables_for(const Target& target, const std::string& api_version);

// Builds `spec` for `target` with `vars`; returns false with `error` set when the request cannot
// be prepared (unknown variable, unknown endpoint...). Used by the planner for a case's (first)
// request and by the executor for the later steps of a `steps:` case, once their captures are known.
bool prepare_request(const RequestSpec& spec, const Target& target, const Variables& vars,
                     const RequestOptions& options, PreparedRequest& out, std::string& error);

// Replaces the {{variables}} of an expectation's values (header values, assertion values).
bool expand_expectation(Expectation& e, const Variables& vars, std::string& error);

// A curl command that reproduces a request: the key shown as "$KEY_ENV", body cut when huge.
std::string curl_line(const std::string& method, const std::string& url, const Headers& redacted_headers,
                      const std::string& body, std::size_t max_body);

}  // namespace ac
