#pragma once
#include <vector>

#include "plan/job.hpp"

namespace ac {

// How long a job is expected to take, in units of one plain request: each step is one, a streamed
// step one more (a stream lasts as long as the model writes), a padded (large) body one more. Only
// the order matters.
int expected_cost(const Job& job);

// Orders jobs so that the longest expected start first, keeping the plan order among equals:
// started last, a long multi-step case alone decides when the run ends.
void longest_first(std::vector<const Job*>& jobs);

}  // namespace ac
