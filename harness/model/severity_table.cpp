#include "model/severity_table.hpp"

namespace ac {

namespace {
constexpr Severity B = Severity::Breaking, C = Severity::Cosmetic, L = Severity::Lenient;
}  // namespace

// What the official TypeScript SDK (@anthropic-ai/sdk) does with each kind of difference. Rows for
// the simulator's stream faults are checked against the SDK itself by tests/sdk/ (which fault
// shows which code: docs/reports.md, "Severity"); keep a reason to one line.
const std::vector<SeverityRule>& severity_table() {
  static const std::vector<SeverityRule> rows = {
      // Set-up: what an SDK with default settings sends (`${baseURL}/v1/messages`, `x-api-key`).
      {"setup.path:*", B, "the SDK appends /v1/messages to its base URL: no base URL reaches another path"},
      {"setup.auth:*", B, "the SDK sends x-api-key unless given an authToken: a client configured with an API key gets 401"},
      // Proxy mode: what a client sent that the API refuses (docs/proxy.md), whatever the endpoint did.
      {"request.*", B, "the API answers this request with 400 invalid_request_error: the client breaks against it"},
      {"request-header.*", B, "the API answers a request without this header with 400: the client breaks against it"},
      // Status codes: the SDK branches on the status alone.
      {"status:4*\xE2\x86\x92" "2*", L, "the endpoint accepts a request the API refuses: clients keep working, validation is lost"},
      {"status:2*\xE2\x86\x92" "2*", C, "any 2xx is a success to the SDK (fetch's response.ok); the body is read the same"},
      {"status:2*\xE2\x86\x92*", B, "the SDK raises an APIError for a request the API accepts"},
      {"status:429\xE2\x86\x92*", B, "the SDK retries a 429 (honouring retry-after); another status is not retried or raises another error"},
      {"status:529\xE2\x86\x92*", B, "the SDK retries a 529 overload; another status is not retried or raises another error"},
      {"status:*\xE2\x86\x92" "0", B, "no HTTP answer: the SDK raises an APIConnectionError"},
      {"status:*", C, "the SDK raises in both cases; only the error class (chosen by status) differs"},
      // Headers the SDK only exposes, never needs.
      {"header.*:request-id", C, "the SDK copies request-id into _request_id when present; nothing raises without it"},
      {"header.*:retry-after", C, "the SDK uses retry-after only to pace its retries; without it it backs off on its own"},
      {"header.*:content-type", C, "the SDK reads the body as JSON or as an event stream by the request, whatever its content-type"},
      // Opaque values: passed through untouched.
      {"json.matches:/id", C, "the SDK treats the message id as an opaque string"},
      {"schema.pattern:/id", C, "the SDK treats the message id as an opaque string"},
      {"stream.schema.pattern:message_start/message/id", C, "the SDK treats the message id as an opaque string"},
      {"schema.required:/stop_sequence", C, "the SDK passes the body through: a missing stop_sequence reads as undefined, not null"},
      {"json.*:/error/message", C, "the SDK puts the error body into the APIError's message whatever its form"},
      // Streams: what the SDK's event loop and MessageStream accumulator do.
      {"stream.schema.required:message_delta/delta/stop_sequence", C,
       "the SDK copies delta.stop_sequence when present; absent, the final message keeps null"},
      {"stream.schema.*:message_start/message/usage*", B, "usage is read from message_start: a client's token counts are wrong"},
      {"stream.schema.*:message_delta/usage*", B, "the final usage is read from message_delta: a client's token counts are wrong"},
      {"stream.unnamed", B, "the SDK yields only named events: a data-only frame is dropped with its content"},
      {"stream.unnamed-noise", C, "the SDK skips unnamed frames; this one carried no event"},
      {"stream.name-type", C, "the SDK reads an event by its data's type, whatever its name"},
      {"stream.unclosed-before:*", C, "the SDK places deltas by block index and needs no content_block_stop"},
      {"stream.order:content_block_stop@*", C, "a late content_block_stop changes nothing the SDK accumulates"},
      {"stream.stop-no-block", C, "the SDK ignores a content_block_stop it has nothing to close for"},
      {"stream.stop-wrong-block", C, "the SDK ignores a content_block_stop it has nothing to close for"},
      {"stream.interleaved", C, "the SDK places deltas by block index, so blocks may overlap"},
      {"stream.delta-wrong-block", C, "the SDK places deltas by their own index, not the block open last"},
      {"stream.delta-no-block", C, "the SDK places deltas by their own index, not the block open last"},
      {"stream.folded-schema.*:/usage*", B, "the usage a client reads from the stream is wrong"},
      {"stream.folded.*:/usage*", B, "the usage a client reads from the stream is wrong"},
      {"stream.folded.length:/content", C, "more or fewer content blocks than the case expects; each is read whole"},
      {"tool-input*", B, "the tool input the SDK hands the client does not fit the tool's schema"},
      {"stream.foreign:*", B, "the SDK yields only named events: another protocol's stream gives an empty message"},
      {"stream.unknown:*", B, "the SDK drops events with names it does not know, with their content"},
      {"stream.not-json:*", B, "the SDK JSON.parses each event's data and raises on anything else"},
      {"stream.sse.*", B, "the stream is cut or malformed: the SDK raises or returns a truncated message"},
      {"stream.end:*", B, "the SDK's MessageStream raises (\"stream ended without producing a Message\") without message_stop"},
      {"stream.after-terminal", C, "the SDK accumulates events after message_stop without error"},
      {"stream.vs-json:*", C, "the SDK reads each reply on its own; a field either lacks is graded by its own code"},
      {"stream.timing:*", C, "the SDK waits for late or buffered events; only latency suffers"},
      {"stream.fold:*", B, "the SDK cannot accumulate the stream (e.g. its tool input JSON does not parse) and raises"},
      {"stream.*", B, "the stream breaks the SDK's event accumulation (checked against the SDK in tests/sdk/)"},
  };
  return rows;
}

bool code_matches(const std::string& pattern, const std::string& code) {
  // Iterative glob: on a mismatch, retry from the last `*` one character further.
  std::size_t p = 0, c = 0, star = std::string::npos, resume = 0;
  while (c < code.size()) {
    if (p < pattern.size() && pattern[p] == '*') {
      star = p++;
      resume = c;
    } else if (p < pattern.size() && pattern[p] == code[c]) {
      ++p;
      ++c;
    } else if (star != std::string::npos) {
      p = star + 1;
      c = ++resume;
    } else {
      return false;
    }
  }
  while (p < pattern.size() && pattern[p] == '*') ++p;
  return p == pattern.size();
}

const SeverityRule* severity_rule_for(const std::string& code) {
  for (const auto& row : severity_table())
    if (code_matches(row.pattern, code)) return &row;
  return nullptr;
}

}  // namespace ac
