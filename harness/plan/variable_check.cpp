#include "plan/variable_check.hpp"

#include <algorithm>
#include <cstdlib>
#include <map>
#include <set>
#include <tuple>

#include "util/suggest.hpp"
#include "plan/request_builder.hpp"
#include "util/join.hpp"

namespace ac {

namespace {

using Place = std::tuple<std::string, int, int, std::string>;  // file, line, column, name

// A placeholder nothing defines, with the providers that lack it.
struct Unknown {
  SourceLocation where;
  std::string name;
  std::vector<std::string> providers;
  const std::vector<std::string>* defined = nullptr;  // the first provider's names, for a suggestion
};

bool built(const Job& job) { return !job.decided || job.verdict == Verdict::Error; }

std::set<std::string> captured(const Case& c) {
  std::set<std::string> names;
  for (std::size_t i = 0; i < c.step_count(); ++i)
    for (const auto& capture : c.step_captures(i)) names.insert(capture.name);
  return names;
}

Diagnostic diagnostic_of(const Unknown& u) {
  if (u.name.rfind("env.", 0) == 0)
    return {u.where, "environment variable `" + u.name.substr(4) + "` (from `{{" + u.name + "}}`) is not set",
            "set it before the run, or use a variable of the provider profile"};
  const std::string providers = join(u.providers, ", ");
  return {u.where,
          "unknown variable `{{" + u.name + "}}` for provider" + (u.providers.size() > 1 ? "s " : " ") + providers,
          did_you_mean(u.name, *u.defined) +
              " (variables come from the profile's `vars`, `paths.*`, `api_version`, the case's captures and `env.NAME`)"};
}

}  // namespace

Diagnostics unknown_variables(const std::vector<Job>& jobs, bool check_environment) {
  std::map<Place, Unknown> unknown;  // in file order
  std::map<const Target*, std::vector<std::string>> names_of;  // sorted, as variables_for's map keys
  for (const Job& job : jobs) {
    if (!built(job) || job.test->placeholders.empty()) continue;
    std::vector<std::string>& names = names_of[job.target];
    if (names.empty())
      for (const auto& kv : variables_for(*job.target, "")) names.push_back(kv.first);
    const std::set<std::string> captures = captured(*job.test);
    for (const auto& use : job.test->placeholders) {
      bool env = use.name.rfind("env.", 0) == 0;
      if (env && !check_environment) continue;
      bool defined = env ? std::getenv(use.name.substr(4).c_str()) != nullptr
                         : captures.count(use.name) || std::binary_search(names.begin(), names.end(), use.name);
      if (defined) continue;
      Unknown& u = unknown[Place{use.where.file, use.where.line, use.where.column, use.name}];
      u.where = use.where;
      u.name = use.name;
      u.defined = u.defined ? u.defined : &names;
      if (!env && std::find(u.providers.begin(), u.providers.end(), job.target->provider.name) == u.providers.end())
        u.providers.push_back(job.target->provider.name);
    }
  }
  Diagnostics out;
  for (const auto& [place, u] : unknown) out.push_back(diagnostic_of(u));
  return out;
}

}  // namespace ac
