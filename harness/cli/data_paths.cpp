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

std::string data_path(const std::string& name, const std::string& holding) {
  std::error_code ec;
  auto fits = [&](const fs::path& dir) {
    return fs::is_directory(dir, ec) && (holding.empty() || fs::exists(dir / holding, ec));
  };
  if (fits(name)) return name;
  fs::path beside = executable_dir().parent_path() / name;
  if (fits(beside)) return beside.string();
#ifdef APICONFORM_SOURCE_DIR
  fs::path source = fs::path(APICONFORM_SOURCE_DIR) / name;
  if (fits(source)) return source.string();
#endif
  return name;
}

}  // namespace ac
