#include "check/check_input.hpp"

namespace ac {

// A body that must be judged as JSON but is not is one finding, not one per assertion.
// An event stream where none was asked for is one even when the case asserts nothing on the body.
void check_body_json(const CheckInput& in, Findings& out) {
  bool wants_json = !in.expect.schema.empty() || !in.expect.json.empty();
  bool unasked_stream = in.body_rule == "event-stream";
  if (!(wants_json || unasked_stream) || in.body || in.expect.stream || in.other_kind) return;
  std::string actual = in.exchange.body.substr(0, 120);
  if (in.exchange.body.empty()) actual = "(empty body)";
  Finding f{"body", "", "a JSON body", actual,
            unasked_stream ? in.body_error : "the body is not JSON: " + in.body_error, Severity::Breaking};
  f.rule = in.body_rule;
  out.push_back(std::move(f));
}

}  // namespace ac
