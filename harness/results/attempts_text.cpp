#include "results/attempts_text.hpp"
#include "util/join.hpp"

#include <cstdio>

namespace ac {

std::string attempts_text(const Exchange& x) {
  std::string out;
  for (const auto& a : x.attempt_log) {
    if (!out.empty()) {
      char waited[32];
      std::snprintf(waited, sizeof waited, "%.1f s", a.waited_ms / 1000);
      out += std::string(" → waited ") + waited + " → ";
    }
    // A status with an error: the reply began, then failed (an in-band error, a cut stream).
    if (a.status) out += std::to_string(a.status) + (a.error.empty() ? "" : " (" + a.error + ")");
    else out += a.error.empty() ? std::string("no response") : a.error;
  }
  if (!x.retry_note.empty()) append_joined(out, "; ", x.retry_note);
  return out;
}

}  // namespace ac
