#include "exec/executor.hpp"

#include <algorithm>

#include "check/judge.hpp"
#include "check/json_text.hpp"
#include "exec/result_redaction.hpp"
#include "exec/longest_first.hpp"
#include "exec/step_sequence.hpp"
#include "exec/usage.hpp"
#include "net/retry.hpp"
#include "util/utf8.hpp"

namespace ac {

HttpRequest http_request_of(const Job& job, const RequestSpec& spec, const PreparedRequest& prepared,
                            const RetryPolicy& run_policy) {
  HttpRequest request;
  request.method = prepared.method;
  request.url = prepared.url;
  request.headers = prepared.headers;
  request.body = prepared.body_as_sent();
  request.timeouts = job.target->provider.timeouts;
  if (spec.retries || !spec.retry_on.empty()) {
    request.retry = run_policy;
    if (spec.retries) request.retry->max_retries = *spec.retries;
    request.retry->also_retry = spec.retry_on;
  }
  return request;
}

namespace {

std::string mebibytes(std::size_t bytes) {
  return bytes % (1u << 20) == 0 ? std::to_string(bytes >> 20) + " MiB" : std::to_string(bytes) + " bytes";
}

// Bytes no client can read are a fault of the reply, so findings, not transport errors: a body
// its Content-Encoding does not decode, a body past the limit (an endless one was read for 8 GB).
Findings unreadable_reply(const TransferOutcome& outcome, const ResponseCollector& collector) {
  Findings out;
  if (!outcome.content_error.empty()) {
    Finding f{"body", "", "a body its Content-Encoding decodes", "undecodable", outcome.content_error, Severity::Breaking};
    f.rule = "encoding";
    out.push_back(std::move(f));
  }
  if (collector.over_limit()) {
    auto announced = find_header(outcome.headers, "content-length");
    Finding f{"body", "", "at most " + mebibytes(collector.limit()), "more",
              "the body exceeds the " + mebibytes(collector.limit()) + " body limit; reading stopped there (" +
                  (announced ? "Content-Length: " + *announced : std::string("no Content-Length: an endless body?")) +
                  ")",
              Severity::Breaking};
    f.rule = "size";
    out.push_back(std::move(f));
  }
  return out;
}

// Why a complete reply could not be judged although it arrived: the endpoint was out of capacity
// (429, 503, 529) or its stream ended with a transient in-band error, on every attempt. A gateway
// passing those on is behaving; judging the case against them would report a failure that is not
// one. A case that expects exactly that answer is judged as usual.
std::string unjudged_because(const Expectation& expect, const Exchange& x, const ResponseCollector& collector) {
  const std::string tries = x.attempts > 1 ? " on each of " + std::to_string(x.attempts) + " attempts" : "";
  const std::string in_band = collector.transient_error();
  if (!in_band.empty())
    return "the stream ended with an " + in_band + " (" + collector.stream()->error_summary() + ")" + tries +
           ": a transient error of the API, so the case could not be judged";
  bool expected = std::find(expect.status.begin(), expect.status.end(), x.status) != expect.status.end();
  if (is_capacity_status(x.status) && !expected)
    return "HTTP " + std::to_string(x.status) + tries + ": the endpoint had no capacity for the request, so the " +
           "case could not be judged";
  return "";
}

// The gateway's answer broke off (closed, reset, timed out) after an upstream fault the case
// scripted: a finding of the gateway's, as an SDK would raise a connection error.
Finding broken_answer(const std::string& error) {
  Finding f{"transport", "", "a complete answer (an error status or an in-band error event)", error,
            "the gateway's answer broke off after the upstream's fault: " + error, Severity::Breaking};
  f.rule = "broken";
  return f;
}

}  // namespace

void apply_known_deviation(const Job& job, Result& result) {
  if (job.known_reason.empty()) return;
  if (result.verdict == Verdict::Fail) {
    result.verdict = Verdict::Known;
    result.reason = job.known_reason;
  } else if (result.verdict == Verdict::Pass) {
    result.fixed = true;
    result.reason = "declared known deviation, but it now passes: " + job.known_reason;
  }
}

Result result_for(const Job& job, int repeat) {
  Result r;
  r.case_id = job.test->id;
  r.title = job.test->title;
  r.provider = job.target->provider.name;
  r.feature = job.test->feature;
  r.tags = job.test->tags;
  r.repeat = repeat;
  return r;
}

// The requests of one target not yet handed to the transport, in plan order (case, then repeat).
struct Executor::Lane {
  std::vector<const Job*> jobs;
  std::size_t next = 0;  // index into jobs
  int repeat = 0;        // next repeat of jobs[next]
  int in_flight = 0;     // handed to the transport, not finished
  int window = 1;        // how many may be in flight
};

Executor::Executor(TransferQueue& transport, const SchemaRegistry& schemas, const Grammars& grammars,
                   const Redactor& redactor, ExecutorOptions options)
    : transport_(transport), schemas_(schemas), grammars_(grammars), redactor_(redactor), options_(options) {
  options_.repeat = std::max(1, options_.repeat);
  options_.window = std::max(1, options_.window);
  cost_.token_budget = options_.token_budget;
}

Executor::~Executor() = default;

void Executor::run(const std::vector<Job>& jobs, const OnResult& deliver) {
  // Every result leaves through here, redacted whole (pairing adds findings after judging).
  const OnResult on_result = [&](Result&& result) {
    redact_result(result, redactor_);
    deliver(std::move(result));
  };
  pairing_.plan(jobs);
  std::map<const Target*, Lane*> lane_of;
  for (const auto& job : jobs) {
    if (job.decided) {
      for (int r = 0; r < options_.repeat; ++r) {
        Result result = result_for(job, r);
        result.exchange.request = job.sent;
        result.verdict = job.verdict;
        result.reason = job.reason;
        on_result(std::move(result));
      }
      continue;
    }
    // Large bodies share one lane of window 1, whatever their target: one upload at a time.
    const bool large = job.body_size() >= options_.large_body;
    Lane*& lane = lane_of[large ? nullptr : job.target];
    if (!lane) {
      lanes_.push_back(std::make_unique<Lane>());
      lane = lanes_.back().get();
      lane->window = large ? 1 : options_.window;
    }
    lane->jobs.push_back(&job);
  }
  for (auto& lane : lanes_) {
    longest_first(lane->jobs);  // so that no long case starts last and decides when the run ends
    feed(*lane, on_result);
  }
  transport_.run();  // each finished request's callback judges it and feeds its lane the next
  pairing_.flush(on_result);
  lanes_.clear();
}

// Hands the lane's next requests to the transport until `window` are in flight. Planning every
// request up front would hold 10,000 repeats' buffers at once; this holds a window's.
void Executor::feed(Lane& lane, const OnResult& on_result) {
  if (options_.stop && options_.stop->requested()) {
    emit_unsent(lane, on_result);
    return;
  }
  while (lane.in_flight < lane.window && lane.next < lane.jobs.size()) {
    const Job& job = *lane.jobs[lane.next];
    int repeat = lane.repeat;
    if (++lane.repeat == options_.repeat) {
      lane.repeat = 0;
      ++lane.next;
    }
    if (over_budget()) {
      not_run_for_budget(job, repeat, on_result);
      continue;
    }
    submit(lane, job, repeat, on_result);
  }
}

// After a stop: what the lane never sent is reported, not dropped, so results.json still holds
// every planned (case, repeat).
void Executor::emit_unsent(Lane& lane, const OnResult& on_result) {
  for (; lane.next < lane.jobs.size(); ++lane.next, lane.repeat = 0) {
    for (; lane.repeat < options_.repeat; ++lane.repeat) {
      Result r = result_for(*lane.jobs[lane.next], lane.repeat);
      r.exchange.request = lane.jobs[lane.next]->sent;
      r.verdict = Verdict::NotRun;
      r.reason = "interrupted";
      on_result(std::move(r));
    }
  }
}

void Executor::release(Lane& lane, const Job& job, Result&& result, const std::string& folded,
                       const OnResult& on_result) {
  --lane.in_flight;
  pairing_.offer(job, std::move(result), folded, on_result);
  feed(lane, on_result);
}

const Grammar* Executor::grammar_for(const Expectation& expect) const {
  if (!expect.stream) return nullptr;
  auto it = grammars_.find(expect.stream->grammar);
  return it == grammars_.end() ? nullptr : it->second.get();
}

void Executor::submit(Lane& lane, const Job& job, int repeat, const OnResult& on_result) {
  ++lane.in_flight;
  if (!job.test->later_steps.empty()) {  // the sequence holds this slot until its last step ends
    start_sequence(lane, job, repeat, on_result);
    return;
  }
  auto collector = std::make_shared<ResponseCollector>(job.expect, grammar_for(job.expect), schemas_, options_.limits);
  std::string marker;
  std::shared_ptr<const PreparedRequest> request = outgoing(job, job, marker);
  transport_.submit(
      http_request_of(job, job.test->request, *request, options_.retry), collector,
      [this, &lane, &job, repeat, collector, request, marker, &on_result](TransferOutcome outcome) {
        collector->finish(outcome);
        account(job, request->sent, outcome, *collector);
        std::string folded;
        if (collector->stream() && job.expect.stream && !job.expect.stream->compare_with.empty())
          folded = json_text(collector->stream()->folded(), std::string::npos);
        Result r = judged_result(job, job.expect, *request, repeat, *collector, std::move(outcome), marker);
        apply_known_deviation(job, r);
        release(lane, job, std::move(r), folded, on_result);
      },
      job.target->provider.name);
}

void Executor::account(const Job& job, const SentRequest& sent, const TransferOutcome& outcome,
                       const ResponseCollector& collector) {
  ProviderCost& spent = cost_.of(job.target->provider.name);
  spent.requests += outcome.attempts;
  const TokenUsage usage =
      collector.stream() ? usage_of(collector.stream()->folded()) : usage_of_body(collector.body());
  spent.input_tokens += usage.input;
  spent.output_tokens += usage.output;
  created_.observe(*job.target, sent.method, sent.url, outcome.status, collector.body());
}

void Executor::not_run_for_budget(const Job& job, int repeat, const OnResult& on_result) {
  cost_.budget_reached = true;
  ++cost_.not_run;
  Result r = result_for(job, repeat);
  r.exchange.request = job.sent;
  r.verdict = Verdict::NotRun;
  r.reason = "not run: the token budget of " + std::to_string(options_.token_budget) + " was reached (" +
             std::to_string(cost_.tokens()) + " tokens spent)";
  on_result(std::move(r));
}

std::shared_ptr<const PreparedRequest> Executor::outgoing(const Job& job, const PreparedRequest& prepared,
                                                          std::string& marker) {
  if (!options_.upstream) return std::shared_ptr<const PreparedRequest>(std::shared_ptr<void>(), &prepared);
  auto marked = std::make_shared<PreparedRequest>(prepared);
  marker = mark_for_upstream(*options_.upstream, job, *marked, ++marked_);
  return marked;
}

Result Executor::judged_result(const Job& job, const Expectation& expect, const PreparedRequest& request, int repeat,
                               const ResponseCollector& collector, TransferOutcome&& outcome,
                               const std::string& marker) const {
  Result r = result_for(job, repeat);
  r.exchange.request = request.sent;
  Exchange& x = r.exchange;
  x.status = outcome.status;
  x.response_headers = std::move(outcome.headers);
  x.body = collector.body();
  x.body_size = collector.body_size();
  x.body_truncated = collector.truncated();
  x.transport_error = outcome.error;
  x.timings = outcome.timings;
  x.attempts = outcome.attempts;
  x.retry_note = outcome.retry_note;
  if (outcome.history.size() > 1)
    for (const auto& a : outcome.history) x.attempt_log.push_back(Attempt{a.status, a.error, a.waited_ms});

  const rapidjson::Value* folded = nullptr;
  if (const StreamJudge* s = collector.stream()) {
    r.findings = s->findings();
    x.events = s->recorded_events();
    x.event_count = s->event_count();
    x.timings.first_event_ms = s->first_event_ms();
    x.timings.first_content_ms = s->first_content_ms();
    x.timings.max_gap_ms = s->max_gap_ms();
    folded = &s->folded();
  }
  settle_findings(expect, r.findings);  // a stream cut short has findings too
  // Upstream mode, a scripted upstream fault: an answer that breaks off or a relayed 429/503 is
  // what the case provoked, to be judged, not a mishap of the run.
  const bool provoked = options_.upstream && job.test->upstream_faults;
  if (outcome.interrupted) {
    r.verdict = Verdict::NotRun;
    r.reason = outcome.error;  // "interrupted before it was sent", "interrupted after 120 body bytes (...)"
    r.findings.clear();        // a cut stream's findings would only say that it was cut
  } else if (Findings unreadable = unreadable_reply(outcome, collector); !unreadable.empty()) {
    x.transport_error.clear();  // "stopped by the response reader": the limit's finding says why
    r.findings.insert(r.findings.end(), unreadable.begin(), unreadable.end());
    settle_findings(expect, r.findings);
    r.verdict = verdict_of(r.findings);
  } else if (!outcome.error.empty() && provoked) {
    // The upstream failed on the case's order: how the gateway passed that on is the verdict.
    r.findings.push_back(broken_answer(outcome.error));
    settle_findings(expect, r.findings);
    r.verdict = verdict_of(r.findings);
  } else if (!outcome.error.empty()) {
    r.verdict = Verdict::Error;
    r.reason = outcome.error;
  } else {
    Findings checks = judge_exchange(expect, x, schemas_, folded, options_.strict, request.body);
    r.findings.insert(r.findings.begin(), checks.begin(), checks.end());
    settle_findings(expect, r.findings);
    r.verdict = verdict_of(r.findings);
    std::string transient = provoked ? "" : unjudged_because(expect, x, collector);
    if (!transient.empty()) {
      r.verdict = Verdict::Error;
      r.reason = std::move(transient);
    }
  }
  if (options_.upstream && r.verdict != Verdict::NotRun) judge_upstream(*options_.upstream, marker, expect, r);
  // Before a later step captures from it: nothing a server sends back may carry a key on.
  redact_response(x, redactor_);
  x.body = cut_utf8(x.body, options_.max_body_kept);
  x.body_truncated = x.body_truncated || x.body.size() < x.body_size;
  return r;
}

}  // namespace ac
