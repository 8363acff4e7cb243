#include "check/check_input.hpp"
#include "check/json_assertions.hpp"

namespace ac {

void check_json(const CheckInput& in, Findings& out) {
  if (in.expect.json.empty() || !in.body || in.expect.stream || in.other_kind) return;
  check_json_assertions(in.expect.json, *in.body, "json", "", out, &in.exchange.response_headers);
}

}  // namespace ac
