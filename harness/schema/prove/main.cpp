// prove_schemas: run by the build (write_digest.cmake), never installed. Loads a schema folder as
// `apiconform run` does, with Valijson's proof (every file and definition compiled), and prints
// the folder's digest when the proof found nothing, else an empty line (the binary then proves at
// every load and reports the problems, located, as before). The build compiles what it prints
// into the binary: a run on the shipped schemas skips the proof, which was a third of its
// start-up (docs/schemas.md).
// Usage: prove_schemas SCHEMA_FOLDER
#include <iostream>

#include "schema/bundle.hpp"
#include "schema/registry.hpp"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: prove_schemas SCHEMA_FOLDER\n";
    return 2;
  }
  ac::Diagnostics diags;
  std::unique_ptr<ac::SchemaRegistry> registry = ac::SchemaRegistry::load(argv[1], diags);
  ac::SchemaBundle bundle;
  ac::Diagnostics bundle_diags;
  ac::build_schema_bundle(argv[1], bundle, bundle_diags);
  for (const auto& d : diags) std::cerr << ac::format_diagnostic(d);
  if (!diags.empty()) std::cerr << "prove_schemas: warning: the binary will prove the schemas at every load\n";
  std::cout << (diags.empty() ? bundle.digest : "") << "\n";
  return 0;
}
