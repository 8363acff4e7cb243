// Message Batches (reference §1.1, §6.3): create, list, retrieve, cancel, delete, results.
#include <regex>
#include <set>

#include <rapidjson/document.h>

#include "sim/endpoints.hpp"
#include "sim/reply_dialect.hpp"
#include "sim/http_reply.hpp"
#include "util/json_render.hpp"
#include "sim/model_catalog.hpp"
#include "sim/pagination.hpp"
#include "sim/reply.hpp"
#include "sim/request_parse.hpp"
#include "sim/sim_context.hpp"

namespace ac::sim {
namespace {

using Alloc = rapidjson::Document::AllocatorType;

rapidjson::Value time_or_null(const std::optional<Clock::time_point>& when, Alloc& alloc) {
  if (!when) return rapidjson::Value();
  return rapidjson::Value(rfc3339(*when).c_str(), alloc);
}

rapidjson::Value batch_json(const BatchView& view, const std::string& host, Alloc& alloc) {
  const Batch& b = view.batch;
  rapidjson::Value out(rapidjson::kObjectType);
  out.AddMember("id", rapidjson::Value(b.id.c_str(), alloc), alloc);
  out.AddMember("type", "message_batch", alloc);
  out.AddMember("processing_status", rapidjson::Value(view.processing_status.c_str(), alloc), alloc);
  long total = static_cast<long>(b.items.size()), succeeded = 0;
  for (const auto& item : b.items) succeeded += item.succeeded ? 1 : 0;
  // Counts other than processing stay 0 until the batch ends (reference §6.3).
  rapidjson::Value counts(rapidjson::kObjectType);
  counts.AddMember("processing", static_cast<int64_t>(view.ended ? 0 : total), alloc);
  counts.AddMember("succeeded", static_cast<int64_t>(view.ended && !view.canceled ? succeeded : 0), alloc);
  counts.AddMember("errored", static_cast<int64_t>(view.ended && !view.canceled ? total - succeeded : 0), alloc);
  counts.AddMember("canceled", static_cast<int64_t>(view.ended && view.canceled ? total : 0), alloc);
  counts.AddMember("expired", 0, alloc);
  out.AddMember("request_counts", counts, alloc);
  out.AddMember("ended_at", time_or_null(view.ended ? std::optional<Clock::time_point>(b.ends_at) : std::nullopt, alloc), alloc);
  out.AddMember("created_at", rapidjson::Value(rfc3339(b.created_at).c_str(), alloc), alloc);
  out.AddMember("expires_at", rapidjson::Value(rfc3339(b.created_at + std::chrono::hours(24)).c_str(), alloc), alloc);
  out.AddMember("archived_at", rapidjson::Value(), alloc);
  out.AddMember("cancel_initiated_at", time_or_null(b.cancel_initiated_at, alloc), alloc);
  if (view.ended) {
    std::string url = "http://" + host + "/v1/messages/batches/" + b.id + "/results";
    out.AddMember("results_url", rapidjson::Value(url.c_str(), alloc), alloc);
  } else {
    out.AddMember("results_url", rapidjson::Value(), alloc);
  }
  return out;
}

void send_batch(const EndpointCall& call, const BatchView& view) {
  rapidjson::Document doc;
  rapidjson::Value json = batch_json(view, call.request.get_header_value("Host"), doc.GetAllocator());
  set_common_headers(call.response, call.context.surface, call.request_id);
  send_json(call.response, 200, to_json(json));
}

std::string errored_result(const ApiError& error) {
  rapidjson::Document doc(rapidjson::kObjectType);
  auto& alloc = doc.GetAllocator();
  rapidjson::Value inner(rapidjson::kObjectType);
  inner.AddMember("type", rapidjson::Value(error.type.c_str(), alloc), alloc);
  inner.AddMember("message", rapidjson::Value(error.message.c_str(), alloc), alloc);
  rapidjson::Value envelope(rapidjson::kObjectType);
  envelope.AddMember("type", "error", alloc);
  envelope.AddMember("error", inner, alloc);
  doc.AddMember("type", "errored", alloc);
  doc.AddMember("error", envelope, alloc);
  return to_json(doc);
}

// Each request is answered as /v1/messages would answer it; an invalid one becomes `errored`.
BatchItem run_item(const EndpointCall& call, const std::string& custom_id, const rapidjson::Value& params) {
  BatchItem item;
  item.custom_id = custom_id;
  MessageRequest request;
  auto error = parse_request(params, Endpoint::messages, call.version,
                             call.context.surface.request, request);
  const ModelInfo* model = error ? nullptr : find_model(request.model, call.context.extra_models);
  if (!error && !model) error = not_found("model: " + request.model);
  if (!error && request.stream) error = invalid_request("stream: batch requests cannot be streamed");
  if (error) {
    item.result_json = errored_result(*error);
    return item;
  }
  SimContext& context = call.context;
  Reply reply = make_reply(request, answered_model(context.surface, model->id), context.ids, context.surface.message_id_prefix,
                           context.surface.tool_use_id_prefix);
  item.succeeded = true;
  item.result_json = "{\"type\":\"succeeded\",\"message\":" + render_message(reply) + "}";
  return item;
}

std::optional<ApiError> read_requests(const EndpointCall& call, const rapidjson::Value& body,
                                      std::vector<BatchItem>& items) {
  static const std::regex kCustomId("^[a-zA-Z0-9_-]{1,64}$");
  if (!body.IsObject()) return invalid_request("body: Input should be a valid dictionary");
  for (const auto& member : body.GetObject()) {
    if (std::string(member.name.GetString()) != "requests") {
      return invalid_request(std::string(member.name.GetString()) + ": Extra inputs are not permitted");
    }
  }
  auto requests = body.FindMember("requests");
  if (requests == body.MemberEnd()) return invalid_request("requests: Field required");
  if (!requests->value.IsArray()) return invalid_request("requests: Input should be a valid list");
  const auto& list = requests->value;
  if (list.Empty()) return invalid_request("requests: List should have at least 1 item after validation, not 0");
  if (list.Size() > 100000) return invalid_request("requests: List should have at most 100000 items");
  std::set<std::string> seen;
  for (rapidjson::SizeType i = 0; i < list.Size(); ++i) {
    const std::string path = "requests." + std::to_string(i);
    const auto& entry = list[i];
    if (!entry.IsObject()) return invalid_request(path + ": Input should be a valid dictionary");
    auto id = entry.FindMember("custom_id");
    auto params = entry.FindMember("params");
    if (id == entry.MemberEnd()) return invalid_request(path + ".custom_id: Field required");
    if (params == entry.MemberEnd()) return invalid_request(path + ".params: Field required");
    if (!id->value.IsString() || !std::regex_match(std::string(id->value.GetString()), kCustomId)) {
      return invalid_request(path + ".custom_id: String should match pattern '^[a-zA-Z0-9_-]{1,64}$'");
    }
    if (!seen.insert(id->value.GetString()).second) {
      return invalid_request(path + ".custom_id: duplicate custom_id '" +
                             std::string(id->value.GetString()) + "'; each must be unique");
    }
    if (!params->value.IsObject()) return invalid_request(path + ".params: Input should be a valid dictionary");
    items.push_back(run_item(call, id->value.GetString(), params->value));
  }
  return std::nullopt;
}

std::optional<BatchView> find_or_fail(const EndpointCall& call) {
  auto id = call.params.find("id");
  auto view = id == call.params.end() ? std::nullopt : call.context.batches.find(id->second);
  if (!view)
    send_error(call,
               not_found("message_batch: no batch with id '" + (id == call.params.end() ? "" : id->second) + "'"));
  return view;
}

}  // namespace

void serve_batches_create(const EndpointCall& call) {
  rapidjson::Document body;
  if (auto error = parse_body(call.request.body, body)) return send_error(call, *error);
  Batch batch;
  if (auto error = read_requests(call, body, batch.items)) return send_error(call, *error);
  if (call.steering.error) return send_error(call, *call.steering.error);
  batch.id = call.context.ids.next(call.context.surface.batch_id_prefix);
  batch.created_at = Clock::now();
  batch.ends_at = batch.created_at + std::chrono::microseconds(static_cast<long long>(call.steering.batch_ms * 1000));
  BatchView view = call.context.batches.add(std::move(batch));
  send_batch(call, view);
}

void serve_batches_list(const EndpointCall& call) {
  if (call.steering.error) return send_error(call, *call.steering.error);
  auto ids = call.context.batches.ids();
  PageRange range;
  if (auto error = page_ids(ids, call.request.get_param_value("limit"), call.request.get_param_value("after_id"),
                            call.request.get_param_value("before_id"), range)) {
    return send_error(call, *error);
  }
  rapidjson::Document doc(rapidjson::kObjectType);
  auto& alloc = doc.GetAllocator();
  rapidjson::Value data(rapidjson::kArrayType);
  const std::string host = call.request.get_header_value("Host");
  for (std::size_t i = range.first; i < range.last; ++i) {
    // A batch deleted since `ids()` was taken is simply left out.
    if (auto view = call.context.batches.find(ids[i])) data.PushBack(batch_json(*view, host, alloc), alloc);
  }
  bool empty = range.first >= range.last;
  doc.AddMember("data", data, alloc);
  doc.AddMember("has_more", range.has_more, alloc);
  doc.AddMember("first_id", empty ? rapidjson::Value() : rapidjson::Value(ids[range.first].c_str(), alloc), alloc);
  doc.AddMember("last_id", empty ? rapidjson::Value() : rapidjson::Value(ids[range.last - 1].c_str(), alloc), alloc);
  set_common_headers(call.response, call.context.surface, call.request_id);
  send_json(call.response, 200, to_json(doc));
}

void serve_batches_get(const EndpointCall& call) {
  if (call.steering.error) return send_error(call, *call.steering.error);
  if (auto view = find_or_fail(call)) send_batch(call, *view);
}

void serve_batches_cancel(const EndpointCall& call) {
  if (call.steering.error) return send_error(call, *call.steering.error);
  if (!find_or_fail(call)) return;
  if (auto view = call.context.batches.cancel(call.params.at("id"))) send_batch(call, *view);
}

void serve_batches_delete(const EndpointCall& call) {
  if (call.steering.error) return send_error(call, *call.steering.error);
  const std::string id = call.params.at("id");
  bool in_progress = false;
  if (!call.context.batches.remove(id, in_progress)) {
    return send_error(call, not_found("message_batch: no batch with id '" + id + "'"));
  }
  if (in_progress) {
    return send_error(call,
                      invalid_request("Batch " + id + " cannot be deleted while it is in progress; cancel it first."));
  }
  set_common_headers(call.response, call.context.surface, call.request_id);
  send_json(call.response, 200, "{\"id\":" + json_quote(id) + ",\"type\":\"message_batch_deleted\"}");
}

void serve_batches_results(const EndpointCall& call) {
  if (call.steering.error) return send_error(call, *call.steering.error);
  auto view = find_or_fail(call);
  if (!view) return;
  if (!view->ended) {
    return send_error(
        call, invalid_request("Batch " + view->batch.id +
                              " is still processing; results are available once its processing_status is ended."));
  }
  std::string lines;
  for (const auto& item : view->batch.items) {
    std::string result = view->canceled ? "{\"type\":\"canceled\"}" : item.result_json;
    lines += "{\"custom_id\":" + json_quote(item.custom_id) + ",\"result\":" + result + "}\n";
  }
  set_common_headers(call.response, call.context.surface, call.request_id);
  call.response.status = 200;
  call.response.set_content(lines, "application/x-jsonl");
}

}  // namespace ac::sim
