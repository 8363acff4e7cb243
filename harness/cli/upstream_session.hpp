#pragma once
#include <memory>
#include <string>
#include <vector>

#include "exec/upstream_link.hpp"
#include "redact/redactor.hpp"
#include "results/results_file.hpp"
#include "sim/upstream.hpp"

namespace ac {

// Upstream mode for one run (`run --upstream openai|anthropic --upstream-listen 127.0.0.1:PORT`,
// docs/upstream.md): the upstream simulator on its fixed address, seen by the executor as an
// UpstreamLink. What the gateway forwarded leaves here with its credentials hidden.
class UpstreamSession : public UpstreamLink {
 public:
  // Starts the upstream; false with `error` (a bad address, a busy port).
  bool start(const std::string& dialect, const std::string& listen, std::string& error);
  void announce(const std::string& marker, const std::string& script_json) override;
  std::vector<ForwardedRequest> collect(const std::string& marker) override;
  // What arrived before the first case was sent (the preflight's requests): not unmatched.
  void end_preflight();
  // Stops the upstream: it and the forwarded requests it tied to no case, redacted.
  UpstreamRun finish(const Redactor& redactor);

 private:
  std::unique_ptr<sim::Upstream> upstream_;
  std::string dialect_;
  std::string listen_;
};

// One console line per unmatched request (the first few), and how many there were; "" for none.
std::string unmatched_text(const std::vector<UnmatchedRequest>& unmatched);

// A forwarded header's value as results keep it: credentials (the gateway's key for the upstream)
// hidden, their scheme kept ("Bearer [REDACTED]").
std::string forwarded_header_value(const std::string& name, const std::string& value);

}  // namespace ac
