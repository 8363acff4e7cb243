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
}  // namespace

Findings judge_exchange(const Expectation& expect, const Exchange& exchange, const SchemaRegistry& schemas,
                        const rapidjson::Value* folded, bool strict, std::string_view request_body) {
  // The reply is parsed into a pool whose first block is this thread's, reused from reply to reply:
  // a fresh Document takes a 64 KiB block from malloc and gives it back, on every request.
  thread_local std::vector<char> first_block(64 * 1024);
  rapidjson::MemoryPoolAllocator<> pool(first_block.data(), first_block.size());
  rapidjson::Document body(&pool);
  CheckInput in{expect, exchange, schemas, nullptr, {}, nullptr, false, false};
  in.folded = folded;
  in.strict = strict;
  in.request_body = request_body;
  if (!exchange.body.empty() && !is_event_stream(exchange)) {
    body.Parse(exchange.body.c_str(), exchange.body.size());
    if (body.HasParseError()) {
      in.body_error = std::string(rapidjson::GetParseError_En(body.GetParseError())) + " at byte " +
                      std::to_string(body.GetErrorOffset());
    } else if (exchange.body_truncated) {
      in.body_error = "the body was cut at the size limit";
    } else {
      in.body = &body;
    }
  } else {
    in.body_error = exchange.body.empty() ? "the body is empty" : "the body is an event stream";
  }
  auto success = [](int status) { return status >= 200 && status < 300; };
  if (!expect.status.empty() && exchange.status > 0)
    in.other_kind = success(exchange.status) != success(expect.status.front());
  Findings findings;
  for (CheckFn check : kChecks) check(in, findings);
  return findings;
}

}  // namespace ac
