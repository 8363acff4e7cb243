#include "cli/run_checks.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <ostream>
#include <set>

#include "cli/format_list.hpp"
#include "util/suggest.hpp"
#include "plan/variable_check.hpp"
#include "results/results_reader.hpp"

namespace ac {

namespace {

// "did you mean `x`?" only: the whole list of 175 case ids is no help on one line.
std::string suggestion(const std::string& word, const std::vector<std::string>& choices, const std::string& list_cmd) {
  std::string hint = did_you_mean(word, choices);
  if (hint.rfind("did you mean", 0) == 0) return "; " + hint;
  return " (see `apiconform list " + list_cmd + "`)";
}

void check_patterns(const std::string& option, const std::vector<std::string>& patterns,
                    const std::set<std::string>& values, const std::string& list_cmd, std::vector<std::string>& out) {
  std::vector<std::string> choices(values.begin(), values.end());
  for (const auto& p : patterns) {
    bool any = std::any_of(values.begin(), values.end(), [&](const std::string& v) { return glob_match(p, v); });
    if (!any) out.push_back(option + " '" + p + "' matches no case" + suggestion(p, choices, list_cmd));
  }
}

}  // namespace

std::vector<std::string> filter_problems(const std::vector<Case>& cases, const PlanOptions& plan) {
  std::vector<std::string> out;
  if (cases.empty()) {
    out.push_back("the case files hold no case (see --cases)");
    return out;
  }
  std::set<std::string> ids, features, tags;
  for (const auto& c : cases) {
    ids.insert(c.id);
    features.insert(c.feature);
    tags.insert(c.tags.begin(), c.tags.end());
  }
  check_patterns("--case", plan.only_cases, ids, "cases", out);
  check_patterns("--feature", plan.only_features, features, "features", out);
  check_patterns("--tag", plan.only_tags, tags, "cases", out);
  if (out.empty() && !std::any_of(cases.begin(), cases.end(), [&](const Case& c) { return case_selected(c, plan); }))
    out.push_back("--case, --feature and --tag each match cases, but no case matches them all");
  return out;
}

std::string out_dir_problem(const std::string& dir) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) return "--out " + dir + ": cannot create the folder: " + ec.message();
  // Permissions alone do not tell (root, ACLs, a read-only mount): a real file does.
  std::string probe = dir + "/.apiconform-write-check-XXXXXX";
  int fd = mkstemp(probe.data());
  if (fd < 0) return "--out " + dir + ": cannot write files there: " + std::strerror(errno);
  close(fd);
  unlink(probe.c_str());
  return "";
}

bool check_before_sending(const RunOptions& o, const Suite& suite, const TargetSet& set,
                          const std::vector<Job>& jobs, CheckedRun& out, std::ostream& err) {
  std::vector<std::string> problems;
  parse_formats(o.formats, out.formats, problems);
  std::string dir = out_dir_problem(o.out_dir);
  if (!dir.empty()) problems.push_back(dir);
  if (!o.baseline.empty()) {
    ResultsFile baseline;
    std::string error;
    if (!read_results(o.baseline, baseline, error)) problems.push_back("--baseline: " + error);
  }
  std::vector<std::string> filters = filter_problems(suite.cases, o.plan);
  problems.insert(problems.end(), filters.begin(), filters.end());
  auto runnable = std::count_if(set.targets.begin(), set.targets.end(),
                                [](const Target& t) { return t.not_run_reason.empty(); });
  for (const auto& t : set.targets) {
    if (t.not_run_reason.empty() || (o.skip_missing_keys && runnable > 0)) continue;
    problems.push_back("provider " + t.provider.name + " cannot run: " + t.not_run_reason +
                       (o.skip_missing_keys ? " (no other provider is left to run)"
                                            : " (or pass --skip-missing-keys to run the other providers without it)"));
  }
  Diagnostics variables = unknown_variables(jobs);
  for (const auto& d : variables) err << format_diagnostic(d);
  for (const auto& p : problems) err << "apiconform: " << p << "\n";
  std::size_t count = problems.size() + variables.size();
  if (count > 0)
    err << count << (count == 1 ? " problem" : " problems") << " before the first request; nothing was sent\n";
  return count == 0;
}

}  // namespace ac
