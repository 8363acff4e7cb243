#pragma once
#include <string>

#include <rapidjson/document.h>

#include "schema/explain.hpp"  // json_type_name

namespace ac {

// Compact JSON text of a value, cut to `max_chars` with "…" so findings stay one line.
std::string json_text(const rapidjson::Value& value, std::size_t max_chars = 200);

// Deep equality where numbers compare by value (1 == 1.0) and object key order is ignored.
bool json_equal(const rapidjson::Value& a, const rapidjson::Value& b);

}  // namespace ac
