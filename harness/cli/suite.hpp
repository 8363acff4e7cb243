#pragma once
#include <iosfwd>
#include <memory>
#include <string>
#include <vector>

#include "exec/executor.hpp"
#include "schema/registry.hpp"
#include "model/case.hpp"

namespace ac {

// Everything a run judges with, loaded once before anything is sent.
struct Suite {
  std::vector<Case> cases;
  std::unique_ptr<SchemaRegistry> schemas;
  Grammars grammars;
};

// Loads cases, every schema and every grammar the cases name, and checks that each reference
// resolves. Diagnostics go to `err` compiler-style; returns how many there were.
int load_suite(const std::vector<std::string>& case_paths, const std::string& schema_root, Suite& out, std::ostream& err);

}  // namespace ac
