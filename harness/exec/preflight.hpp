#pragma once
#include <optional>
#include <string>
#include <vector>

#include "net/transport.hpp"
#include "plan/job.hpp"
#include "redact/redactor.hpp"

namespace ac {

// Before a provider's cases are sent, one minimal message (and the models list where the
// provider offers one) tells a setup failure (unreachable, TLS, key refused, wrong auth scheme,
// unknown model, wrong path) from a conformance one, so a bad setup gives one diagnosis instead
// of a hundred failures. See docs/providers.md, "Preflight".

// One preflight request as it came back; the body is redacted.
struct ProbeReply {
  std::string method;
  std::string url;
  int status = 0;               // 0 = no response
  std::string body;
  std::string transport_error;
  bool completed() const { return transport_error.empty() && status != 0; }
};

// What the preflight of one provider saw.
struct PreflightProbes {
  std::string provider;
  std::string base_url;
  std::string model;             // the `model` variable as sent (empty when the profile has none)
  AuthStyle auth = AuthStyle::XApiKey;
  std::string key_env;
  std::string prepare_error;     // the minimal message could not be built (no `model` variable...)
  ProbeReply message;            // POST {paths.messages}, max_tokens 1
  std::optional<ProbeReply> models;      // GET {paths.models}, where offered
  std::optional<ProbeReply> other_auth;  // the message again with the other auth header, after a 401/403
};

struct PreflightOutcome {
  bool ok = true;
  std::string diagnosis;  // one paragraph: what failed, the status and the error's own message, the fix to try
  int requests = 0;       // requests sent (every attempt)
  long long input_tokens = 0;   // what its replies' usage says it spent
  long long output_tokens = 0;
};

// The diagnosis of a provider's probes (pure: unit-tested without a network).
PreflightOutcome diagnose_preflight(const PreflightProbes& probes);

// Whether the other auth header is worth a try after `reply` (a 401 or 403 under x-api-key or bearer).
bool should_try_other_auth(const PreflightProbes& probes);

// Preflights `targets` all at once on `transport` (each in its provider's pool) and returns one
// outcome per target, in order.
std::vector<PreflightOutcome> run_preflight(TransferQueue& transport, const std::vector<const Target*>& targets,
                                            const RequestOptions& options, const Redactor& redactor);

}  // namespace ac
