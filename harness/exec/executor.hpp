#pragma once
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "exec/pairing.hpp"
#include "exec/response_collector.hpp"
#include "plan/job.hpp"
#include "plan/redactor.hpp"

namespace ac {

struct ExecutorOptions {
  bool strict = false;
  std::size_t max_body_kept = 64 * 1024;  // response body kept in results
  CollectorLimits limits;
  RetryPolicy retry;  // the run's policy; a case's `retries:` overrides its max_retries
};

// Grammars by the reference cases use ("anthropic/stream-grammar.yaml"), loaded once.
using Grammars = std::map<std::string, std::unique_ptr<Grammar>>;

// Runs jobs on the transport and turns each into a Result, in completion order.
class Executor {
 public:
  using OnResult = std::function<void(Result&&)>;

  Executor(Transport& transport, const SchemaRegistry& schemas, const Grammars& grammars, const Redactor& redactor,
           ExecutorOptions options);

  // Submits every job, runs the transport to the end, and calls on_result for each job.
  void run(std::vector<Job>& jobs, const OnResult& on_result);

 private:
  void submit(Job& job, const Pairing::Emit& emit);
  Result decided_result(const Job& job) const;
  Result judged_result(const Job& job, const ResponseCollector& collector, TransferOutcome&& outcome) const;

  Transport& transport_;
  const SchemaRegistry& schemas_;
  const Grammars& grammars_;
  const Redactor& redactor_;
  ExecutorOptions options_;
  Pairing pairing_;
};

// The Result skeleton every job shares: identity of case, provider and repeat.
Result result_for(const Job& job);

}  // namespace ac
