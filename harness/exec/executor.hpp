#pragma once
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "exec/created_batches.hpp"
#include "exec/pairing.hpp"
#include "exec/response_collector.hpp"
#include "exec/upstream_link.hpp"
#include "plan/job.hpp"
#include "redact/redactor.hpp"
#include "plan/request_builder.hpp"

namespace ac {

struct ExecutorOptions {
  bool strict = false;
  int repeat = 1;                          // each job runs this many times (--repeat)
  int window = 16;                         // requests handed to the transport ahead, per target
  std::size_t max_body_kept = 64 * 1024;   // response body kept in results
  CollectorLimits limits;
  RetryPolicy retry;  // the run's policy; a case's `retries:` overrides its max_retries
  // Once requested, nothing more is handed to the transport: every (job, repeat) not yet sent
  // gets verdict `not_run`, reason "interrupted" (the transport ends what it holds, see net/).
  const StopSignal* stop = nullptr;
  long long token_budget = 0;  // --token-budget: no (job, repeat) starts once this many are spent; 0 = none
  // Requests whose body is at least this big go one at a time over the whole run (several 32 MiB
  // uploads at once would hold them all in memory at once).
  std::size_t large_body = 1u << 20;
  // Upstream mode (--upstream): each request is marked for the upstream simulator, and what the
  // gateway forwarded is added to its result and judged (docs/upstream.md). Null: off.
  UpstreamLink* upstream = nullptr;
};

// Grammars by the reference cases use ("anthropic/stream-grammar.yaml"), loaded once.
using Grammars = std::map<std::string, std::unique_ptr<Grammar>>;

// Runs jobs on the transport and turns each (job, repeat) into a Result, in completion order.
// Replies are judged on the transport's thread as they finish. (A judging thread was measured
// and lost: on two cores shared with the server, handing each reply over cost more than it saved.)
class Executor {
 public:
  using OnResult = std::function<void(Result&&)>;

  Executor(TransferQueue& transport, const SchemaRegistry& schemas, const Grammars& grammars, const Redactor& redactor,
           ExecutorOptions options);
  ~Executor();

  // Emits the decided jobs' results, then feeds the rest to the transport a window at a time per
  // target (so memory stays flat however many repeats) and runs it to the end.
  void run(const std::vector<Job>& jobs, const OnResult& on_result);

  // What the run spent so far (every attempt; tokens from each reply's usage). Start it with the
  // preflight's before run(): the budget counts every token.
  RunCost& cost() { return cost_; }
  // The batches the cases created, for the clean-up when the run ends.
  CreatedBatches& created_batches() { return created_; }

 private:
  struct Lane;
  struct Sequence;  // one run of a `steps:` case (executor_steps.cpp)
  void feed(Lane& lane, const OnResult& on_result);
  void emit_unsent(Lane& lane, const OnResult& on_result);
  void submit(Lane& lane, const Job& job, int repeat, const OnResult& on_result);
  // A (job, repeat) is over: frees its slot of the lane, emits its result, feeds the lane.
  void release(Lane& lane, const Job& job, Result&& result, const std::string& folded, const OnResult& on_result);
  // Counts one finished request (its attempts, its usage) and notes a batch it created.
  void account(const Job& job, const SentRequest& sent, const TransferOutcome& outcome,
               const ResponseCollector& collector);
  bool over_budget() const { return options_.token_budget > 0 && cost_.tokens() >= options_.token_budget; }
  void not_run_for_budget(const Job& job, int repeat, const OnResult& on_result);
  const Grammar* grammar_for(const Expectation& expect) const;
  Result judged_result(const Job& job, const Expectation& expect, const PreparedRequest& request, int repeat,
                       const ResponseCollector& collector, TransferOutcome&& outcome,
                       const std::string& marker = "") const;
  // The request to send: `prepared` itself, or in upstream mode a marked copy (and its marker).
  std::shared_ptr<const PreparedRequest> outgoing(const Job& job, const PreparedRequest& prepared, std::string& marker);
  // A `steps:` case: sends its current step; the step's callback judges it, carries its captures
  // and sends the next, or ends the sequence with one result.
  void start_sequence(Lane& lane, const Job& job, int repeat, const OnResult& on_result);
  void send_step(Lane& lane, const std::shared_ptr<Sequence>& seq, const OnResult& on_result);
  void step_done(Lane& lane, const std::shared_ptr<Sequence>& seq, Result&& step, const OnResult& on_result);
  void end_sequence(Lane& lane, Sequence& seq, Result&& last, const OnResult& on_result);

  TransferQueue& transport_;
  const SchemaRegistry& schemas_;
  const Grammars& grammars_;
  const Redactor& redactor_;
  ExecutorOptions options_;
  Pairing pairing_;
  std::vector<std::unique_ptr<Lane>> lanes_;
  RunCost cost_;
  CreatedBatches created_;
  long marked_ = 0;  // requests marked for the upstream so far: the markers' numbers
};

// The Result skeleton every job shares: identity of case, provider and repeat (the request it
// sent is the caller's to add: a later step of a `steps:` case sent another).
Result result_for(const Job& job, int repeat);

// A prepared request of `job` (its first, or a later step's) for the transport; `spec` may
// override the run's retries.
HttpRequest http_request_of(const Job& job, const RequestSpec& spec, const PreparedRequest& prepared,
                            const RetryPolicy& run_policy);

// A fail of a declared known deviation becomes `known`; a pass of one is marked fixed.
void apply_known_deviation(const Job& job, Result& result);

}  // namespace ac
