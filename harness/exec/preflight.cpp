// Sends the preflight probes of every provider at once and hands what came back to the diagnosis.
#include "exec/preflight.hpp"

#include <memory>

#include "exec/usage.hpp"
#include "plan/request_builder.hpp"

namespace ac {

namespace {

constexpr std::size_t kMaxProbeBody = 256 * 1024;  // a models list of a big gateway fits

// Keeps a probe's reply body, up to a limit.
class ProbeSink : public ResponseSink {
 public:
  bool on_body(const char* data, std::size_t size, double) override {
    if (body.size() < kMaxProbeBody) body.append(data, std::min(size, kMaxProbeBody - body.size()));
    return true;
  }
  void on_restart() override { body.clear(); }
  std::string body;
};

RequestSpec message_spec() {
  RequestSpec spec;
  spec.method = "POST";
  spec.endpoint = "messages";
  // The smallest request every endpoint must accept: one token out, four words in.
  spec.json = R"({"model":"{{model}}","max_tokens":1,"messages":[{"role":"user","content":"ping"}]})";
  return spec;
}

RequestSpec models_spec() {
  RequestSpec spec;
  spec.method = "GET";
  spec.endpoint = "models";
  return spec;
}

bool offers_models(const Provider& p) {
  if (!p.paths.count("models")) return false;
  for (const auto& d : p.unsupported)
    if (glob_match(d.id, "models")) return false;
  return true;
}

std::string model_of(const Target& t) {
  auto it = t.provider.vars.find("model");
  if (it == t.provider.vars.end()) return "";
  std::string text = it->second;  // JSON text; a string loses its quotes
  if (text.size() >= 2 && text.front() == '"' && text.back() == '"') text = text.substr(1, text.size() - 2);
  return text;
}

// One provider's preflight while it runs.
struct Flight {
  const Target* target = nullptr;
  PreflightProbes probes;
  PreflightOutcome outcome;
};

class Prober {
 public:
  Prober(TransferQueue& transport, const RequestOptions& options, const Redactor& redactor)
      : transport_(transport), options_(options), redactor_(redactor) {}

  // Sends `spec` for `target`; the reply lands in `slot` once the transport has run.
  bool send(const Target& target, const RequestSpec& spec, ProbeReply& slot, PreflightOutcome& spent,
            std::string& error) {
    PreparedRequest prepared;
    if (!prepare_request(spec, target, variables_for(target, options_.api_version), options_, prepared, error))
      return false;
    slot.method = prepared.method;
    slot.url = prepared.sent.url;
    HttpRequest request;
    request.method = prepared.method;
    request.url = prepared.url;
    request.headers = prepared.headers;
    request.body = prepared.body_as_sent();
    request.timeouts = target.provider.timeouts;
    auto sink = std::make_shared<ProbeSink>();
    transport_.submit(
        std::move(request), sink,
        [this, sink, &slot, &spent](TransferOutcome outcome) {
          spent.requests += outcome.attempts;
          const TokenUsage usage = usage_of_body(sink->body);
          spent.input_tokens += usage.input;
          spent.output_tokens += usage.output;
          slot.status = outcome.status;
          slot.transport_error = redactor_.apply(outcome.error);
          slot.body = redactor_.apply(sink->body);
        },
        target.provider.name);
    return true;
  }

 private:
  TransferQueue& transport_;
  const RequestOptions& options_;
  const Redactor& redactor_;
};

Target with_other_auth(const Target& t) {
  Target other = t;
  other.provider.auth = t.provider.auth == AuthStyle::Bearer ? AuthStyle::XApiKey : AuthStyle::Bearer;
  return other;
}

}  // namespace

std::vector<PreflightOutcome> run_preflight(TransferQueue& transport, const std::vector<const Target*>& targets,
                                            const RequestOptions& options, const Redactor& redactor) {
  Prober prober(transport, options, redactor);
  std::vector<Flight> flights(targets.size());
  for (std::size_t i = 0; i < targets.size(); ++i) {
    const Target& t = *targets[i];
    Flight& f = flights[i];
    f.target = &t;
    PreflightProbes& p = f.probes;
    p.provider = t.provider.name;
    p.base_url = t.base_url;
    p.model = model_of(t);
    p.auth = t.provider.auth;
    p.key_env = t.provider.key_env;
    if (!prober.send(t, message_spec(), p.message, f.outcome, p.prepare_error)) continue;
    if (offers_models(t.provider)) {
      p.models.emplace();
      std::string ignored;  // the models probe only adds detail; its failure to build is no diagnosis
      if (!prober.send(t, models_spec(), *p.models, f.outcome, ignored)) p.models.reset();
    }
  }
  transport.run();
  // Second round, only after a 401/403: the same message with the key in the other header.
  std::vector<Target> others;
  others.reserve(targets.size());
  bool again = false;
  for (auto& f : flights) {
    if (!f.probes.prepare_error.empty() || !should_try_other_auth(f.probes)) continue;
    others.push_back(with_other_auth(*f.target));
    f.probes.other_auth.emplace();
    std::string ignored;
    if (prober.send(others.back(), message_spec(), *f.probes.other_auth, f.outcome, ignored)) again = true;
    else f.probes.other_auth.reset();
  }
  if (again) transport.run();
  std::vector<PreflightOutcome> outcomes;
  for (auto& f : flights) {
    PreflightOutcome o = diagnose_preflight(f.probes);
    o.requests = f.outcome.requests;
    o.input_tokens = f.outcome.input_tokens;
    o.output_tokens = f.outcome.output_tokens;
    outcomes.push_back(std::move(o));
  }
  return outcomes;
}

}  // namespace ac
