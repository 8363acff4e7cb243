#include "check/judge.hpp"

#include <vector>

#include <rapidjson/error/en.h>

namespace ac {

namespace {
using CheckFn = void (*)(const CheckInput&, Findings&);

// The checks, in the order their findings are reported. A new check is one file and one line here.
constexpr CheckFn kChecks[] = {check_status, check_headers, check_body_json, check_schema, check_json, check_folded,
                               check_tool_input, check_lines};

bool is_event_stream(const Exchange& exchange) {
  auto type = find_header(exchange.response_headers, "content-type");
  return type && type->rfind("text/event-stream", 0) == 0;
}

// " (decoded from Content-Encoding: gzip)": a reply that was compressed says so wherever its body
// is found wanting, so "not JSON" is never a mystery about bytes nobody saw.
std::string decoded_note(const Exchange& exchange) {
  auto encoding = find_header(exchange.response_headers, "content-encoding");
  if (!encoding || encoding->empty() || *encoding == "identity") return "";
  return " (decoded from Content-Encoding: " + *encoding + ")";
}

// Why a body is not JSON, as a sentence and a word. Invalid UTF-8 is told apart: JSON text must
// be UTF-8 (RFC 8259, section 8.1) and clients decode it before parsing.
void explain_parse_error(const rapidjson::Document& body, CheckInput& in) {
  const std::string at = " at byte " + std::to_string(body.GetErrorOffset());
  if (body.GetParseError() == rapidjson::kParseErrorStringInvalidEncoding) {
    in.body_error = "a string holds bytes that are not valid UTF-8" + at +
                    " (JSON must be UTF-8; clients decode it first, replacing or refusing such bytes)";
    in.body_rule = "utf8";
  } else {
    in.body_error = std::string(rapidjson::GetParseError_En(body.GetParseError())) + at;
  }
}
}  // namespace

Findings judge_exchange(const Expectation& expect, const Exchange& exchange, const SchemaRegistry& schemas,
                        const rapidjson::Value* folded, bool strict, std::string_view request_body) {
  // The reply is parsed into a pool whose first block is this thread's, reused from reply to reply:
  // a fresh Document takes a 64 KiB block from malloc and gives it back, on every request.
  thread_local std::vector<char> first_block(64 * 1024);
  rapidjson::MemoryPoolAllocator<> pool(first_block.data(), first_block.size());
  rapidjson::Document body(&pool);
  CheckInput in{expect, exchange, schemas, nullptr, {}, folded, strict, false, request_body, {}};
  if (!exchange.body.empty() && !is_event_stream(exchange)) {
    body.Parse<rapidjson::kParseValidateEncodingFlag>(exchange.body.c_str(), exchange.body.size());
    if (body.HasParseError()) {
      explain_parse_error(body, in);
    } else if (exchange.body_truncated) {
      in.body_error = "the body was cut at the size limit";
    } else {
      in.body = &body;
    }
  } else if (exchange.body.empty()) {
    in.body_error = "the body is empty";
  } else {
    in.body_error = "the reply is an event stream (Content-Type: text/event-stream) although the request did not "
                    "ask for one; a client expecting a JSON body cannot read it";
    in.body_rule = "event-stream";
  }
  if (!in.body) in.body_error += decoded_note(exchange);
  auto success = [](int status) { return status >= 200 && status < 300; };
  if (!expect.status.empty() && exchange.status > 0)
    in.other_kind = success(exchange.status) != success(expect.status.front());
  Findings findings;
  for (CheckFn check : kChecks) check(in, findings);
  return findings;
}

}  // namespace ac
