#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <string_view>

#include <rapidjson/document.h>

#include "schema/registry.hpp"
#include "model/case.hpp"
#include "model/exchange.hpp"
#include "model/finding.hpp"

namespace ac {

// What every check sees: the expectation, what happened, and the body parsed once.
struct CheckInput {
  const Expectation& expect;
  const Exchange& exchange;
  const SchemaRegistry& schemas;
  const rapidjson::Document* body = nullptr;  // null when the body is not JSON (or is a stream)
  std::string body_error;                     // why the body is not JSON
  const rapidjson::Value* folded = nullptr;   // the message folded from a stream, when there was one
  bool strict = false;                        // unknown response fields fail instead of warn
  // The reply is of another kind than expected (a success where the API fails, or the reverse):
  // assertions about the body's shape would only repeat the status finding, so they are skipped.
  bool other_kind = false;
  // The request body as sent, whole (never the excerpt kept in exchange.request.body, which is
  // cut at 16 KiB for results), without a size-limit case's padding (spaces after the JSON,
  // which change nothing it says): what the tool-input check reads the declared tools from.
  std::string_view request_body;
  std::string body_rule;  // why the body is not JSON, for its finding's code: "utf8", "event-stream", or ""
};

// Validates `value` against schema `ref`, appending findings named `check` with `prefix` before
// each pointer. Where a strict twin of the schema exists ("dir/strict/file.json"), fields it does
// not know are reported too: as warnings, or as breaking findings when `strict`.
void validate_against_schema(const SchemaRegistry& schemas, const std::string& ref, const rapidjson::Value& value,
                             const std::string& check, const std::string& prefix, bool strict, Findings& out);

// One schema error as a finding of `check`, its pointer after `prefix`: the one wording of every
// schema error (response bodies, events, folded messages, tool inputs).
Finding schema_finding(const SchemaError& e, const std::string& check, const std::string& prefix, Severity severity);

// Only the unknown-field part of the above, for a value already validated elsewhere.
void report_unknown_fields(const SchemaRegistry& schemas, const std::string& ref, const rapidjson::Value& value,
                           const std::string& prefix, bool strict, Findings& out);

// Count bounds as a person reads them: "2", "at least 1", "1 to 3" (lines, forwarded requests).
std::string bounds_text(const std::optional<std::int64_t>& min, const std::optional<std::int64_t>& max);

// Each check is a pure function of its input that appends findings (one file per check).
void check_status(const CheckInput& in, Findings& out);
void check_headers(const CheckInput& in, Findings& out);
// The header assertions of check_headers on any headers (the upstream check reads forwarded ones).
void check_header_expectations(const std::vector<HeaderExpectation>& expected, const Headers& headers, Findings& out);
void check_body_json(const CheckInput& in, Findings& out);
void check_schema(const CheckInput& in, Findings& out);
void check_json(const CheckInput& in, Findings& out);
void check_folded(const CheckInput& in, Findings& out);
void check_tool_input(const CheckInput& in, Findings& out);
void check_lines(const CheckInput& in, Findings& out);

}  // namespace ac
