#include <algorithm>
#include <cstdint>

#include "plan/job.hpp"
#include "plan/request_builder.hpp"

namespace ac {

bool glob_match(const std::string& pattern, const std::string& text) {
  std::size_t p = 0, t = 0, star = std::string::npos, mark = 0;
  while (t < text.size()) {
    if (p < pattern.size() && (pattern[p] == '?' || pattern[p] == text[t])) {
      ++p;
      ++t;
    } else if (p < pattern.size() && pattern[p] == '*') {
      star = p++;
      mark = t;
    } else if (star != std::string::npos) {
      p = star + 1;
      t = ++mark;
    } else {
      return false;
    }
  }
  while (p < pattern.size() && pattern[p] == '*') ++p;
  return p == pattern.size();
}

namespace {

bool any_match(const std::vector<std::string>& patterns, const std::string& text) {
  return std::any_of(patterns.begin(), patterns.end(), [&](const auto& p) { return glob_match(p, text); });
}

}  // namespace

int shard_of(const std::string& case_id, int count) {
  std::uint64_t hash = 14695981039346656037ull;
  for (unsigned char ch : case_id) {
    hash ^= ch;
    hash *= 1099511628211ull;
  }
  return count <= 1 ? 0 : static_cast<int>(hash % static_cast<std::uint64_t>(count));
}

bool parse_shard(const std::string& text, int& index, int& count, std::string& error) {
  error = "--shard takes K/N with 1 <= K <= N, e.g. --shard 2/4 (got '" + text + "')";
  const std::size_t slash = text.find('/');
  if (slash == std::string::npos || slash == 0 || slash + 1 == text.size()) return false;
  auto digits = [](const std::string& s) {
    return !s.empty() && s.size() <= 6 && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
  };
  const std::string k = text.substr(0, slash), n = text.substr(slash + 1);
  if (!digits(k) || !digits(n)) return false;
  const int kk = std::stoi(k), nn = std::stoi(n);
  if (kk < 1 || nn < 1 || kk > nn) return false;
  index = kk - 1;
  count = nn;
  error.clear();
  return true;
}

bool case_selected(const Case& c, const PlanOptions& o) {
  if (c.needs_upstream() && o.upstream.empty()) return false;
  if (!o.only_cases.empty() && !any_match(o.only_cases, c.id)) return false;
  if (!o.only_features.empty() && !any_match(o.only_features, c.feature)) return false;
  if (!o.only_tags.empty() &&
      std::none_of(c.tags.begin(), c.tags.end(), [&](const auto& tag) { return any_match(o.only_tags, tag); }))
    return false;
  return true;
}

namespace {

const DeclaredDeviation* declared(const std::vector<DeclaredDeviation>& list, const Case& c) {
  for (const auto& d : list)
    if (glob_match(d.id, c.id) || glob_match(d.id, c.feature)) return &d;
  return nullptr;
}

void decide(Job& job, Verdict verdict, std::string reason) {
  job.decided = true;
  job.verdict = verdict;
  job.reason = std::move(reason);
}

Job plan_one(const Case& c, const Target& t, const PlanOptions& o) {
  Job job;
  job.test = &c;
  job.target = &t;
  job.expect = c.expect;
  if (!c.api_version.empty() && c.api_version != o.request.api_version) {
    decide(job, Verdict::Skip,
           "runs only under anthropic-version " + c.api_version + " (this run: " + o.request.api_version + ")");
    return job;
  }
  if (!c.upstream_dialect.empty() && c.upstream_dialect != o.upstream) {
    decide(job, Verdict::Skip, "written for --upstream " + c.upstream_dialect + " (this run: --upstream " + o.upstream + ")");
    return job;
  }
  if (c.simulated_only && !t.simulated) {
    decide(job, Verdict::Skip, "provoked through the simulator's x-sim-* steering headers; a real endpoint cannot be made to answer this on demand (run with --simulate)");
    return job;
  }
  if (const auto* d = declared(t.provider.unsupported, c)) {
    decide(job, Verdict::Unsupported, d->reason.empty() ? "declared unsupported by the provider profile" : d->reason);
    return job;
  }
  if (const auto* d = declared(t.provider.known, c)) job.known_reason = d->reason.empty() ? "declared known deviation" : d->reason;
  Variables vars = variables_for(t, o.request.api_version);
  std::string error;
  if (!prepare_request(c.request, t, vars, o.request, job, error) || !expand_expectation(job.expect, vars, error)) {
    decide(job, Verdict::Error, "could not prepare the request" + std::string(c.has_steps ? " of step 1" : "") + ": " + error);
    return job;
  }
  if (!c.later_steps.empty()) {  // later steps are built when they run, with the captures added
    job.vars = std::move(vars);
    job.request_options = o.request;
  }
  return job;
}

}  // namespace

void decide_setup_errors(std::vector<Job>& jobs) {
  for (auto& job : jobs)
    if (!job.decided && !job.target->setup_error.empty()) decide(job, Verdict::Error, job.target->setup_error);
}

std::vector<Job> plan_jobs(const std::vector<Case>& cases, const std::vector<Target>& targets, const PlanOptions& options) {
  std::vector<Job> jobs;
  jobs.reserve(cases.size() * targets.size());
  for (const auto& c : cases) {
    if (!case_selected(c, options)) continue;
    if (options.shard_count > 1 && shard_of(c.id, options.shard_count) != options.shard_index) continue;
    for (const auto& t : targets) {
      if (!t.not_run_reason.empty()) continue;
      jobs.push_back(plan_one(c, t, options));
    }
  }
  return jobs;
}

}  // namespace ac
