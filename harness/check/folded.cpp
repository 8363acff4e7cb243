#include "check/check_input.hpp"
#include "check/json_assertions.hpp"

namespace ac {

// The stream judge validates the folded message against its schema (the case's folded_schema,
// else the grammar's); here it gets what a non-streamed reply gets besides: unknown fields
// reported, and the case's own assertions.
void check_folded(const CheckInput& in, Findings& out) {
  if (!in.expect.stream || !in.folded || in.folded->IsNull()) return;
  const StreamExpectation& s = *in.expect.stream;
  if (!s.folded_schema.empty()) report_unknown_fields(in.schemas, s.folded_schema, *in.folded, "/folded", in.strict, out);
  check_json_assertions(s.folded, *in.folded, "stream-folded", "/folded", out, &in.exchange.response_headers);
}

}  // namespace ac
