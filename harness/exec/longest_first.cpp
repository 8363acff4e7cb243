#include "exec/longest_first.hpp"

#include <algorithm>

namespace ac {
namespace {

int step_cost(const RequestSpec& request, const Expectation& expect) {
  return 1 + (expect.stream ? 1 : 0) + (request.body_padding ? 1 : 0);
}

}  // namespace

int expected_cost(const Job& job) {
  int cost = step_cost(job.test->request, job.expect);
  for (const auto& step : job.test->later_steps) cost += step_cost(step.request, step.expect);
  return cost;
}

void longest_first(std::vector<const Job*>& jobs) {
  std::vector<std::pair<int, const Job*>> keyed;
  keyed.reserve(jobs.size());
  for (const Job* job : jobs) keyed.emplace_back(expected_cost(*job), job);
  std::stable_sort(keyed.begin(), keyed.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  for (std::size_t i = 0; i < jobs.size(); ++i) jobs[i] = keyed[i].second;
}

}  // namespace ac
