#include "sim/model_catalog.hpp"


#include <rapidjson/document.h>

#include "util/json_render.hpp"
#include "sim/pagination.hpp"

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

const ModelInfo* find_model(const std::string& id_or_alias, const std::vector<ModelInfo>& extra) {
  if (const ModelInfo* model = find_model(id_or_alias)) return model;
  for (const auto& model : extra) {
    if (model.id == id_or_alias) return &model;
  }
  return nullptr;
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

std::optional<ApiError> page_models(const std::string& limit, const std::string& after_id,
                                    const std::string& before_id, ModelPage& page) {
  const auto& models = model_catalog();
  std::vector<std::string> ids;
  for (const auto& model : models) ids.push_back(model.id);
  PageRange range;
  if (auto error = page_ids(ids, limit, after_id, before_id, range)) return error;
  page = ModelPage{};
  for (std::size_t i = range.first; i < range.last; ++i) page.data.push_back(&models[i]);
  page.has_more = range.has_more;
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
