#pragma once
#include <vector>

#include "model/case.hpp"
#include "model/finding.hpp"
#include "model/upstream_record.hpp"

namespace ac {

// `expect.upstream` (docs/upstream.md): how many forwarded requests carried the case's marker,
// and the method, path, headers and JSON body of the first one (the marker removed). Its findings
// are the gateway's translation findings: check "upstream", pointers under `/upstream/`, so their
// codes read `upstream.<kind>:/upstream/body/stop`.
void check_upstream(const UpstreamExpectation& expect, const std::vector<ForwardedRequest>& forwarded, Findings& out);

}  // namespace ac
