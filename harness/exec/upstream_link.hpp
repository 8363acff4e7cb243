#pragma once
#include <string>
#include <vector>

#include "model/case.hpp"
#include "model/result.hpp"
#include "model/upstream_record.hpp"
#include "plan/job.hpp"

namespace ac {

// The executor's view of the upstream simulator in upstream mode (docs/upstream.md): the CLI
// implements it over sim/ (which the executor may not use), tests with a fake.
class UpstreamLink {
 public:
  virtual ~UpstreamLink() = default;
  // Before a request carrying `marker` is sent: the case's script (JSON text, "" = default reply).
  virtual void announce(const std::string& marker, const std::string& script_json) = 0;
  // Once the case's reply is in: what the gateway forwarded with `marker`, in arrival order.
  virtual std::vector<ForwardedRequest> collect(const std::string& marker) = 0;
};

// Puts the case's marker (number `n` of the run) in `request` and announces it with the case's
// script. Returns the marker, or "" when the body has no user message to carry one.
std::string mark_for_upstream(UpstreamLink& link, const Job& job, PreparedRequest& request, long n);

// Adds what the upstream saw for `marker` to `r` and judges `expect.upstream` on it; the verdict
// follows the new findings unless the case could not be judged (error, not run).
void judge_upstream(UpstreamLink& link, const std::string& marker, const Expectation& expect, Result& r);

}  // namespace ac
