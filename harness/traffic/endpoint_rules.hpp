#pragma once
#include <string>

namespace ac {

// What the API documents for one endpoint (reference §1.1, §6): the request body's schema, the
// success body's schema, and whether the reply may be an event stream or JSON Lines.
struct EndpointRule {
  const char* method;
  const char* path;            // a template: "{id}" stands for one path segment
  const char* request_schema;  // "" when the request has no body
  const char* beta_request_schema;  // for `?beta=true` / `anthropic-beta` requests; "" = as above
  const char* reply_schema;
  bool may_stream;             // "stream": true asks for an event stream
  bool lines;                  // the success body is JSON Lines (batch results)
};

// The rule for `method` and `path` (query ignored; anything before "/v1/" too, as a gateway may
// mount the API under a prefix), or null for an endpoint the API does not have.
const EndpointRule* endpoint_rule(const std::string& method, const std::string& path);

// How results name an endpoint: "POST /v1/messages", "GET /v1/models/{id}"; an unknown one as
// its method and path without the query.
std::string endpoint_name(const std::string& method, const std::string& path);

// The error.type the API sends with an error status (reference §4.2), or "" for another status.
const char* documented_error_type(int status);

}  // namespace ac
