#include "cli/suite.hpp"

#include <future>
#include <ostream>
#include <set>

#include "load/case_loader.hpp"

namespace ac {

namespace {

void check_schema_ref(const SchemaRegistry& schemas, const std::string& ref, const SourceLocation& where,
                      const std::string& what, Diagnostics& out) {
  if (ref.empty() || schemas.has(ref)) return;
  out.push_back(Diagnostic{where, what + " '" + ref + "' does not exist under the schemas folder", schemas.hint_for(ref)});
}

void load_grammars(const std::vector<Case>& cases, const std::string& root, Grammars& grammars, Diagnostics& out) {
  for (const auto& c : cases) {
    for (const Expectation* e : c.expectations()) {
      if (!e->stream || e->stream->grammar.empty()) continue;
      const std::string& ref = e->stream->grammar;
      if (grammars.count(ref)) continue;
      std::unique_ptr<Grammar> grammar;
      Diagnostics diags = load_grammar(root + "/" + ref, grammar);
      out.insert(out.end(), diags.begin(), diags.end());
      if (grammar) grammars.emplace(ref, std::move(grammar));
    }
  }
}

// A stream expectation without a folded_schema of its own takes its grammar's: one value, read by
// the stream judge (validation) and the folded check (unknown fields) alike.
void apply_grammar_defaults(Suite& suite) {
  for (auto& c : suite.cases) {
    for (Expectation* e : c.expectations()) {
      if (!e->stream || !e->stream->folded_schema.empty()) continue;
      auto grammar = suite.grammars.find(e->stream->grammar);
      if (grammar == suite.grammars.end()) continue;
      e->stream->folded_schema = grammar->second->folded_schema;
      e->stream->folded_schema_where = grammar->second->folded_schema_where;
    }
  }
}

void check_references(const Suite& suite, Diagnostics& out) {
  for (const auto& [ref, grammar] : suite.grammars) {
    Diagnostics d = check_grammar_schemas(*grammar, *suite.schemas);
    out.insert(out.end(), d.begin(), d.end());
  }
  for (const auto& c : suite.cases) {
    for (const Expectation* e : c.expectations()) {
      check_schema_ref(*suite.schemas, e->schema, e->schema_where, "schema", out);
      if (e->lines) check_schema_ref(*suite.schemas, e->lines->schema, e->lines->schema_where, "lines.schema", out);
      if (!e->stream) continue;
      const auto& s = *e->stream;
      check_schema_ref(*suite.schemas, s.folded_schema, s.folded_schema_where, "folded_schema", out);
      if (!s.grammar.empty() && !suite.grammars.count(s.grammar))
        out.push_back(Diagnostic{s.grammar_where, "grammar '" + s.grammar + "' could not be loaded", ""});
    }
  }
}

}  // namespace

int load_suite(const std::vector<std::string>& case_paths, const std::string& schema_root, Suite& out, std::ostream& err) {
  // The schemas load on a second thread while the case files are parsed: neither reads the
  // other, and together they are most of a run's start-up. Their problems are listed in the
  // same order as before (cases, then schemas).
  Diagnostics schema_diags;
  std::future<std::unique_ptr<SchemaRegistry>> schemas =
      std::async(std::launch::async, [&] { return load_schemas(schema_root, schema_diags); });
  Diagnostics diags = load_cases(case_paths, out.cases);
  out.schemas = schemas.get();
  diags.insert(diags.end(), schema_diags.begin(), schema_diags.end());
  load_grammars(out.cases, schema_root, out.grammars, diags);
  apply_grammar_defaults(out);
  if (out.schemas) check_references(out, diags);
  for (const auto& d : diags) err << format_diagnostic(d);
  if (!diags.empty())
    err << diags.size() << (diags.size() == 1 ? " problem" : " problems") << " in the input files; nothing was sent\n";
  return static_cast<int>(diags.size());
}

SchemaLoadOptions schema_load_options() {
  SchemaLoadOptions options;
  options.proven_digest = proven_schema_digest();
  return options;
}

std::unique_ptr<SchemaRegistry> load_schemas(const std::string& root, Diagnostics& diags) {
  return SchemaRegistry::load(root, diags, schema_load_options());
}

}  // namespace ac
