#pragma once
#include <string>
#include <vector>

#include "model/diagnostic.hpp"
#include "model/provider.hpp"

namespace ac {

// Loads one provider profile (YAML); problems are located like case-file diagnostics.
Diagnostics load_provider_file(const std::string& path, Provider& out);

// Resolves a --provider argument: a path to a .yaml file, or a name looked up as
// <providers_dir>/<name>.yaml.
Diagnostics load_provider(const std::string& name_or_path, const std::string& providers_dir, Provider& out);

}  // namespace ac
