#pragma once
#include <rapidjson/document.h>

#include "schema/registry.hpp"
#include "model/finding.hpp"
#include "traffic/endpoint_rules.hpp"
#include "traffic/exchange_record.hpp"

namespace ac {

// Judges what the client sent, as the API would before answering (reference §1.2, §2): the
// anthropic-version header and a JSON content-type (check "request-header"), the body parsed as
// JSON and validated against the endpoint's request schema, the beta one for `?beta=true` or
// `anthropic-beta` requests (check "request"; unknown members from the strict twin are warnings,
// failures with `strict`, as the API refuses them). Every finding here is the client's.
// `body` is the parsed request body (Null when it is empty or not JSON).
Findings check_request(const ExchangeRecord& record, const EndpointRule& rule, const rapidjson::Document& body,
                       const SchemaRegistry& schemas, bool strict);

}  // namespace ac
