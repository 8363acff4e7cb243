// Runs a `steps:` case: its steps in order, each sent after the previous one finished, values
// captured from one reply carried into the next request, one Result for the whole sequence.
#include "check/judge.hpp"
#include "exec/executor.hpp"
#include "exec/step_sequence.hpp"

namespace ac {

struct Executor::Sequence {
  Sequence(const Job& j, int r) : job(j), repeat(r), vars(j.vars) { expects.reserve(j.test->step_count()); }

  const Job& job;
  int repeat;
  std::size_t index = 0;               // the step in flight, 0-based
  Variables vars;                      // the target's variables and what earlier steps captured
  std::vector<Expectation> expects;    // later steps' expectations, variables resolved (the
                                       // collectors refer to them, so reserved, never moved)
  PreparedRequest request;             // the later step in flight
  Findings findings;                   // of the finished steps, each naming its step
  std::vector<StepRecord> records;
  std::optional<UpstreamRecord> upstream;  // every step's forwarded requests (upstream mode)

  const RequestSpec& spec() const { return job.test->step_request(index); }
  // The step in flight's expectation: the planner resolved the first one, step_done the later ones.
  const Expectation& expect() const { return index == 0 ? job.expect : expects.back(); }
  const std::vector<Capture>& captures() const { return job.test->step_captures(index); }
  std::string label() const { return step_label(spec(), index + 1); }
};

void Executor::start_sequence(Lane& lane, const Job& job, int repeat, const OnResult& on_result) {
  send_step(lane, std::make_shared<Sequence>(job, repeat), on_result);
}

void Executor::send_step(Lane& lane, const std::shared_ptr<Sequence>& seq, const OnResult& on_result) {
  const Job& job = seq->job;
  const bool first = seq->index == 0;  // prepared by the planner; later ones by step_done
  const Expectation& expect = seq->expect();
  std::string marker;
  std::shared_ptr<const PreparedRequest> prepared =
      outgoing(job, first ? static_cast<const PreparedRequest&>(job) : seq->request, marker);
  HttpRequest request = http_request_of(job, seq->spec(), *prepared, options_.retry);
  auto collector = std::make_shared<ResponseCollector>(expect, grammar_for(expect), schemas_, options_.limits);
  transport_.submit(
      std::move(request), collector,
      [this, &lane, seq, &expect, prepared, marker, collector, &on_result](TransferOutcome outcome) {
        collector->finish(outcome);
        account(seq->job, prepared->sent, outcome, *collector);
        step_done(lane, seq,
                  judged_result(seq->job, expect, *prepared, seq->repeat, *collector, std::move(outcome), marker),
                  on_result);
      },
      job.target->provider.name, /*ahead=*/!first);  // a started case's next step waits behind no one
}

void Executor::step_done(Lane& lane, const std::shared_ptr<Sequence>& seq, Result&& step, const OnResult& on_result) {
  const Case& c = *seq->job.test;
  const std::string label = seq->label();
  seq->records.push_back(step_record(label, step.exchange));
  if (step.upstream && !seq->upstream) {
    seq->upstream = step.upstream;
  } else if (step.upstream) {
    auto& all = seq->upstream->forwarded;
    all.insert(all.end(), step.upstream->forwarded.begin(), step.upstream->forwarded.end());
  }
  label_findings(step.findings, label);
  seq->findings.insert(seq->findings.end(), step.findings.begin(), step.findings.end());
  const std::string unsent = unsent_steps(c, seq->index + 1);
  if (step.verdict == Verdict::Error || step.verdict == Verdict::NotRun) {
    step.reason = label + ": " + step.reason + (unsent.empty() ? "" : "; not sent: " + unsent);
    end_sequence(lane, *seq, std::move(step), on_result);
    return;
  }
  Findings failed;
  if (!capture_values(seq->captures(), step.exchange, seq->vars, failed)) {
    settle_findings(seq->expect(), failed);  // the first step's is the job's: `expects` has only later ones
    label_findings(failed, label);
    if (!unsent.empty()) failed.back().message += "; so these steps were not sent: " + unsent;
    seq->findings.insert(seq->findings.end(), failed.begin(), failed.end());
    end_sequence(lane, *seq, std::move(step), on_result);
    return;
  }
  if (unsent.empty()) {
    end_sequence(lane, *seq, std::move(step), on_result);
    return;
  }
  ++seq->index;
  const Step& next = c.later_steps[seq->index - 1];
  std::string error;
  Expectation expect = next.expect;
  if (!prepare_request(next.request, *seq->job.target, seq->vars, seq->job.request_options, seq->request, error) ||
      !expand_expectation(expect, seq->vars, error)) {
    step.verdict = Verdict::Error;
    step.reason = seq->label() + ": could not prepare the request: " + error + "; not sent: " + unsent;
    end_sequence(lane, *seq, std::move(step), on_result);
    return;
  }
  seq->expects.push_back(std::move(expect));
  send_step(lane, seq, on_result);
}

// The result of the sequence: the last step's exchange, every step's findings, the worst verdict.
void Executor::end_sequence(Lane& lane, Sequence& seq, Result&& last, const OnResult& on_result) {
  Result r = std::move(last);
  r.findings = std::move(seq.findings);
  r.exchange.steps = std::move(seq.records);
  r.upstream = std::move(seq.upstream);
  if (r.verdict != Verdict::Error && r.verdict != Verdict::NotRun) {
    r.verdict = verdict_of(r.findings);
    apply_known_deviation(seq.job, r);
  }
  release(lane, seq.job, std::move(r), "", on_result);
}

}  // namespace ac
