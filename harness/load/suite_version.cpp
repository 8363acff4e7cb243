#include "load/suite_version.hpp"

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "util/content_hash.hpp"

namespace ac {

namespace fs = std::filesystem;

namespace {

bool is_suite_file(const fs::path& p) {
  const std::string ext = p.extension().string();
  return ext == ".yaml" || ext == ".yml" || ext == ".json";
}

// Relative path -> absolute path of every suite file under `root` (or `root` itself), keyed by a
// path that does not depend on where the suite is installed, so a package and the source tree hash
// the same.
void collect(const fs::path& root, const std::string& prefix, std::map<std::string, fs::path>& out) {
  std::error_code ec;
  if (fs::is_regular_file(root, ec)) {
    out.emplace(prefix + root.filename().generic_string(), root);
    return;
  }
  for (fs::recursive_directory_iterator it(root, ec), end; !ec && it != end; it.increment(ec)) {
    if (it->is_regular_file(ec) && is_suite_file(it->path()))
      out.emplace(prefix + it->path().lexically_relative(root).generic_string(), it->path());
  }
}

std::string read_all(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string first_line(const fs::path& p) {
  std::ifstream in(p);
  std::string line;
  std::getline(in, line);
  while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
  return line;
}

}  // namespace

SuiteVersion suite_version(const std::vector<std::string>& case_paths, const std::string& schemas_dir) {
  SuiteVersion out;
  std::map<std::string, fs::path> files;
  for (const auto& path : case_paths) {
    collect(path, "cases/", files);
    std::error_code ec;
    if (out.version.empty() && fs::is_regular_file(fs::path(path) / "VERSION", ec))
      out.version = first_line(fs::path(path) / "VERSION");
  }
  collect(schemas_dir, "schemas/", files);
  ContentHash hash;
  for (const auto& [name, path] : files) hash.add_file(name, read_all(path));
  out.hash = hash.hex();
  return out;
}

}  // namespace ac
