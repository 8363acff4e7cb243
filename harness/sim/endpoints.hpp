#pragma once
#include <map>
#include <string>

#include <httplib.h>

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

void serve_messages(const EndpointCall& call);
void serve_count_tokens(const EndpointCall& call);
void serve_models_list(const EndpointCall& call);
void serve_models_get(const EndpointCall& call);

}  // namespace ac::sim
