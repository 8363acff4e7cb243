#pragma once
#include <string>

#include <rapidjson/document.h>

#include "util/json_render.hpp"

namespace ac {

// A value as a finding shows it: its compact JSON text cut to `max_bytes` with "…" (util's
// json_excerpt), so findings stay one line.
inline std::string json_text(const rapidjson::Value& value, std::size_t max_bytes = 200) {
  return json_excerpt(value, max_bytes, "…");
}

// Deep equality where numbers compare by value (1 == 1.0) and object key order is ignored.
bool json_equal(const rapidjson::Value& a, const rapidjson::Value& b);

}  // namespace ac
