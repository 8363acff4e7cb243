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
// An unknown name is an error listing the available ones.
Diagnostics load_provider(const std::string& name_or_path, const std::string& providers_dir, Provider& out);

// Loads a profile from YAML text as if it were the file `file_name`. Never throws.
Diagnostics load_provider_from_string(const std::string& yaml, const std::string& file_name, Provider& out);

// The names of the profiles in `providers_dir` (file names without .yaml/.yml), sorted.
std::vector<std::string> list_provider_names(const std::string& providers_dir);

}  // namespace ac
