#include "check/check_input.hpp"

namespace ac {

namespace {
// "anthropic/message.json#/x" -> "anthropic/strict/message.json#/x"
std::string strict_twin(const std::string& ref) {
  auto hash = ref.find('#');
  std::string file = ref.substr(0, hash);
  auto slash = file.rfind('/');
  std::string twin = slash == std::string::npos ? "strict/" + file : file.substr(0, slash) + "/strict" + file.substr(slash);
  return hash == std::string::npos ? twin : twin + ref.substr(hash);
}

}  // namespace

Finding schema_finding(const SchemaError& e, const std::string& check, const std::string& prefix, Severity severity) {
  std::string message = e.message;
  if (!e.keyword.empty()) message += " [" + e.keyword + " at " + e.schema_path + "]";
  Finding f{check, prefix + e.pointer, e.expected, e.actual, message, severity};
  f.rule = e.keyword;
  return f;
}

void report_unknown_fields(const SchemaRegistry& schemas, const std::string& ref, const rapidjson::Value& value,
                           const std::string& prefix, bool strict, Findings& out) {
  std::string twin = strict_twin(ref);
  if (!schemas.has(twin)) return;
  // The API may add response fields within a version, so unknown ones are only worth a look
  // unless the user asked for --strict; even then clients ignore them, so they are cosmetic.
  for (const auto& e : schemas.validate(twin, value)) {
    if (e.keyword != "additionalProperties") continue;
    out.push_back(schema_finding(e, "unknown-field", prefix, strict ? Severity::Cosmetic : Severity::Warning));
  }
}

void validate_against_schema(const SchemaRegistry& schemas, const std::string& ref, const rapidjson::Value& value,
                             const std::string& check, const std::string& prefix, bool strict, Findings& out) {
  if (!schemas.has(ref)) {
    out.push_back(Finding{check, "", ref, "(no such schema)", "the case names a schema that does not exist: " + ref,
                          Severity::Breaking});
    return;
  }
  auto errors = schemas.validate(ref, value);
  for (const auto& e : errors) out.push_back(schema_finding(e, check, prefix, Severity::Breaking));
  if (errors.empty()) report_unknown_fields(schemas, ref, value, prefix, strict, out);
}

void check_schema(const CheckInput& in, Findings& out) {
  if (in.expect.schema.empty() || !in.body || in.expect.stream || in.other_kind) return;
  validate_against_schema(in.schemas, in.expect.schema, *in.body, "schema", "", in.strict, out);
}

}  // namespace ac
