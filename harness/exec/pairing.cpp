#include "exec/pairing.hpp"

#include <rapidjson/document.h>

#include "check/settle.hpp"
#include "exec/executor.hpp"
#include "exec/shape_compare.hpp"

namespace ac {

std::string Pairing::key(const Job& job, const std::string& case_id) {
  return job.target->provider.name + "\n" + case_id;
}

std::string Pairing::key(const Job& job, int repeat, const std::string& case_id) {
  return job.target->provider.name + "\n" + std::to_string(repeat) + "\n" + case_id;
}

void Pairing::plan(const std::vector<Job>& jobs) {
  for (const auto& job : jobs)
    if (!job.decided) partners_.emplace(key(job, job.test->id), false);
  for (const auto& job : jobs) {
    if (!job.expect.stream || job.expect.stream->compare_with.empty()) continue;
    auto it = partners_.find(key(job, job.expect.stream->compare_with));
    if (it != partners_.end()) it->second = true;
  }
}

void Pairing::complete(Waiting& w, const std::string& plain_body) {
  rapidjson::Document folded, plain;
  folded.Parse(w.folded.c_str(), w.folded.size());
  plain.Parse(plain_body.c_str(), plain_body.size());
  if (folded.HasParseError() || !folded.IsObject() || plain.HasParseError() || !plain.IsObject()) {
    w.result.findings.push_back(Finding{"stream-vs-json", "", "two messages to compare", "",
                                        "could not compare with " + w.partner_id + ": one of the two replies is not a message",
                                        Severity::Warning});
    settle_findings(*w.expect, w.result.findings);
    return;
  }
  compare_message_shapes(folded, plain, w.partner_id, w.result.findings);
  settle_findings(*w.expect, w.result.findings);
  // A pass (or a declared known deviation that passed, `fixed`) is judged again with the
  // comparison's findings; a known deviation that already failed stays known.
  if (w.result.verdict == Verdict::Pass) {
    w.result.fixed = false;
    w.result.reason.clear();
    w.result.verdict = verdict_of(w.result.findings);
    apply_known_deviation(*w.job, w.result);
  }
}

void Pairing::offer(const Job& job, Result&& result, const std::string& folded_json, const Emit& emit) {
  std::string own = key(job, result.repeat, job.test->id);
  auto partner_of = partners_.find(key(job, job.test->id));
  if (partner_of != partners_.end() && partner_of->second) {
    bodies_[own] = result.exchange.body;
    auto waiting = waiting_.find(own);
    if (waiting != waiting_.end()) {
      for (auto& w : waiting->second) {
        complete(w, bodies_[own]);
        emit(std::move(w.result));
      }
      waiting_.erase(waiting);
    }
  }
  bool compares = job.expect.stream && !job.expect.stream->compare_with.empty() && result.verdict != Verdict::Error &&
                  result.verdict != Verdict::NotRun;
  if (!compares) {
    emit(std::move(result));
    return;
  }
  std::string partner = key(job, result.repeat, job.expect.stream->compare_with);
  bool planned = partners_.count(key(job, job.expect.stream->compare_with)) > 0;
  Waiting w{std::move(result), folded_json, job.expect.stream->compare_with, &job.expect, &job};
  auto body = bodies_.find(partner);
  if (body != bodies_.end()) {
    complete(w, body->second);
    emit(std::move(w.result));
  } else if (!planned) {
    w.result.findings.push_back(Finding{"stream-vs-json", "", w.partner_id, "not run",
                                        "the non-streamed case to compare with was not run (filtered out or skipped)",
                                        Severity::Warning});
    settle_findings(*w.expect, w.result.findings);
    emit(std::move(w.result));
  } else {
    waiting_[partner].push_back(std::move(w));
  }
}

void Pairing::flush(const Emit& emit) {
  for (auto& [partner, list] : waiting_) {
    for (auto& w : list) {
      w.result.findings.push_back(Finding{"stream-vs-json", "", w.partner_id, "no reply",
                                          "the non-streamed case to compare with did not finish", Severity::Warning});
      settle_findings(*w.expect, w.result.findings);
      emit(std::move(w.result));
    }
  }
  waiting_.clear();
}

}  // namespace ac
