#pragma once
#include <optional>
#include <string>
#include <vector>

#include "sim/api_error.hpp"

namespace ac::sim {

struct ModelInfo {
  std::string id;
  std::string display_name;
  std::string created_at;            // RFC 3339
  std::vector<std::string> aliases;  // resolve to `id`
  long max_output_tokens = 0;        // max_tokens above this is a 400
};

// The models the simulator serves, newest first (the order of GET /v1/models).
const std::vector<ModelInfo>& model_catalog();

// The model with this id or alias, or nullptr.
const ModelInfo* find_model(const std::string& id_or_alias);
// The same, also looking at a dialect's own models (searched after the catalog).
const ModelInfo* find_model(const std::string& id_or_alias, const std::vector<ModelInfo>& extra);

struct ModelPage {
  std::vector<const ModelInfo*> data;
  bool has_more = false;
};

// One page of the catalog: `limit` 1..1000; `after_id` pages forward, `before_id` backward
// (the `limit` models just before it). Errors are 400s about the offending query parameter.
std::optional<ApiError> page_models(const std::string& limit, const std::string& after_id,
                                    const std::string& before_id, ModelPage& page);

std::string render_model(const ModelInfo& model);
std::string render_model_page(const ModelPage& page);

}  // namespace ac::sim
