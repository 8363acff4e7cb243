#include "model/expected_value.hpp"

namespace ac {
namespace {

std::shared_ptr<const rapidjson::Document> parsed(const std::string& text) {
  auto doc = std::make_shared<rapidjson::Document>();
  doc->Parse(text.c_str(), text.size());
  if (doc->HasParseError()) return nullptr;
  return doc;
}

}  // namespace

ExpectedValue read_expected_value(JsonCheckKind kind, const std::string& value) {
  ExpectedValue e;
  e.read = true;
  switch (kind) {
    case JsonCheckKind::Equals:
    case JsonCheckKind::OneOf: e.json = parsed(value); break;
    case JsonCheckKind::Type:
      if (auto doc = parsed(value)) {
        if (doc->IsString()) e.types.emplace_back(doc->GetString(), doc->GetStringLength());
        if (doc->IsArray())
          for (const auto& t : doc->GetArray())
            if (t.IsString()) e.types.emplace_back(t.GetString(), t.GetStringLength());
      }
      break;
    case JsonCheckKind::SameAsHeader: {
      // Kept as a JSON string, since the planner expands values as JSON; the text itself otherwise.
      auto doc = parsed(value);
      e.header = doc && doc->IsString() ? std::string(doc->GetString(), doc->GetStringLength()) : value;
      break;
    }
    default: break;
  }
  return e;
}

void read_expected_value(JsonExpectation& a) { a.expected = read_expected_value(a.kind, a.value); }

}  // namespace ac
