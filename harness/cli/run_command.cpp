#include "cli/run_command.hpp"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <iostream>

#include "cli/console.hpp"
#include "cli/exit_codes.hpp"
#include "cli/interrupts.hpp"
#include "cli/live_outputs.hpp"
#include "cli/reports.hpp"
#include "cli/run_checks.hpp"
#include "cli/suite.hpp"
#include "cli/upstream_session.hpp"
#include "exec/preflight.hpp"
#include "load/suite_version.hpp"
#include "net/retry.hpp"
#include "redact/secrets.hpp"
#include "util/utc_time.hpp"

namespace ac {

namespace {

void apply_timeouts(const RunOptions& o, TargetSet& set) {
  for (auto& t : set.targets) {
    Timeouts& tt = t.provider.timeouts;
    if (o.timeout_s > 0) tt.total_s = o.timeout_s;
    if (o.connect_timeout_s > 0) tt.connect_s = o.connect_timeout_s;
    if (o.idle_timeout_s > 0) tt.idle_s = o.idle_timeout_s;
  }
}

RunInfo run_info(const RunOptions& o, const TargetSet& set, const Redactor& redactor) {
  RunInfo info;
  info.started_at = utc_now_rfc3339();
  info.api_version = o.plan.request.api_version;
  info.command = redactor.apply(o.command_line);
  info.jobs = o.jobs;
  info.repeat = o.repeat;
  if (o.plan.shard_count > 1)
    info.shard = std::to_string(o.plan.shard_index + 1) + "/" + std::to_string(o.plan.shard_count);
  info.providers = set.runs();
  info.suite = suite_version(o.case_paths, o.schemas_dir);
  return info;
}

// Preflights the targets that have a case to send (none is spent on a provider whose cases are
// all skipped); a failed one keeps its diagnosis, and its cases become errors carrying it.
// Returns what the preflight spent.
RunCost preflight_targets(Transport& transport, TargetSet& set, std::vector<Job>& jobs, const RequestOptions& request,
                          const Redactor& redactor, const StopSignal& stop) {
  std::vector<Target*> wanted;
  for (auto& t : set.targets)
    if (std::any_of(jobs.begin(), jobs.end(), [&](const Job& j) { return j.target == &t && !j.decided; }))
      wanted.push_back(&t);
  std::vector<PreflightOutcome> outcomes =
      run_preflight(transport, std::vector<const Target*>(wanted.begin(), wanted.end()), request, redactor);
  RunCost spent;
  // A preflight cut by Ctrl-C diagnoses nothing: the cases are then `not_run`, not setup errors.
  for (std::size_t i = 0; i < outcomes.size(); ++i) {
    if (!outcomes[i].ok && !stop.requested()) wanted[i]->setup_error = outcomes[i].diagnosis;
    ProviderCost& c = spent.of(wanted[i]->provider.name);
    c.requests += outcomes[i].requests;
    c.input_tokens += outcomes[i].input_tokens;
    c.output_tokens += outcomes[i].output_tokens;
  }
  decide_setup_errors(jobs);
  return spent;
}

// A profile's `concurrency` below --jobs caps that provider silently otherwise: a user who asked
// for 32 would wonder why the run is slow.
void say_capped_jobs(const RunOptions& o, const TargetSet& set, Console& console) {
  for (const auto& t : set.targets)
    if (t.provider.concurrency < o.jobs)
      console.note(t.provider.name + ": at most " + std::to_string(t.provider.concurrency) +
                   " requests in flight (the profile's concurrency), not --jobs " + std::to_string(o.jobs));
}

}  // namespace

int run_command(const RunOptions& o) {
  std::string error;
  StopSignal stop;
  InterruptGuard interrupts(stop);  // from here a Ctrl-C still ends with results and reports
  Suite suite;
  if (load_suite(o.case_paths, o.schemas_dir, suite, std::cerr) > 0) return kExitInput;
  TargetSet set;
  if (!make_targets(o.targets, set, std::cerr)) return kExitInput;
  apply_timeouts(o, set);
  std::vector<Job> jobs = plan_jobs(suite.cases, set.targets, o.plan);  // sends nothing
  CheckedRun checked;
  if (!check_before_sending(o, suite, set, jobs, checked, std::cerr)) return kExitInput;

  const Redactor& redactor = process_redactor();  // make_targets registered every secret

  Console console(std::cout, stdout_console_options(o.progress));
  TransportOptions transport_options;
  transport_options.max_concurrency = o.jobs;
  transport_options.retry.max_retries = o.retries;
  transport_options.stop = &stop;
  transport_options.stop_grace_s = o.interrupt_grace_s;
  transport_options.on_stop = [&console, &o](int in_flight) {
    console.note("interrupted: nothing more is sent; " + std::to_string(in_flight) + " repl" +
                 (in_flight == 1 ? "y" : "ies") + " in flight may finish within " + format_seconds(o.interrupt_grace_s) +
                 " s, then results and reports are written (Ctrl-C again to quit at once)");
  };
  transport_options.on_pace = [&console](const std::string& pool, const std::string& note) {
    console.note(pool + ": " + note);
  };
  Transport transport(transport_options);
  for (const auto& t : set.targets) {
    // --rate fixes the pace (the headers can still slow it); a profile's may rise to max_rate_per_s.
    const bool fixed = o.rate_per_s >= 0;
    transport.set_pool_limits(t.provider.name, std::min(o.jobs, t.provider.concurrency),
                              fixed ? o.rate_per_s : t.provider.rate_per_s, fixed ? 0 : t.provider.max_rate_per_s);
  }
  UpstreamSession upstream;  // upstream mode: started before anything reaches the gateway
  if (!o.upstream.empty() && !upstream.start(o.upstream, o.upstream_listen, error)) {
    std::cerr << "apiconform: " << error << "\n";
    return kExitInput;
  }
  RunCost preflight_cost;
  if (o.preflight) preflight_cost = preflight_targets(transport, set, jobs, o.plan.request, redactor, stop);
  if (!o.upstream.empty()) upstream.end_preflight();

  RunInfo info = run_info(o, set, redactor);
  LiveOutputs live;
  if (!live.open(o.out_dir, info, false, std::cerr)) return kExitInput;

  const std::size_t repeat = static_cast<std::size_t>(std::max(1, o.repeat));
  const std::size_t total = jobs.size() * repeat;
  const auto decided = static_cast<std::size_t>(std::count_if(jobs.begin(), jobs.end(), [](const Job& j) { return j.decided; }));
  // The run loop talks to the fan-out of the live outputs only.
  console.count_in_flight([&transport] { return transport.in_flight(); });
  RunSink& outputs = live.start(console, total, decided * repeat);
  say_capped_jobs(o, set, console);
  for (const auto& t : set.targets)
    if (!t.setup_error.empty()) console.setup_failed(t.provider.name, t.setup_error);
  ExecutorOptions executor_options;
  executor_options.strict = o.strict;
  executor_options.retry = transport_options.retry;
  executor_options.repeat = o.repeat;
  executor_options.window = 2 * o.jobs;
  executor_options.stop = &stop;
  executor_options.limits.max_body_bytes = o.max_body_mib << 20;
  executor_options.token_budget = o.token_budget;
  if (!o.upstream.empty()) executor_options.upstream = &upstream;
  Executor executor(transport, *suite.schemas, suite.grammars, redactor, executor_options);
  executor.cost().add(preflight_cost);  // the budget counts the preflight's tokens too
  executor.run(jobs, [&](Result&& result) { outputs.on_result(result); });
  // What the cases created is cleaned up before the run is over (a real batch runs for hours).
  std::vector<std::string> left_running =
      executor.created_batches().cancel_running(transport, o.plan.request, redactor, executor.cost());
  const std::string finished = utc_now_rfc3339();
  std::optional<UpstreamRun> upstream_run;  // upstream mode: the upstream stops with the run
  if (!o.upstream.empty()) {
    upstream_run = upstream.finish(redactor);
    if (!upstream_run->unmatched.empty()) console.note(unmatched_text(upstream_run->unmatched));
  }
  live.finish(finished, executor.cost(), stop.requested(), upstream_run ? &*upstream_run : nullptr);
  const Summary& summary = live.summary();
  const std::string& results_path = live.results_path();
  const ResultsFile& compact = live.file();

  int code = exit_code_for(summary);
  ReportOutcome reports =
      write_reports(compact, results_path, o.out_dir, checked.formats, o.baseline, o.strict, std::cout, std::cerr);
  console.end(info.providers, summary, reports.hint.empty() ? results_path : reports.hint, compact.deviations);
  console.spent(compact.cost, left_running);
  // What changed since the baseline is the last thing on the console (docs/baselines.md).
  if (!reports.comparison.empty()) std::cout << "\nsince the baseline " << o.baseline << ":\n" << reports.comparison;
  if (stop.requested()) {
    std::cerr << "apiconform: " << interrupted_note(summary) << "; " << results_path
              << (reports.ok ? " and the reports" : "") << " written\n";
    return kExitInterrupted;
  }
  if (!reports.ok) return kExitInput;
  if (judged(summary) == 0) {
    std::cerr << "apiconform: no case was judged (" << not_judged_text(summary)
              << "); a run that judged nothing does not pass\n";
    return kExitInput;
  }
  if (!o.baseline.empty()) return reports.gate ? kExitFindings : (summary.error ? kExitRuntime : kExitOk);
  return code;
}

}  // namespace ac
