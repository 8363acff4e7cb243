#include <string>

#include "check/check_input.hpp"

namespace ac {

namespace {
std::string expected_text(const std::vector<int>& status) {
  if (status.empty()) return "2xx";
  std::string text;
  for (std::size_t i = 0; i < status.size(); ++i) text += (i ? " or " : "") + std::to_string(status[i]);
  return text;
}
}  // namespace

void check_status(const CheckInput& in, Findings& out) {
  int got = in.exchange.status;
  const auto& want = in.expect.status;
  bool ok = want.empty() ? (got >= 200 && got < 300) : false;
  for (int s : want) ok = ok || s == got;
  if (ok) return;
  std::string message = "expected HTTP " + expected_text(want) + ", got " + std::to_string(got);
  auto success = [](int s) { return s >= 200 && s < 300; };
  // Clients branch on success versus failure; a 201 where 200 is documented changes nothing for them.
  Severity severity = Severity::Breaking;
  if (success(got) && !want.empty() && success(want.front())) {
    severity = Severity::Cosmetic;
    message += ": another success status than the API's (clients treat any 2xx alike)";
  } else if (success(got) && !want.empty() && want.front() >= 400) {
    // More lenient than the API: a correct client never notices; it matters to whoever relies
    // on the endpoint to validate, so it is reported, as cosmetic.
    severity = Severity::Cosmetic;
    message += ": the endpoint accepted a request the API rejects";
  }
  else if (got >= 400 && (want.empty() || want.front() < 300))
    message += ": the endpoint rejected a request the API accepts";
  out.push_back(Finding{"status", "", expected_text(want), std::to_string(got), message, severity});
}

}  // namespace ac
