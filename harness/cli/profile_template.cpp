#include "cli/profile_template.hpp"

#include <sstream>

#include "load/located_yaml.hpp"
#include "load/var_override.hpp"
#include "util/json_render.hpp"

namespace ac {

namespace {

// Numbers in a profile are written as short as they read ("4", "0.5").
std::string number(double value) {
  std::ostringstream out;
  out << value;
  return out.str();
}

}  // namespace

std::string profile_text(const NewProfile& p, const Provider& defaults) {
  Provider d = defaults;
  if (!p.model.empty()) apply_model_override(d, p.model);
  std::ostringstream out;
  out << "# Provider profile `" << p.name << "`, written by `apiconform init` (every key: docs/providers.md).\n"
      << "# Check it:  apiconform lint --provider <this file>\n"
      << "# Run it:    " << (p.key_env.empty() ? "" : p.key_env + "=... ") << "apiconform run --provider <this file>\n"
      << "name: " << p.name << "\n"
      << "# Where the API answers; each path below is appended to it.\n"
      << "base_url: " << json_quote(p.base_url) << "\n"
      << "# The official paths. A gateway that mounts the API elsewhere changes them here (404 on\n"
      << "# every request usually means a wrong path or base_url).\n"
      << "paths:\n";
  for (const auto& [endpoint, path] : d.paths) out << "  " << endpoint << ": " << json_quote(path) << "\n";
  out << "# How the key is sent: x-api-key (the official header), bearer (Authorization: Bearer),\n"
      << "# either (both are accepted) or none.\n"
      << "auth: " << p.auth << "\n";
  if (!p.key_env.empty())
    out << "# The environment variable that holds the key. The key itself never goes in this file.\n"
        << "key_env: " << p.key_env << "\n";
  out << "# Sent on every request.\n"
      << "headers:\n";
  for (const auto& h : d.headers) out << "  " << h.name << ": " << json_quote(h.value) << "\n";
  out << "# {{name}} in the cases. `run --model NAME` sets every model variable and `run --var NAME=VALUE`\n"
      << "# any one, without editing this file. The model ids must be ones this endpoint serves.\n"
      << "vars:\n";
  for (const auto& [name, json] : d.vars) out << "  " << name << ": " << json << "\n";
  out << "# Requests in flight at once, and started per second (0 = unlimited). Start low against a\n"
      << "# paid endpoint; raise them once a run is clean.\n"
      << "concurrency: " << d.concurrency << "\n"
      << "rate_per_s: " << number(d.rate_per_s) << "\n"
      << "# Seconds: to connect, to the first byte, of silence inside a stream, for a whole request.\n"
      << "timeouts:\n"
      << "  connect_s: " << number(d.timeouts.connect_s) << "\n"
      << "  first_byte_s: " << number(d.timeouts.first_byte_s) << "\n"
      << "  idle_s: " << number(d.timeouts.idle_s) << "\n"
      << "  total_s: " << number(d.timeouts.total_s) << "\n"
      << "# Features this endpoint does not offer: their cases are reported `unsupported`, not failed.\n"
      << "# unsupported:\n"
      << "#   - feature: messages.batches\n"
      << "#     reason: \"no batch API (link to the provider's documentation)\"\n"
      << "# Cases expected to fail, with the reason or a link: reported `known`, and `fixed` once they pass.\n"
      << "# known:\n"
      << "#   - case: errors.unknown-field\n"
      << "#     reason: https://example.com/issue/12\n";
  return out.str();
}

}  // namespace ac
