#include "cli/targets.hpp"

#include <cstdlib>
#include <ostream>

#include "load/provider_loader.hpp"
#include "load/var_override.hpp"
#include "plan/request_builder.hpp"
#include "redact/secrets.hpp"

namespace ac {

namespace {

bool parse_auth(const std::string& text, AuthStyle& out) {
  if (text == "x-api-key") out = AuthStyle::XApiKey;
  else if (text == "bearer") out = AuthStyle::Bearer;
  else if (text == "either") out = AuthStyle::Either;
  else if (text == "none") out = AuthStyle::None;
  else return false;
  return true;
}

bool load_profile(const std::string& name, const std::string& dir, Provider& out, std::ostream& err) {
  Diagnostics diags = load_provider(name, dir, out);
  for (const auto& d : diags) err << format_diagnostic(d);
  return diags.empty();
}

// An ad-hoc provider is the official profile pointed elsewhere: same paths, headers and vars.
bool adhoc_provider(const TargetOptions& o, Provider& out, std::ostream& err) {
  if (!load_profile("anthropic", o.providers_dir, out, err)) return false;
  out.name = "custom";
  out.base_url = o.base_url;
  out.dialect.clear();
  // Limits tuned for api.anthropic.com do not apply to an endpoint named on the command line:
  // --jobs bounds it, and --rate when the user asks for one.
  out.concurrency = 1024;
  out.rate_per_s = 0;
  // Only the key the user names is sent: the official profile's ANTHROPIC_API_KEY is never
  // handed to an endpoint nobody said it may have.
  if (!o.key_env.empty()) {
    out.key_env = o.key_env;
  } else if (o.auth == "none") {
    out.key_env.clear();
  } else {
    err << "apiconform: --base-url needs --key-env NAME, the environment variable holding that endpoint's key\n"
           "  (apiconform sends no key it was not told to send); for an endpoint without a key, add --auth none\n";
    return false;
  }
  return true;
}

bool start_simulator(Target& t, TargetSet& set, std::ostream& err) {
  sim::SimOptions options;
  options.dialect = t.provider.dialect.empty() ? "reference" : t.provider.dialect;
  auto simulator = std::make_unique<sim::Simulator>(options);
  std::string error;
  if (simulator->start(0, error) < 0) {
    err << "apiconform: could not start the " << options.dialect << " simulator: " << error << "\n";
    return false;
  }
  t.base_url = simulator->base_url();
  t.key = options.api_key;
  t.simulated = true;
  // A profile's rate limit protects the real provider; its simulator needs no protection.
  t.provider.rate_per_s = 0;
  set.simulators.push_back(std::move(simulator));
  return true;
}

void read_key(Target& t) {
  if (t.provider.auth == AuthStyle::None) return;
  const char* key = t.provider.key_env.empty() ? nullptr : std::getenv(t.provider.key_env.c_str());
  if (key && *key) {
    t.key = key;
  } else {
    t.not_run_reason = t.provider.key_env.empty()
                           ? "the profile names no key variable (key_env)"
                           : "set " + t.provider.key_env + " to this provider's API key to run it";
  }
}

// --model, then each --var over the profile's vars: the command line wins over every profile.
bool apply_overrides(const TargetOptions& o, Provider& p, std::ostream& err) {
  if (!o.model.empty()) apply_model_override(p, o.model);
  for (const auto& assignment : o.vars) {
    std::string name, json, error;
    if (!parse_var_assignment(assignment, name, json, error)) {
      err << "apiconform: " << error << "\n";
      return false;
    }
    p.vars[name] = json;
  }
  return true;
}

}  // namespace

void register_url_secrets(const std::string& url) {
  const std::string userinfo = url_userinfo(url);
  add_process_secret(userinfo);
  if (auto colon = userinfo.find(':'); colon != std::string::npos) {
    add_process_secret(userinfo.substr(0, colon));
    add_process_secret(userinfo.substr(colon + 1));
  }
}

namespace {

// Every secret of a target joins the process's registry (redact/secrets.hpp) before anything is
// sent: its key, the values of its secret headers, the userinfo of its URL.
void register_secrets(const Target& t) {
  add_process_secret(t.key);
  register_url_secrets(t.base_url);
  const Variables vars = variables_for(t, "");
  for (const auto& h : t.provider.headers) {
    for (const auto& secret : t.provider.secret_headers) {
      std::string value, error;
      if (iequals(h.name, secret) && expand_text(h.value, vars, value, error)) add_process_secret(value);
    }
  }
}

}  // namespace

std::vector<ProviderRun> TargetSet::runs() const {
  std::vector<ProviderRun> out;
  for (const auto& t : targets) {
    auto messages = t.provider.paths.find("messages");
    const std::string status = !t.not_run_reason.empty() ? "not_run" : !t.setup_error.empty() ? "setup_error" : "run";
    const std::string& reason = !t.not_run_reason.empty() ? t.not_run_reason : t.setup_error;
    out.push_back(ProviderRun{t.provider.name, t.base_url, t.simulated, status, reason,
                              messages == t.provider.paths.end() ? "" : messages->second, auth_name(t.provider.auth)});
  }
  return out;
}

bool make_targets(const TargetOptions& o, TargetSet& out, std::ostream& err) {
  std::vector<Provider> providers;
  if (!o.base_url.empty()) {
    Provider p;
    if (!adhoc_provider(o, p, err)) return false;
    providers.push_back(std::move(p));
  }
  std::vector<std::string> names = o.providers;
  if (names.empty() && o.base_url.empty()) names.push_back("reference");
  for (const auto& name : names) {
    Provider p;
    if (!load_profile(name, o.providers_dir, p, err)) return false;
    providers.push_back(std::move(p));
  }
  for (auto& p : providers) {
    if (!o.auth.empty() && !parse_auth(o.auth, p.auth)) {
      err << "apiconform: --auth must be x-api-key, bearer, either or none (got '" << o.auth << "')\n";
      return false;
    }
    if (!apply_overrides(o, p, err)) return false;
    Target t;
    t.provider = std::move(p);
    t.base_url = t.provider.base_url;
    bool simulate = o.simulate || t.provider.base_url.empty() || t.provider.base_url == "sim:";
    if (simulate) {
      if (!start_simulator(t, out, err)) return false;
    } else {
      read_key(t);
      register_secrets(t);
    }
    out.targets.push_back(std::move(t));
  }
  return true;
}

}  // namespace ac
