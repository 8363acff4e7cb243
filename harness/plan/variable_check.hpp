#pragma once
#include <vector>

#include "model/diagnostic.hpp"
#include "plan/job.hpp"

namespace ac {

// The {{variables}} of the planned jobs that nothing defines: not their provider (profile vars,
// api_version, paths.*), not a capture of the case, not the environment for {{env.NAME}}. Each is
// located where the case uses it and names the providers concerned, so a typo is an input error
// before the first request rather than an error verdict per case. Jobs decided without sending
// (skipped, unsupported) are not checked: their requests are never built. `lint` leaves out
// {{env.NAME}} (`check_environment` false): the machine that lints is not the one that runs.
Diagnostics unknown_variables(const std::vector<Job>& jobs, bool check_environment = true);

}  // namespace ac
