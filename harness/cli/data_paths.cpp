#include "cli/data_paths.hpp"

#include <unistd.h>

#include <cstdlib>
#include <filesystem>

#include "load/suite_version.hpp"

namespace ac {

namespace fs = std::filesystem;

namespace {

fs::path executable_dir() {
  char buffer[4096];
  ssize_t n = readlink("/proc/self/exe", buffer, sizeof buffer - 1);
  if (n <= 0) return {};
  buffer[n] = 0;
  return fs::path(buffer).parent_path();
}

bool holds_suite(const fs::path& dir) {
  std::error_code ec;
  return fs::is_directory(dir / "cases", ec) && fs::is_directory(dir / "schemas", ec);
}

bool env_set(const char* name) {
  const char* value = std::getenv(name);
  return value && *value && std::string(value) != "0";
}

DataRoot find_data_root() {
  std::vector<std::pair<fs::path, std::string>> candidates;
  if (const char* dir = std::getenv("APICONFORM_DATA_DIR"); dir && *dir)
    candidates.emplace_back(dir, "APICONFORM_DATA_DIR");
  const fs::path exe = executable_dir();
  if (!exe.empty()) candidates.emplace_back(exe.parent_path() / "share" / "apiconform", "beside the binary");
#ifdef APICONFORM_INSTALL_DATADIR
  candidates.emplace_back(APICONFORM_INSTALL_DATADIR, "install prefix");
#endif
#ifdef APICONFORM_SOURCE_DIR
  if (!env_set("APICONFORM_NO_SOURCE_TREE")) candidates.emplace_back(APICONFORM_SOURCE_DIR, "source tree");
#endif
  DataRoot root;
  for (const auto& [dir, origin] : candidates) {
    root.tried.push_back(dir.lexically_normal().string());
    if (holds_suite(dir)) {
      root.dir = fs::absolute(dir).lexically_normal().string();
      root.origin = origin;
      break;
    }
  }
  return root;
}

}  // namespace

const DataRoot& data_root() {
  static const DataRoot root = find_data_root();
  return root;
}

std::string data_path(const std::string& name) {
  const DataRoot& root = data_root();
  if (root.dir.empty()) return name;
  // Run from the data folder itself (a developer in the source tree): relative, as the user would
  // type it, so diagnostics and reports say cases/x.yaml:3 rather than a long absolute path.
  std::error_code ec;
  if (fs::equivalent(root.dir, fs::current_path(ec), ec)) return name;
  return (fs::path(root.dir) / name).string();
}

void add_added_cases_option(CLI::App& command, std::vector<std::string>& added) {
  command.add_option("--add-cases", added,
                     "Your own case files or folders, judged besides the shipped suite (or besides --cases); "
                     "repeatable");
}

std::vector<std::string> case_paths(const std::vector<std::string>& given, const std::vector<std::string>& added) {
  std::vector<std::string> paths = given;
  if (paths.empty()) paths.push_back(data_path("cases"));
  paths.insert(paths.end(), added.begin(), added.end());
  return paths;
}

std::string version_text() {
  std::string text = std::string("apiconform ") + APICONFORM_VERSION + "\n";
  const DataRoot& root = data_root();
  if (root.dir.empty()) {
    text += "data:  none found; looked in";
    for (const auto& dir : root.tried) text += " " + dir;
    return text + " (set APICONFORM_DATA_DIR, or give --cases, --schemas and --providers-dir)";
  }
  text += "data:  " + root.dir + " (" + root.origin + ")\n";
  const SuiteVersion suite = suite_version({data_path("cases")}, data_path("schemas"));
  return text + "suite: " + suite.text();
}

}  // namespace ac
