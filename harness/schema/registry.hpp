#pragma once
#include <memory>
#include <string>
#include <vector>

#include <rapidjson/document.h>

#include "model/diagnostic.hpp"

namespace ac {

// One way a JSON value failed its schema, phrased for a person.
struct SchemaError {
  std::string pointer;      // JSON pointer into the validated document
  std::string keyword;      // the schema keyword that failed: type, required, enum, const, oneOf...
  std::string schema_path;  // "anthropic/message.json#/properties/usage/required"
  std::string expected;
  std::string actual;
  std::string message;      // one line; for oneOf, says which branch came closest
};

struct SchemaLoadOptions {
  // Decide "valid or not" with the compiled schemas' validity walk (schema/walk.hpp). Off:
  // Valijson decides every verdict instead: the oracle the tests and the benchmark compare the
  // walk against. Either way, a failure is explained by the same explaining walk.
  bool fast_path = true;
  // The digest (SchemaBundle::digest) of the folder Valijson proved when this binary was built
  // (`prove_schemas`, docs/schemas.md). A folder with exactly that content is not proven again
  // at load: the same Valijson, compiled into this binary, already accepted every schema in it.
  // Empty: every load is proven.
  std::string proven_digest;
};

// Every JSON Schema (draft 7) under a root folder, parsed once, with $ref resolved across files,
// shared read-only by all jobs. A reference is "path/under/root.json" with an optional
// "#/json/pointer" fragment.
class SchemaRegistry {
 public:
  virtual ~SchemaRegistry() = default;

  // Loads and compiles every *.json under `root`; problems are appended to `diags`.
  static std::unique_ptr<SchemaRegistry> load(const std::string& root, Diagnostics& diags);
  static std::unique_ptr<SchemaRegistry> load(const std::string& root, Diagnostics& diags,
                                              const SchemaLoadOptions& options);

  // One schema given as JSON rather than as a file: e.g. a tool's input_schema from a request.
  // It is compiled and checked as a file is (its `$ref`s resolve inside it), and `name` is both
  // its reference for validate() and the start of its errors' schema_path
  // ("get_weather.input_schema#/properties/city/type"); `name` must not hold a '#'. Problems
  // (a `$ref` to nowhere, a bad regex, a schema Valijson rejects) are appended to `diags`; its
  // `$schema` is not checked (it is judged as draft 7).
  static std::unique_ptr<SchemaRegistry> from_json(const std::string& name, const rapidjson::Value& schema,
                                                   Diagnostics& diags);

  virtual bool has(const std::string& ref) const = 0;

  // For a reference `has()` rejects: a hint naming what exists ("did you mean
  // `anthropic/message.json`?", or the definitions of the file when only the fragment is wrong).
  virtual std::string hint_for(const std::string& ref) const { return ""; }

  // Validates `value` against the schema at `ref`; returns the distinct errors (empty = valid).
  // Safe to call from several threads at once.
  virtual std::vector<SchemaError> validate(const std::string& ref, const rapidjson::Value& value) const = 0;

  // The verdict alone, without building the explanation a failure gets from validate() (which
  // costs ~20-50 us). For callers that already hold enough findings, e.g. a stream judge past its
  // cap of reported events. An unknown ref is not valid. Safe to call from several threads.
  virtual bool is_valid(const std::string& ref, const rapidjson::Value& value) const {
    return validate(ref, value).empty();
  }
};

}  // namespace ac
