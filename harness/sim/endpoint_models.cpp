// GET /v1/models and GET /v1/models/{id}.
#include "sim/endpoints.hpp"
#include "sim/http_reply.hpp"
#include "sim/model_catalog.hpp"
#include "sim/sim_context.hpp"

namespace ac::sim {

void serve_models_list(const EndpointCall& call) {
  const auto& surface = call.context.surface;
  if (call.steering.error) return send_error(call, *call.steering.error);
  ModelPage page;
  if (auto error = page_models(call.request.get_param_value("limit"),
                               call.request.get_param_value("after_id"),
                               call.request.get_param_value("before_id"), page)) {
    return send_error(call, *error);
  }
  set_common_headers(call.response, surface, call.request_id);
  send_json(call.response, 200, render_model_page(page));
}

void serve_models_get(const EndpointCall& call) {
  const auto& surface = call.context.surface;
  if (call.steering.error) return send_error(call, *call.steering.error);
  auto id = call.params.find("id");
  const ModelInfo* model = id == call.params.end() ? nullptr : find_model(id->second);
  if (!model) {
    std::string wanted = id == call.params.end() ? "" : id->second;
    return send_error(call, not_found("model: " + wanted));
  }
  set_common_headers(call.response, surface, call.request_id);
  send_json(call.response, 200, render_model(*model));
}

}  // namespace ac::sim
