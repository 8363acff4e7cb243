#include "cli/data_paths.hpp"

#include <unistd.h>

#include <filesystem>

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
}  // namespace

std::string data_path(const std::string& name) {
  std::error_code ec;
  if (fs::is_directory(name, ec)) return name;
  fs::path beside = executable_dir().parent_path() / name;
  if (fs::is_directory(beside, ec)) return beside.string();
#ifdef APICONFORM_SOURCE_DIR
  fs::path source = fs::path(APICONFORM_SOURCE_DIR) / name;
  if (fs::is_directory(source, ec)) return source.string();
#endif
  return name;
}

}  // namespace ac
