#pragma once
#include <string>
#include <vector>
#include <memory>
#include <optional>
#include <utility>

#include "model/result.hpp"
#include "model/suite_version.hpp"
#include "results/deviation.hpp"

namespace ac {

struct BaselineDiff;  // results/baseline_diff.hpp

struct ProviderRun {
  ProviderRun() = default;
  ProviderRun(std::string name_, std::string base_url_, bool simulated_, std::string status_, std::string reason_,
              std::string messages_path_ = "", std::string auth_ = "")
      : name(std::move(name_)), base_url(std::move(base_url_)), simulated(simulated_), status(std::move(status_)),
        reason(std::move(reason_)), messages_path(std::move(messages_path_)), auth(std::move(auth_)) {}

  std::string name;
  std::string base_url;
  bool simulated = false;
  std::string status = "run";  // run | not_run
  std::string reason;          // for not_run: e.g. "set ANTHROPIC_API_KEY"
  // How a client reaches it, to compare with the official API's (a difference is a deviation):
  std::string messages_path;   // the Messages endpoint's path, e.g. "/v1/messages"; "" = unknown
  std::string auth;            // "x-api-key", "bearer", "either" or "none"; "" = unknown
};

struct RunInfo {
  std::string started_at;  // RFC 3339 UTC
  std::string api_version = "2023-06-01";
  std::string command;
  int jobs = 0;
  int repeat = 1;
  std::string shard;  // "K/N" for a run of one shard (--shard); empty for the whole suite
  SuiteVersion suite;  // the cases and schemas judged with; empty in files written before it existed
  std::vector<ProviderRun> providers;
  const ProviderRun* provider(const std::string& name) const;  // null when the run had none of that name
};

// What a run spent on one provider, from what it sent and what came back.
struct ProviderCost {
  std::string provider;
  long long requests = 0;       // HTTP requests sent: every attempt, step, preflight and clean-up
  long long input_tokens = 0;   // sums of `usage` in the replies (non-streamed and streamed)
  long long output_tokens = 0;
  int batches_canceled = 0;     // batches the run created and canceled when it ended
  int cleanup_failed = 0;       // batches it could not cancel (listed on the console)
};

// What a run spent (docs/results-format.md, "cost").
struct RunCost {
  long long token_budget = 0;   // --token-budget; 0 = none
  bool budget_reached = false;  // cases were left not run because of it
  long long not_run = 0;        // (case, repeat)s not started because of it
  std::vector<ProviderCost> providers;
  ProviderCost& of(const std::string& provider);  // added when absent
  void add(const RunCost& other);                 // sums per provider; the larger budget, reached if either
  long long tokens() const;                       // input and output, every provider
};

// Adds one verdict to the matching counter (the one rule for every tally of verdicts).
void count_verdict(Verdict v, int& pass, int& fail, int& error, int& skip, int& unsupported, int& known);

struct Summary {
  int total = 0, pass = 0, fail = 0, error = 0, skip = 0, unsupported = 0, known = 0;
  int not_run = 0;           // cases an interrupt left unsent or without their reply
  bool interrupted = false;  // the run was stopped by SIGINT/SIGTERM
  void add(Verdict v);
};

// "interrupted: 7 of 8 results not run" for a run stopped by a signal; "" otherwise. Every report
// says it where it states the run, so a partial run is never read as a whole one.
std::string interrupted_note(const Summary& s);

// Upstream mode (`run --upstream`, docs/upstream.md): the upstream simulator the run started, and
// the forwarded requests it could tie to no case.
struct UpstreamRun {
  std::string dialect;  // openai | anthropic
  std::string listen;   // 127.0.0.1:PORT
  std::vector<UnmatchedRequest> unmatched;
};

// The whole of a results.json, as read back for reports and diffs.
struct ResultsFile {
  int format = 1;
  std::string tool_version;
  RunInfo run;
  std::vector<Result> results;
  Summary summary;
  std::string finished_at;
  // One per code per provider (results/deviation.hpp): read from the file, or found from the
  // results when the file has none (written before deviations existed).
  std::vector<Deviation> deviations;
  RunCost cost;  // empty in files written before it existed
  std::optional<UpstreamRun> upstream;  // upstream mode only
  // Not in the file: the comparison with a baseline, when the reports are made with one
  // (`run --baseline`, `diff --format`); every report then opens with it.
  std::shared_ptr<const BaselineDiff> comparison;
};

}  // namespace ac
