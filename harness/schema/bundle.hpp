#pragma once
#include <cstddef>
#include <regex>
#include <string>
#include <unordered_map>
#include <vector>

#include <rapidjson/document.h>

#include "schema/located_json.hpp"
#include "model/diagnostic.hpp"

namespace ac {

// Every schema file under a root folder, gathered into one JSON document:
//
//   {"$ref": "#/d/0", "d": [<file 0>, <file 1>, ...], "u": {}}
//
// with every "$ref" rewritten to a local reference "#/d/<file index><pointer>". Valijson then
// only ever resolves local references, which it does correctly (its own relative-URI handling
// just concatenates strings and keys its cache by pointer alone, so two files' "/definitions/x"
// would collide), and the error explainer can follow a reference with one pointer lookup.
struct SchemaBundle {
  rapidjson::Document doc;
  std::vector<std::string> files;                          // index -> "anthropic/message.json"
  std::unordered_map<std::string, std::size_t> file_index;  // the reverse
  std::vector<LocatedJson> sources;                        // index -> parsed file with positions
  // Every `pattern` and `patternProperties` key, compiled once (ECMAScript, as Valijson does).
  std::unordered_map<std::string, std::regex> patterns;
  // Of a folder: every file read, name and bytes (util/content_hash.hpp); a folder with the digest
  // of the one proven when the binary was built needs no proof at load (docs/schemas.md). Empty
  // for an inline schema.
  std::string digest;

  const rapidjson::Value& file_root(std::size_t index) const { return doc["d"][static_cast<rapidjson::SizeType>(index)]; }
};

// Reads every *.json under `root` (recursively, sorted), resolves and rewrites every $ref, and
// compiles every pattern. Problems are appended to `diags`, located at file:line:col; a file that
// is not valid JSON is left out of the bundle.
void build_schema_bundle(const std::string& root, SchemaBundle& out, Diagnostics& diags);

// One schema given as JSON text rather than a folder: a tool's input_schema from a request. It
// becomes file 0, named `name` (which must not hold a '#'), and its `$ref`s resolve inside it.
// Its `$schema` is not checked: such a schema is judged as draft 7 whatever dialect it names.
void build_inline_schema_bundle(const std::string& name, std::string text, SchemaBundle& out, Diagnostics& diags);

// The prefix of a rewritten reference ("#/d/"); exposed for the explainer, which decodes it.
constexpr const char* kBundleRefPrefix = "#/d/";
// Where a $ref that could not be resolved is aimed (an empty schema), once it has been reported.
constexpr const char* kUnresolvedRef = "#/u";

// Splits a rewritten reference "#/d/3/definitions/x" into (3, "/definitions/x").
bool decode_bundle_ref(const char* ref, std::size_t length, std::size_t& file, std::string& pointer);

// "anthropic/message.json#/properties/content", the form used in messages and SchemaError.
std::string schema_location(const SchemaBundle& bundle, std::size_t file, const std::string& pointer);

}  // namespace ac
