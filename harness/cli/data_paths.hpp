#pragma once
#include <string>

namespace ac {

// Finds one of the project's data folders (cases, schemas, providers) when the user did not
// name it: in the working directory first, then beside the binary's build folder, then where
// the sources were at build time. Returns `name` unchanged when none exists. With `holding`, only a
// folder holding that file counts (a user's own providers/ beside the shipped one).
std::string data_path(const std::string& name, const std::string& holding = "");

}  // namespace ac
