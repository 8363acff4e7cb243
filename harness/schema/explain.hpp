#pragma once
#include <cstddef>
#include <string>
#include <vector>

#include <rapidjson/document.h>

#include "schema/bundle.hpp"
#include "schema/compiled.hpp"
#include "schema/registry.hpp"
#include "util/json_render.hpp"  // json_type_name

namespace ac {

// Explains why `value` fails `schema` (compiled from `bundle`): the explaining walk over the same
// nodes the validity walk reads (schema/walk.hpp). Runs only after the verdict was "invalid", so
// it favours clear messages over speed: each error names the value's JSON pointer, the keyword,
// the keyword's place in the schema files, expected vs actual, and for oneOf/anyOf the branch
// that came closest. Errors are distinct by pointer + keyword (for `required`: + the property)
// and capped at `max_errors`. Reads only const data: safe from several threads at once.
std::vector<SchemaError> explain_schema_errors(const SchemaBundle& bundle, const SchemaNode& schema,
                                               const rapidjson::Value& value, std::size_t max_errors = 50);

// The value as compact JSON, cut to `limit` bytes with "..." (util's json_excerpt, as schema errors show it).
std::string render_json(const rapidjson::Value& value, std::size_t limit = 200);

// Keeps the first error for each pointer + keyword (+ property for `required`), in order.
void dedupe_schema_errors(std::vector<SchemaError>& errors);

}  // namespace ac
