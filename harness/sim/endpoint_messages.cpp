// POST /v1/messages and POST /v1/messages/count_tokens.
#include <algorithm>

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

#include "sim/endpoints.hpp"
#include "sim/http_reply.hpp"
#include "util/json_render.hpp"
#include "sim/model_catalog.hpp"
#include "sim/reply.hpp"
#include "sim/reply_dialect.hpp"
#include "sim/request_parse.hpp"
#include "sim/sim_context.hpp"
#include "sim/stream_send.hpp"
#include "sim/tokens.hpp"

namespace ac::sim {
namespace {

// Body, request schema and model: what both endpoints validate, in this order.
const ModelInfo* validated(const EndpointCall& call, Endpoint endpoint, MessageRequest& request) {
  rapidjson::Document body;
  if (auto error = parse_body(call.request.body, body)) {
    send_error(call, *error);
    return nullptr;
  }
  if (auto error = parse_request(body, endpoint, call.version, call.context.surface.request, request)) {
    send_error(call, *error);
    return nullptr;
  }
  const ModelInfo* model = find_model(request.model, call.context.extra_models);
  if (!model) send_error(call, not_found("model: " + request.model));
  return model;
}

void stream_reply(const EndpointCall& call, const Reply& reply) {
  // httplib would gzip a "text/event-stream; charset=utf-8" body for a client that accepts it,
  // and zlib buffers: the stream would no longer arrive event by event. The request object is
  // owned by httplib and mutable; only our handler reads it.
  const_cast<httplib::Request&>(call.request).headers.erase("Accept-Encoding");
  StreamSettings settings = call.steering.stream;
  settings.format = call.context.surface.stream_format;
  send_stream(call.response, plan_stream(reply, settings), call.context.stopping,
              call.context.surface.messages_status);
}

}  // namespace

void send_error(const EndpointCall& call, const ApiError& error) {
  send_error(call.response, call.context.surface, error, call.request_id);
}

std::optional<ApiError> parse_body(const std::string& text, rapidjson::Document& body) {
  body.Parse(text.c_str(), text.size());
  if (!body.HasParseError()) return std::nullopt;
  return invalid_request(std::string("There was an error parsing the body of your request: ") +
                         rapidjson::GetParseError_En(body.GetParseError()) + " (at byte " +
                         std::to_string(body.GetErrorOffset()) + ")");
}

void serve_messages(const EndpointCall& call) {
  MessageRequest request;
  const ModelInfo* model = validated(call, Endpoint::messages, request);
  if (!model) return;
  // A server-chosen default never exceeds what the model can produce.
  if (request.max_tokens_defaulted) {
    request.max_tokens = std::min(request.max_tokens, model->max_output_tokens);
  }
  if (request.max_tokens > model->max_output_tokens) {
    return send_error(call, invalid_request("max_tokens: " + std::to_string(request.max_tokens) + " > " +
                                            std::to_string(model->max_output_tokens) +
                                            ", which is the maximum allowed number of output tokens "
                                            "for " +
                                            model->id));
  }
  // A requested error answers a valid request; in a stream it arrives in-band instead.
  if (call.steering.error && !request.stream) return send_error(call, *call.steering.error);
  SimContext& context = call.context;
  Reply reply = make_reply(request, answered_model(context.surface, model->id), context.ids,
                           context.surface.message_id_prefix, context.surface.tool_use_id_prefix);
  set_common_headers(call.response, context.surface, call.request_id);
  set_rate_limit_headers(call.response, reply.input_tokens, reply.output_tokens);
  if (request.stream) return stream_reply(call, reply);
  send_json(call.response, context.surface.messages_status, render_answer(reply, context.surface));
}

void serve_count_tokens(const EndpointCall& call) {
  MessageRequest request;
  if (!validated(call, Endpoint::count_tokens, request)) return;
  if (call.steering.error) return send_error(call, *call.steering.error);
  set_common_headers(call.response, call.context.surface, call.request_id);
  send_json(call.response, 200,
            "{\"input_tokens\":" + std::to_string(count_input_tokens(request)) + "}");
}

}  // namespace ac::sim
