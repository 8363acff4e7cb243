#pragma once
#include <string>
#include <vector>

#include "load/variables.hpp"
#include "model/case.hpp"
#include "model/exchange.hpp"
#include "model/provider.hpp"
#include "model/result.hpp"

namespace ac {

// A provider ready to be planned against: its profile, where it answers now, and its key.
struct Target {
  Provider provider;
  std::string base_url;     // resolved (a simulator's ephemeral port, or the profile's URL)
  std::string key;          // the secret itself; never written anywhere
  bool simulated = false;
  std::string not_run_reason;  // set when the provider cannot be run (e.g. its key variable is unset)
  std::string setup_error;     // the preflight's diagnosis: its cases become errors, none is sent
};

// What building a request needs besides the spec and the variables.
struct RequestOptions {
  std::string api_version = "2023-06-01";
  std::size_t max_body_shown = 16 * 1024;  // request body kept in results
};

// One request ready for the transport (secrets included) and its redacted copy for results.
struct PreparedRequest {
  std::string method;
  std::string url;
  Headers headers;  // as sent, secrets included (only the transport sees these)
  std::string body;  // without its padding
  // A size-limit case's body is sent padded with spaces to this size. The padding is appended
  // only when the request is handed to the transport (body_as_sent): three such cases built
  // 96 MiB of spaces at planning, before the first request of a run could go out.
  std::size_t pad_to = 0;
  SentRequest sent;  // every secret replaced, with a curl line naming the key's variable

  std::size_t body_size() const { return body.size() < pad_to ? pad_to : body.size(); }
  std::string body_as_sent() const;
  // The first `max` bytes of the body as sent (padding included).
  std::string body_prefix(std::size_t max) const;
};

// One case against a target, with every variable resolved: its (first) request, and what the
// reply must be.
struct Job : PreparedRequest {
  const Case* test = nullptr;
  const Target* target = nullptr;
  Expectation expect;       // variables resolved
  // A job that is decided before sending: skip, unsupported, or an error preparing it.
  bool decided = false;
  Verdict verdict = Verdict::Pass;
  std::string reason;
  std::string known_reason;  // the provider declares this case a known deviation
  // For the later steps of a `steps:` case, built at run time: the target's variables (captures
  // are added per run) and how to build. Empty for a one-request case.
  Variables vars;
  RequestOptions request_options;
};

struct PlanOptions {
  RequestOptions request;                  // the anthropic-version sent, the body kept in results
  std::vector<std::string> only_cases;     // glob patterns on ids; empty = all
  std::vector<std::string> only_features;
  std::vector<std::string> only_tags;
  int shard_index = 0;                     // --shard K/N: this run plans shard K-1 of N
  int shard_count = 1;
  // Upstream mode (`run --upstream`): the upstream's dialect, "" = off. The cases that need an
  // upstream (Case::needs_upstream, the gateway.* features) are selected only with one.
  std::string upstream;
};

// The shard (0-based, of `count`) a case id falls in: FNV-1a of the id, so the split depends on
// nothing but the id (the same on every machine, whatever other cases or filters there are).
int shard_of(const std::string& case_id, int count);

// Reads `--shard K/N` (1 <= K <= N); false with `error` set otherwise.
bool parse_shard(const std::string& text, int& index, int& count, std::string& error);

// Cases × targets, in that order (the executor runs each job --repeat times). Filters drop jobs; version mismatch, declared
// unsupported features and unprepared requests become decided jobs with a reason.
std::vector<Job> plan_jobs(const std::vector<Case>& cases, const std::vector<Target>& targets, const PlanOptions& options);

// Whether the --case, --feature and --tag filters keep `c` (each list empty = no filter).
bool case_selected(const Case& c, const PlanOptions& options);

// A job that would be sent to a target whose preflight failed becomes an error carrying the
// diagnosis (skips and declared-unsupported cases keep their verdict).
void decide_setup_errors(std::vector<Job>& jobs);

// Glob with * and ? (for --case, --feature, --tag filters).
bool glob_match(const std::string& pattern, const std::string& text);

}  // namespace ac
