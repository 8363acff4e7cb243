#pragma once
#include <string>
#include <vector>

#include "model/suite_version.hpp"

namespace ac {

// The version (model/suite_version.hpp) of the suite made of these case files or folders and this schemas folder.
SuiteVersion suite_version(const std::vector<std::string>& case_paths, const std::string& schemas_dir);

}  // namespace ac
