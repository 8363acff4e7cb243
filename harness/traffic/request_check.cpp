#include "traffic/request_check.hpp"

#include "check/check_input.hpp"

namespace ac {

namespace {

bool is_beta(const ExchangeRecord& record) {
  const auto query = record.path.find('?');
  const bool beta_query = query != std::string::npos && record.path.find("beta=true", query) != std::string::npos;
  return beta_query || find_header(record.request_headers, "anthropic-beta").has_value();
}

Finding header_finding(const std::string& header, std::string rule, std::string expected, std::string actual,
                       std::string message) {
  Finding f{"request-header", header, std::move(expected), std::move(actual), std::move(message)};
  f.rule = std::move(rule);
  return f;
}

}  // namespace

Findings check_request(const ExchangeRecord& record, const EndpointRule& rule, const rapidjson::Document& body,
                       const SchemaRegistry& schemas, bool strict) {
  Findings out;
  if (!find_header(record.request_headers, "anthropic-version"))
    out.push_back(header_finding("anthropic-version", "present", "present", "absent",
                                 "the client sent no anthropic-version header: the API answers 400 "
                                 "invalid_request_error (\"anthropic-version: header is required\")"));
  if (*rule.request_schema == '\0') return out;
  auto type = find_header(record.request_headers, "content-type");
  if (!type || type->rfind("application/json", 0) != 0)
    out.push_back(header_finding("content-type", "matches", "application/json", type ? *type : "absent",
                                 "the client sent its JSON body without Content-Type: application/json"));
  if (body.IsNull()) {
    rapidjson::Document probe;
    probe.Parse(record.request_body.c_str(), record.request_body.size());
    Finding f{"request", "", "a JSON object", record.request_body.empty() ? "no body" : "not JSON",
              record.request_body.empty()
                  ? "the client sent no body; the API requires a JSON object"
                  : "the request body is not JSON (at byte " + std::to_string(probe.GetErrorOffset()) +
                        "): the API answers 400 invalid_request_error"};
    f.rule = "json";
    out.push_back(std::move(f));
    return out;
  }
  const std::string schema = is_beta(record) && *rule.beta_request_schema ? rule.beta_request_schema : rule.request_schema;
  Findings found;
  validate_against_schema(schemas, schema, body, "request", "", strict, found);
  for (auto& f : found) {
    if (f.check == "unknown-field") {  // the strict twin's view: members the API does not know
      f.check = "request";
      f.rule = "unknown-field";
      f.message = "the client sent a member the API does not know (it refuses them: \"Extra inputs are not "
                  "permitted\"); " + f.message;
    } else {
      f.message = "the client sent a request the API refuses (400 invalid_request_error): " + f.message;
    }
    out.push_back(std::move(f));
  }
  return out;
}

}  // namespace ac
