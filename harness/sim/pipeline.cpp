// The request pipeline shared by every endpoint; all wire specifics come from the ApiSurface.
#include "sim/endpoints.hpp"
#include "sim/header_checks.hpp"
#include "sim/http_reply.hpp"
#include "sim/route_match.hpp"
#include "sim/sim_context.hpp"
#include "sim/steering.hpp"
#include "util/join.hpp"

namespace ac::sim {
namespace {

std::string allowed_list(const std::vector<std::string>& methods) {
  std::string out;
  for (const auto& method : methods) append_joined(out, ", ", method);
  return out;
}

}  // namespace

void handle_request(SimContext& context, const httplib::Request& request,
                    httplib::Response& response) {
  const ApiSurface& surface = context.surface;
  const std::string request_id = context.ids.next(surface.request_id_prefix);
  RouteMatch route = match_route(surface, request.method, request.path);
  if (route.kind == RouteMatch::Kind::unknown_path) {
    return send_error(response, surface, not_found("Not Found"), request_id);
  }
  if (route.kind == RouteMatch::Kind::wrong_method) {
    response.set_header("allow", allowed_list(route.allowed));
    return send_error(response, surface,
                      method_not_allowed("Method " + request.method + " is not allowed for " +
                                         request.path + " (allowed: " +
                                         allowed_list(route.allowed) + ")"),
                      request_id);
  }
  if (auto error = check_key(request, surface, context.options.api_key)) {
    return send_error(response, surface, *error, request_id);
  }
  std::string version;
  if (auto error = check_version(request, surface, version)) {
    return send_error(response, surface, *error, request_id);
  }
  if (auto error = check_beta(request, surface)) {
    return send_error(response, surface, *error, request_id);
  }
  if (auto error = check_required_headers(request, surface)) {
    return send_error(response, surface, *error, request_id);
  }
  Steering steering;
  if (auto error = read_steering(request, context, steering)) {
    return send_error(response, surface, *error, request_id);
  }
  steering.stream.request_id = request_id;
  EndpointCall call{context, request, response, request_id, version, steering, route.params};
  switch (route.endpoint) {
    case Endpoint::messages: return serve_messages(call);
    case Endpoint::count_tokens: return serve_count_tokens(call);
    case Endpoint::models_list: return serve_models_list(call);
    case Endpoint::models_get: return serve_models_get(call);
    case Endpoint::batches_create: return serve_batches_create(call);
    case Endpoint::batches_list: return serve_batches_list(call);
    case Endpoint::batches_get: return serve_batches_get(call);
    case Endpoint::batches_cancel: return serve_batches_cancel(call);
    case Endpoint::batches_delete: return serve_batches_delete(call);
    case Endpoint::batches_results: return serve_batches_results(call);
  }
}

void handle_transport_error(SimContext& context, const httplib::Request& request,
                            httplib::Response& response) {
  if (response.status == 413) {
    return send_error(response, context.surface, request_too_large(), "");
  }
  // Anything else httplib refused (a malformed request line, a URI too long, ...).
  const int status = response.status;
  send_error(response, context.surface,
             {status, status == 404 ? "not_found_error" : "invalid_request_error",
              "The request could not be processed (HTTP " + std::to_string(status) + ")"},
             context.ids.next(context.surface.request_id_prefix));
  (void)request;
}

}  // namespace ac::sim
