#pragma once
#include <string>

namespace ac {

// Finds one of the project's data folders (cases, schemas, providers) when the user did not
// name it: in the working directory first, then beside the binary's build folder, then where
// the sources were at build time. Returns `name` unchanged when none exists.
std::string data_path(const std::string& name);

}  // namespace ac
