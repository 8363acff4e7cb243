#pragma once
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

namespace ac {

// The folder holding the shipped suite: cases/, schemas/ (with the stream grammars) and
// providers/ (docs/install.md, "Where the data is found").
struct DataRoot {
  std::string dir;     // "" when no candidate holds the suite
  std::string origin;  // why this one: "APICONFORM_DATA_DIR", "beside the binary", ...
  std::vector<std::string> tried;  // every candidate looked at, in order, for the error message
};

// Looked up once per process, first match wins: $APICONFORM_DATA_DIR; <binary's folder>/../share/
// apiconform (an installed or unpacked package, wherever it was moved); the install prefix compiled
// in; the source tree the binary was built from (for developers; APICONFORM_NO_SOURCE_TREE=1 skips it).
const DataRoot& data_root();

// One of the shipped data folders (cases, schemas, providers) when the user did not name it;
// relative ("cases") when the working directory is the data folder.
// Returns `name` unchanged (relative to the working directory) when no data folder was found, so
// the error that follows names what was missing.
std::string data_path(const std::string& name);

// The case files a command reads: those given (--cases, or lint's paths), or else the shipped
// suite, then every --add-cases path (a user's own cases run beside the shipped ones).
// --add-cases, worded the same on every command that reads cases.
void add_added_cases_option(CLI::App& command, std::vector<std::string>& added);

std::vector<std::string> case_paths(const std::vector<std::string>& given, const std::vector<std::string>& added);

// `apiconform --version`: the tool's version, the data folder in use and the suite's version.
std::string version_text();

}  // namespace ac
