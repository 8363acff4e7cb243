#include "check/settle.hpp"
#include "check/upstream.hpp"
#include "exec/upstream_link.hpp"
#include "plan/correlation_marker.hpp"

namespace ac {

std::string mark_for_upstream(UpstreamLink& link, const Job& job, PreparedRequest& request, long n) {
  const std::string marker = correlation_marker(job.test->id, n);
  if (!mark_request(request, marker, job.request_options.max_body_shown)) return "";
  link.announce(marker, job.test->upstream_script);
  return marker;
}

void judge_upstream(UpstreamLink& link, const std::string& marker, const Expectation& expect, Result& r) {
  Findings found;
  if (marker.empty()) {
    if (expect.upstream) {
      Finding f{"upstream",
                "/upstream",
                "a request with a user message",
                "none",
                "the request has no user message to carry the correlation marker, so what the gateway forwarded "
                "for it cannot be found",
                Severity::Breaking};
      f.rule = "marker";
      f.where = expect.upstream->where;
      found.push_back(std::move(f));
    }
  } else {
    r.upstream = UpstreamRecord{marker, link.collect(marker)};
    if (expect.upstream) check_upstream(*expect.upstream, r.upstream->forwarded, found);
  }
  if (found.empty()) return;
  settle_findings(expect, found);
  r.findings.insert(r.findings.end(), found.begin(), found.end());
  if (r.verdict == Verdict::Pass || r.verdict == Verdict::Fail) r.verdict = verdict_of(r.findings);
}

}  // namespace ac
