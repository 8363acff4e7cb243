#include "check/regex_cache.hpp"

#include <map>
#include <utility>

namespace ac {

const std::regex& cached_regex(const std::string& pattern, std::regex::flag_type flags) {
  // Per thread, so no lock; bounded, because patterns come from case files and grow with the suite only.
  thread_local std::map<std::pair<std::string, std::regex::flag_type>, std::regex> cache;
  auto key = std::make_pair(pattern, flags);
  auto it = cache.find(key);
  if (it != cache.end()) return it->second;
  std::regex compiled(pattern, flags);  // throws before anything is cached
  if (cache.size() >= 1024) cache.clear();
  return cache.emplace(std::move(key), std::move(compiled)).first->second;
}

}  // namespace ac
