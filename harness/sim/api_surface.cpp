#include "sim/api_surface.hpp"

namespace ac::sim {

ApiSurface reference_surface() {
  ApiSurface s;
  s.name = "reference";
  s.description = "The Anthropic Messages API as the reference document describes it";
  s.routes = {
      {"POST", "/v1/messages", Endpoint::messages},
      {"POST", "/v1/messages/count_tokens", Endpoint::count_tokens},
      {"GET", "/v1/models", Endpoint::models_list},
      {"GET", "/v1/models/{id}", Endpoint::models_get},
      {"POST", "/v1/messages/batches", Endpoint::batches_create},
      {"GET", "/v1/messages/batches", Endpoint::batches_list},
      {"GET", "/v1/messages/batches/{id}", Endpoint::batches_get},
      {"DELETE", "/v1/messages/batches/{id}", Endpoint::batches_delete},
      {"POST", "/v1/messages/batches/{id}/cancel", Endpoint::batches_cancel},
      {"GET", "/v1/messages/batches/{id}/results", Endpoint::batches_results},
  };
  // x-api-key is the documented header; SDK 1.x sends `Authorization: Bearer` (reference §0).
  // When both are present x-api-key wins (the secondary source's observation). The reference
  // calls this unresolved (§0, §10: another source says both at once are rejected), so no case
  // depends on it: cases send both only with wrong values, where either reading gives a 4xx.
  s.key_headers = {{"x-api-key", ""}, {"authorization", "Bearer "}};
  s.missing_key_message = "x-api-key header is required";
  s.bad_key_message = "invalid x-api-key";
  s.version_header = "anthropic-version";
  // 2023-01-01 is the legacy version still accepted by the API; it behaves as 2023-06-01 here.
  s.versions = {kVersion2023, "2023-01-01", kVersion2026};
  s.request_id_header = "request-id";
  s.request_id_prefix = "req_";
  s.message_id_prefix = "msg_";
  s.tool_use_id_prefix = "toolu_";
  s.batch_id_prefix = "msgbatch_";
  return s;
}

}  // namespace ac::sim
