#include "util/utc_time.hpp"

#include <chrono>
#include <cstdio>
#include <ctime>

namespace ac {

std::string utc_now_rfc3339(bool millis) {
  const auto now = std::chrono::system_clock::now();
  const std::time_t t = std::chrono::system_clock::to_time_t(now);
  std::tm parts{};
  gmtime_r(&t, &parts);
  char seconds[32];
  std::strftime(seconds, sizeof seconds, "%Y-%m-%dT%H:%M:%S", &parts);
  if (!millis) return std::string(seconds) + "Z";
  const long ms =
      static_cast<long>(std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count() % 1000);
  char out[48];
  std::snprintf(out, sizeof out, "%s.%03ldZ", seconds, ms);
  return out;
}

}  // namespace ac
