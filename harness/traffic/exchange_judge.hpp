#pragma once
#include <map>
#include <memory>
#include <string>

#include "schema/registry.hpp"
#include "model/result.hpp"
#include "stream/grammar.hpp"
#include "traffic/exchange_record.hpp"

namespace ac {

// What judging an exchange needs, loaded once and shared (read-only: judging is thread-safe).
struct JudgeContext {
  const SchemaRegistry* schemas = nullptr;          // replies: the schemas folder
  const SchemaRegistry* request_schemas = nullptr;  // requests: its requests/ folder, a registry of its own
  const Grammar* grammar = nullptr;  // the stream grammar (kDefaultStreamGrammar)
  std::string provider = "proxy";    // Result::provider of every exchange
  bool strict = false;               // unknown fields fail instead of warn (run --strict)
  // Limits on a stream's timing, as a case's expect.stream.timing (first_byte, first_event,
  // first_content, max_gap, total, in ms); empty: timing is recorded, not judged.
  std::map<std::string, double> timing_max_ms;
  RecordOptions secrets;             // header values masked in the result's request
  std::size_t max_body_kept = 64 * 1024;  // reply body kept in the result
};

// Loads the schemas under `schemas_dir` (with `options`: the shipped folder need not be proven
// again, schema/registry.hpp), its requests/ folder and its stream grammar into `owner` and points
// `context` at them. Diagnostics when they do not load (then `context` is unusable).
struct JudgeData {
  std::unique_ptr<SchemaRegistry> schemas;
  std::unique_ptr<SchemaRegistry> request_schemas;
  std::unique_ptr<Grammar> grammar;
};
Diagnostics load_judge_data(const std::string& schemas_dir, JudgeData& owner, JudgeContext& context,
                            const SchemaLoadOptions& options = {});

// Judges one exchange with the checks of `run` (check/judge.hpp, the stream judge, the schema
// registry): the request against the endpoint's request schema (a request the API would refuse
// is a client-side finding, check "request", code "request.<rule>:<pointer>"), the reply by
// status, headers, body schema or stream grammar, per-event schemas, the folded message and
// timing. The result's case_id is "POST /v1/messages · <model> · #<sequence>", its feature the
// endpoint ("POST /v1/messages"), its title what was asked; findings are settled (codes,
// severities) so results/deviations groups them as in `run`.
Result judge_exchange(const ExchangeRecord& record, const JudgeContext& context);

}  // namespace ac
