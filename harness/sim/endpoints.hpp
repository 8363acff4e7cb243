#pragma once
#include <map>
#include <string>

#include <httplib.h>
#include <rapidjson/document.h>

#include "sim/steering.hpp"

namespace ac::sim {

struct SimContext;

// One routed, authenticated request on its way to an endpoint.
struct EndpointCall {
  SimContext& context;
  const httplib::Request& request;
  httplib::Response& response;
  const std::string& request_id;
  const std::string& version;  // anthropic-version sent
  const Steering& steering;
  const std::map<std::string, std::string>& params;  // path parameters ({id})
};

// Answers the call with `error` in its surface's envelope (send_error in http_reply.hpp).
void send_error(const EndpointCall& call, const ApiError& error);

// Parses a JSON request body; invalid JSON is a 400 saying where it broke.
std::optional<ApiError> parse_body(const std::string& text, rapidjson::Document& body);

void serve_messages(const EndpointCall& call);
void serve_count_tokens(const EndpointCall& call);
void serve_models_list(const EndpointCall& call);
void serve_models_get(const EndpointCall& call);
void serve_batches_create(const EndpointCall& call);
void serve_batches_list(const EndpointCall& call);
void serve_batches_get(const EndpointCall& call);
void serve_batches_cancel(const EndpointCall& call);
void serve_batches_delete(const EndpointCall& call);
void serve_batches_results(const EndpointCall& call);

}  // namespace ac::sim
