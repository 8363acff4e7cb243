#pragma once
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "sim/api_surface.hpp"

namespace ac::sim {

// One dialect file: its text and where it came from (for located errors).
struct DialectSource {
  std::string name;    // file stem: the dialect's name
  std::string origin;  // path shown in errors ("harness/sim/dialects/aimlapi.yaml")
  std::string text;
};

// The dialect files of harness/sim/dialects/, embedded into the binary at build time so that
// the simulator finds them from any working directory (generated dialects_embedded.cpp).
const std::vector<DialectSource>& builtin_dialects();

// Applies one dialect file's differences to the reference surface. A malformed file gives
// "origin:line:col: what is wrong" (1-based) and leaves `out` unspecified.
std::optional<std::string> load_dialect(const DialectSource& source, ApiSurface& out);

// Every dialect available: the built-in files, plus the `*.yaml` files of `dir` when it is not
// empty (a file there replaces the built-in one of the same name). Sorted by name; the
// reference itself is not a file and is not listed here.
std::optional<std::string> dialect_sources(const std::string& dir, std::vector<DialectSource>& out);

// The surface to serve for `name` ("reference" or a dialect); an unknown name is an error that
// lists the known ones.
std::optional<std::string> resolve_dialect(const std::string& name, const std::string& dir,
                                           ApiSurface& out);

}  // namespace ac::sim
