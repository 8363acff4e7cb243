#include "check/check_input.hpp"

namespace ac {

// A body that must be judged as JSON but is not is one finding, not one per assertion.
void check_body_json(const CheckInput& in, Findings& out) {
  bool wants_json = !in.expect.schema.empty() || !in.expect.json.empty();
  if (!wants_json || in.body || in.expect.stream || in.other_kind) return;
  std::string actual = in.exchange.body.substr(0, 120);
  if (in.exchange.body.empty()) actual = "(empty body)";
  out.push_back(Finding{"body", "", "a JSON body", actual, "the body is not JSON: " + in.body_error, Severity::Breaking});
}

}  // namespace ac
