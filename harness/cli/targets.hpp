#pragma once
#include <iosfwd>
#include <memory>
#include <string>
#include <vector>

#include "plan/job.hpp"
#include "results/results_file.hpp"
#include "sim/simulator.hpp"

namespace ac {

struct TargetOptions {
  std::vector<std::string> providers;  // names or profile paths; empty = the reference simulator
  std::string providers_dir;
  std::string base_url;                // ad-hoc provider
  std::string key_env;
  std::string auth;                    // x-api-key | bearer | either | none
  bool simulate = false;               // serve every provider from its dialect's simulator
  std::string model;                   // --model: every model variable of every provider
  std::vector<std::string> vars;       // --var NAME=VALUE, applied after --model
};

// The targets of a run and the simulators serving them, which live as long as this does.
struct TargetSet {
  std::vector<Target> targets;
  std::vector<std::unique_ptr<sim::Simulator>> simulators;
  std::vector<ProviderRun> runs() const;
};

// Loads the named profiles (or makes the ad-hoc one), starts simulators where needed, reads
// keys from the environment. Problems go to `err`; returns false on input errors (exit 2).
bool make_targets(const TargetOptions& options, TargetSet& out, std::ostream& err);

// The userinfo of `url` ("user:password@"), whole and each part, as process secrets.
void register_url_secrets(const std::string& url);

}  // namespace ac
