#include "results/merge.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "results/deviations.hpp"

namespace ac {

namespace {

void add_provider(RunInfo& run, const ProviderRun& p) {
  for (auto& have : run.providers) {
    if (have.name != p.name) continue;
    if (have.status != "run" && p.status == "run") have = p;  // it ran in some shard
    return;
  }
  run.providers.push_back(p);
}

// "2/4" -> {2, 4}; {0, 0} when not a shard.
std::pair<int, int> shard_of_run(const std::string& shard) {
  const std::size_t slash = shard.find('/');
  if (slash == std::string::npos) return {0, 0};
  try {
    return {std::stoi(shard.substr(0, slash)), std::stoi(shard.substr(slash + 1))};
  } catch (...) {
    return {0, 0};
  }
}

void note_missing_shards(const std::vector<ResultsFile>& inputs, std::vector<std::string>& notes) {
  std::set<int> seen;
  int count = 0;
  for (const auto& f : inputs) {
    auto [k, n] = shard_of_run(f.run.shard);
    if (n == 0 || (count && n != count)) return;  // not all shards of one split: nothing to say
    count = n;
    seen.insert(k);
  }
  for (int k = 1; k <= count; ++k)
    if (!seen.count(k)) notes.push_back("shard " + std::to_string(k) + "/" + std::to_string(count) + " is not among the inputs");
}

}  // namespace

bool merge_results(const std::vector<ResultsFile>& inputs, const std::vector<std::string>& names, ResultsFile& out,
                   std::vector<std::string>& notes, std::string& error) {
  if (inputs.empty()) {
    error = "nothing to merge";
    return false;
  }
  out = ResultsFile{};
  out.tool_version = inputs.front().tool_version;
  out.run = inputs.front().run;
  out.run.providers.clear();
  out.run.shard.clear();
  std::map<std::tuple<std::string, std::string, int>, std::size_t> origin;  // (case, provider, repeat) -> input
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    const ResultsFile& f = inputs[i];
    const std::string& name = names[i];
    if (f.run.api_version != out.run.api_version || f.run.repeat != out.run.repeat) {
      error = name + " is a run of anthropic-version " + f.run.api_version + " with --repeat " +
              std::to_string(f.run.repeat) + ", " + names[0] + " of " + out.run.api_version + " with --repeat " +
              std::to_string(out.run.repeat) + ": they are not shards of one run";
      return false;
    }
    if (f.run.suite != out.run.suite) {
      error = name + " was judged with suite " + f.run.suite.text() + ", " + names[0] + " with suite " +
              out.run.suite.text() + ": they are not shards of one run";
      return false;
    }
    for (const auto& p : f.run.providers) add_provider(out.run, p);
    if (!f.run.started_at.empty() && (out.run.started_at.empty() || f.run.started_at < out.run.started_at))
      out.run.started_at = f.run.started_at;
    out.finished_at = std::max(out.finished_at, f.finished_at);
    out.run.jobs = std::max(out.run.jobs, f.run.jobs);
    out.cost.add(f.cost);
    if (f.upstream) {  // each shard ran its own upstream: their unmatched requests add up
      if (!out.upstream) out.upstream = UpstreamRun{f.upstream->dialect, f.upstream->listen, {}};
      out.upstream->unmatched.insert(out.upstream->unmatched.end(), f.upstream->unmatched.begin(), f.upstream->unmatched.end());
    }
    out.summary.interrupted = out.summary.interrupted || f.summary.interrupted;  // a partial shard keeps saying so
    for (const auto& r : f.results) {
      auto [it, fresh] = origin.emplace(std::make_tuple(r.case_id, r.provider, r.repeat), i);
      if (!fresh) {
        error = r.case_id + " @ " + r.provider + (r.repeat ? " (repeat " + std::to_string(r.repeat + 1) + ")" : "") +
                " is in both " + names[it->second] + " and " + name +
                ": shards of one run hold each case once (was the same shard given twice?)";
        return false;
      }
      out.results.push_back(r);
      out.summary.add(r.verdict);
    }
  }
  note_missing_shards(inputs, notes);
  out.deviations = find_deviations(out);
  return true;
}

}  // namespace ac
