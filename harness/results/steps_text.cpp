#include "results/steps_text.hpp"

#include <cstdio>

namespace ac {

std::string steps_text(const Exchange& exchange, const std::string& indent) {
  std::string out;
  for (const auto& s : exchange.steps) {
    char ms[32];
    std::snprintf(ms, sizeof ms, "%.1f ms", s.total_ms);
    std::string outcome = s.status ? std::to_string(s.status) : std::string("no response");
    if (!s.transport_error.empty()) outcome += ": " + s.transport_error;
    out += indent + s.label + " -> " + outcome + ", " + ms + "\n";
    if (!s.curl.empty()) out += indent + "  " + s.curl + "\n";
  }
  return out;
}

}  // namespace ac
