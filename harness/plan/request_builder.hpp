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

// A curl command that reproduces a request. `body` is the whole body when `body_size` is at most
// `max_body`; a bigger one is named by its size only. Secrets must already be replaced
// (prepare_request writes each as the shell variable that holds it: docs/secrets.md).
std::string curl_line(const std::string& method, const std::string& url, const Headers& headers,
                      const std::string& body, std::size_t body_size, std::size_t max_body);

// `text` as one shell word in single quotes.
std::string single_quoted(const std::string& text);

// The userinfo ("user:password") of a URL, empty when it has none; the URL with it replaced; the
// URL without it or its '@', as records and reports name a target.
std::string url_userinfo(const std::string& url);
std::string replace_userinfo(const std::string& url, const std::string& with);
std::string without_userinfo(const std::string& url);

// The shell variable a curl line names for a secret header read from no environment variable:
// APICONFORM_HEADER_ and the header name in capitals, '-' as '_' ("x-org-id" -> ..._X_ORG_ID).
std::string header_variable(const std::string& header_name);

}  // namespace ac
