#include "sim/model_catalog.hpp"

#include <cstdlib>

#include <rapidjson/document.h>

#include "sim/json_text.hpp"

namespace ac::sim {

const std::vector<ModelInfo>& model_catalog() {
  // Real ids and aliases from the reference and its recordings (alias -> dated id).
  static const std::vector<ModelInfo> kModels = {
      {"claude-opus-4-5-20251101", "Claude Opus 4.5", "2025-11-24T00:00:00Z", {"claude-opus-4-5"}, 64000},
      {"claude-haiku-4-5-20251001", "Claude Haiku 4.5", "2025-10-15T00:00:00Z", {"claude-haiku-4-5"}, 64000},
      {"claude-sonnet-4-5-20250929", "Claude Sonnet 4.5", "2025-09-29T00:00:00Z", {"claude-sonnet-4-5"}, 64000},
      {"claude-opus-4-1-20250805", "Claude Opus 4.1", "2025-08-05T00:00:00Z", {"claude-opus-4-1"}, 32000},
      {"claude-opus-4-20250514", "Claude Opus 4", "2025-05-22T00:00:00Z", {"claude-opus-4-0"}, 32000},
      {"claude-sonnet-4-20250514", "Claude Sonnet 4", "2025-05-22T00:00:00Z", {"claude-sonnet-4-0"}, 64000},
      {"claude-3-7-sonnet-20250219", "Claude Sonnet 3.7", "2025-02-24T00:00:00Z", {"claude-3-7-sonnet-latest"}, 64000},
      {"claude-3-5-haiku-20241022", "Claude Haiku 3.5", "2024-10-22T00:00:00Z", {"claude-3-5-haiku-latest"}, 8192},
      {"claude-3-haiku-20240307", "Claude Haiku 3", "2024-03-07T00:00:00Z", {}, 4096},
  };
  return kModels;
}

const ModelInfo* find_model(const std::string& id_or_alias) {
  for (const auto& model : model_catalog()) {
    if (model.id == id_or_alias) return &model;
    for (const auto& alias : model.aliases) {
      if (alias == id_or_alias) return &model;
    }
  }
  return nullptr;
}

namespace {

std::optional<std::size_t> position_of(const std::string& id) {
  const auto& models = model_catalog();
  for (std::size_t i = 0; i < models.size(); ++i) {
    if (models[i].id == id) return i;
  }
  return std::nullopt;
}

std::optional<ApiError> parse_limit(const std::string& text, std::size_t& limit) {
  limit = 20;
  if (text.empty()) return std::nullopt;
  char* end = nullptr;
  long value = std::strtol(text.c_str(), &end, 10);
  if (*end != '\0') return invalid_request("limit: Input should be a valid integer");
  if (value < 1) return invalid_request("limit: Input should be greater than or equal to 1");
  if (value > 1000) return invalid_request("limit: Input should be less than or equal to 1000");
  limit = static_cast<std::size_t>(value);
  return std::nullopt;
}

}  // namespace

std::optional<ApiError> page_models(const std::string& limit_text, const std::string& after_id,
                                    const std::string& before_id, ModelPage& page) {
  std::size_t limit = 0;
  if (auto error = parse_limit(limit_text, limit)) return error;
  const auto& models = model_catalog();
  std::size_t begin = 0;
  std::size_t end = models.size();
  if (!after_id.empty()) {
    auto at = position_of(after_id);
    if (!at) return invalid_request("after_id: no model with id '" + after_id + "'");
    begin = *at + 1;
  }
  if (!before_id.empty()) {
    auto at = position_of(before_id);
    if (!at) return invalid_request("before_id: no model with id '" + before_id + "'");
    end = std::min(end, *at);
  }
  page = ModelPage{};
  if (begin >= end) return std::nullopt;
  // Paging backwards takes the models closest to the cursor; forwards, those right after it.
  std::size_t first = begin;
  if (!before_id.empty() && after_id.empty() && end - begin > limit) first = end - limit;
  std::size_t last = std::min(end, first + limit);
  for (std::size_t i = first; i < last; ++i) page.data.push_back(&models[i]);
  page.has_more = before_id.empty() || !after_id.empty() ? last < end : first > begin;
  return std::nullopt;
}

namespace {

void add_model(rapidjson::Value& object, const ModelInfo& model,
               rapidjson::Document::AllocatorType& alloc) {
  object.SetObject();
  object.AddMember("type", "model", alloc);
  object.AddMember("id", rapidjson::Value(model.id.c_str(), alloc), alloc);
  object.AddMember("display_name", rapidjson::Value(model.display_name.c_str(), alloc), alloc);
  object.AddMember("created_at", rapidjson::Value(model.created_at.c_str(), alloc), alloc);
}

}  // namespace

std::string render_model(const ModelInfo& model) {
  rapidjson::Document doc;
  add_model(doc, model, doc.GetAllocator());
  return to_json(doc);
}

std::string render_model_page(const ModelPage& page) {
  rapidjson::Document doc(rapidjson::kObjectType);
  auto& alloc = doc.GetAllocator();
  rapidjson::Value data(rapidjson::kArrayType);
  for (const auto* model : page.data) {
    rapidjson::Value item;
    add_model(item, *model, alloc);
    data.PushBack(item, alloc);
  }
  doc.AddMember("data", data, alloc);
  doc.AddMember("has_more", page.has_more, alloc);
  if (page.data.empty()) {
    doc.AddMember("first_id", rapidjson::Value(), alloc);
    doc.AddMember("last_id", rapidjson::Value(), alloc);
  } else {
    doc.AddMember("first_id", rapidjson::Value(page.data.front()->id.c_str(), alloc), alloc);
    doc.AddMember("last_id", rapidjson::Value(page.data.back()->id.c_str(), alloc), alloc);
  }
  return to_json(doc);
}

}  // namespace ac::sim
