#include "check/check_input.hpp"
#include "check/json_assertions.hpp"

namespace ac {

// A streamed response is judged twice: event by event by the stream judge, and here as the
// message it folds into, with the same schema and assertions a non-streamed reply gets.
void check_folded(const CheckInput& in, Findings& out) {
  if (!in.expect.stream || !in.folded || in.folded->IsNull()) return;
  const StreamExpectation& s = *in.expect.stream;
  if (!s.folded_schema.empty())
    validate_against_schema(in.schemas, s.folded_schema, *in.folded, "stream-folded", "/folded", in.strict, out);
  check_json_assertions(s.folded, *in.folded, "stream-folded", "/folded", out);
}

}  // namespace ac
