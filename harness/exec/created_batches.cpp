#include "exec/created_batches.hpp"

#include <memory>

#include <rapidjson/document.h>

#include "check/error_message.hpp"
#include "plan/request_builder.hpp"

namespace ac {

namespace {

std::string text_member(const rapidjson::Value& v, const char* name) {
  auto it = v.FindMember(name);
  return it != v.MemberEnd() && it->value.IsString() ? std::string(it->value.GetString(), it->value.GetStringLength())
                                                     : std::string();
}

std::string without_query(const std::string& url) { return url.substr(0, url.find('?')); }

std::string batches_url(const Target& t) {
  auto it = t.provider.paths.find("batches");
  if (it == t.provider.paths.end()) return "";
  std::string base = t.base_url;
  while (!base.empty() && base.back() == '/') base.pop_back();
  return base + it->second;
}

// Discards what a cancel request answers but its status and first bytes.
class CancelSink : public ResponseSink {
 public:
  bool on_body(const char* data, std::size_t size, double) override {
    if (body.size() < 4096) body.append(data, std::min<std::size_t>(size, 4096 - body.size()));
    return true;
  }
  void on_restart() override { body.clear(); }
  std::string body;
};

}  // namespace

void CreatedBatches::observe(const Target& target, const std::string& method, const std::string& url, int status,
                             const std::string& body) {
  if (status < 200 || status >= 300 || body.find("message_batch") == std::string::npos) return;
  rapidjson::Document doc;
  doc.Parse(body.c_str(), body.size());
  if (doc.HasParseError() || !doc.IsObject() || text_member(doc, "type") != "message_batch") return;
  const std::string id = text_member(doc, "id");
  if (id.empty()) return;
  const std::string state = text_member(doc, "processing_status");
  const bool done = state == "ended" || state == "canceling";
  for (auto& b : batches_) {
    if (b.target == &target && b.id == id) {
      b.done = b.done || done;
      return;
    }
  }
  const std::string create = batches_url(target);
  if (method == "POST" && !create.empty() && without_query(url) == create) batches_.push_back(Batch{&target, id, done});
}

std::vector<std::string> CreatedBatches::cancel_running(TransferQueue& transport, const RequestOptions& options,
                                                        const Redactor& redactor, RunCost& cost) {
  struct Cancel {
    const Batch* batch = nullptr;
    std::shared_ptr<CancelSink> sink = std::make_shared<CancelSink>();
    TransferOutcome outcome;
  };
  std::vector<Cancel> cancels;
  cancels.reserve(batches_.size());
  std::vector<std::string> problems;
  for (const auto& b : batches_) {
    if (b.done) continue;
    RequestSpec spec;
    spec.method = "POST";
    spec.path = b.target->provider.paths.at("batches") + "/" + b.id + "/cancel";
    PreparedRequest prepared;
    std::string error;
    if (!prepare_request(spec, *b.target, variables_for(*b.target, options.api_version), options, prepared, error)) {
      problems.push_back(redactor.apply(b.target->provider.name + ": batch " + b.id + " left running: " + error));
      ++cost.of(b.target->provider.name).cleanup_failed;
      continue;
    }
    Cancel& c = cancels.emplace_back();
    c.batch = &b;
    HttpRequest request;
    request.method = prepared.method;
    request.url = prepared.url;
    request.headers = prepared.headers;
    request.timeouts = b.target->provider.timeouts;
    transport.submit(std::move(request), c.sink, [&c](TransferOutcome outcome) { c.outcome = std::move(outcome); },
                     b.target->provider.name);
  }
  transport.run();
  for (auto& c : cancels) {
    ProviderCost& pc = cost.of(c.batch->target->provider.name);
    pc.requests += c.outcome.attempts;
    if (c.outcome.error.empty() && c.outcome.status >= 200 && c.outcome.status < 300) {
      ++pc.batches_canceled;
      continue;
    }
    ++pc.cleanup_failed;
    const std::string why = c.outcome.error.empty()
                                ? "HTTP " + std::to_string(c.outcome.status) + ": " + error_message(c.sink->body, 200)
                                : c.outcome.error;
    problems.push_back(redactor.apply(c.batch->target->provider.name + ": could not cancel batch " + c.batch->id +
                                      " (" + why + "); cancel it by hand: POST " + batches_url(*c.batch->target) +
                                      "/" + c.batch->id + "/cancel"));
  }
  return problems;
}

}  // namespace ac
