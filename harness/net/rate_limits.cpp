#include "net/rate_limits.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace ac {
namespace {

constexpr double kSustainedShare = 0.9;  // of the request limit: leaves room for other clients' retries

std::optional<double> number(const Headers& headers, const std::string& name) {
  auto text = find_header(headers, name);
  if (!text || text->empty()) return std::nullopt;
  char* end = nullptr;
  double value = std::strtod(text->c_str(), &end);
  if (end == text->c_str() || *end != '\0' || !std::isfinite(value) || value < 0) return std::nullopt;
  return value;
}

// Days from 1970-01-01 to a civil date (proleptic Gregorian), without the local time zone timegm
// would need.
long long days_from_civil(long long y, unsigned m, unsigned d) {
  y -= m <= 2;
  const long long era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<long long>(doe) - 719468;
}

}  // namespace

std::optional<double> parse_rfc3339(const std::string& text) {
  int year, month, day, hour, minute, second, used = 0;
  if (std::sscanf(text.c_str(), "%4d-%2d-%2d%*1[Tt ]%2d:%2d:%2d%n", &year, &month, &day, &hour, &minute, &second,
                  &used) != 6 || used != 19)
    return std::nullopt;
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60) return std::nullopt;
  double fraction = 0;
  std::size_t at = 19;
  if (at < text.size() && text[at] == '.') {
    std::size_t start = at;
    ++at;
    while (at < text.size() && std::isdigit(static_cast<unsigned char>(text[at]))) ++at;
    if (at == start + 1) return std::nullopt;
    fraction = std::strtod(text.substr(start, at - start).c_str(), nullptr);
  }
  double offset_s = 0;
  std::string zone = text.substr(at);
  if (zone == "Z" || zone == "z") {
    offset_s = 0;
  } else {
    int zh = 0, zm = 0, zused = 0;
    char sign = 0;
    if (std::sscanf(zone.c_str(), "%c%2d:%2d%n", &sign, &zh, &zm, &zused) != 3 || zused != 6 ||
        (sign != '+' && sign != '-'))
      return std::nullopt;
    offset_s = (sign == '+' ? 1 : -1) * (zh * 3600.0 + zm * 60.0);
  }
  double seconds = static_cast<double>(days_from_civil(year, month, day)) * 86400.0 + hour * 3600.0 + minute * 60.0 +
                   second + fraction;
  return seconds - offset_s;
}

RateLimitReading read_rate_limits(const Headers& headers, std::time_t now) {
  RateLimitReading reading;
  reading.requests_per_minute = number(headers, "anthropic-ratelimit-requests-limit");
  for (const char* kind : {"requests", "tokens", "input-tokens", "output-tokens"}) {
    const std::string prefix = std::string("anthropic-ratelimit-") + kind;
    auto limit = number(headers, prefix + "-limit");
    auto remaining = number(headers, prefix + "-remaining");
    if (!remaining) continue;
    if (*remaining < 1) {
      double wait = 1;  // no readable reset: look again in a second
      if (auto reset = find_header(headers, prefix + "-reset"))
        if (auto at = parse_rfc3339(*reset)) wait = std::max(wait, *at - static_cast<double>(now));
      if (wait > reading.hold_s) {
        reading.hold_s = wait;
        reading.exhausted = kind;
      }
    }
    if (limit && *limit > 0) {
      double headroom = std::min(1.0, *remaining / *limit);
      if (reading.tightest.empty() || headroom < reading.headroom) {
        reading.headroom = headroom;
        reading.tightest = kind;
      }
    }
  }
  return reading;
}

double adapted_pace(const RateLimitReading& reading, double ceiling) {
  auto capped = [ceiling](double pace) { return ceiling > 0 ? std::min(ceiling, pace) : pace; };
  const double sustained =
      reading.requests_per_minute && *reading.requests_per_minute > 0 ? kSustainedShare * *reading.requests_per_minute / 60
                                                                      : 0;
  if (reading.headroom >= kLowHeadroom) {
    // Plenty left: the ceiling governs; an unlimited pool stays unlimited.
    return ceiling > 0 && sustained > 0 ? std::min(ceiling, sustained) : ceiling;
  }
  double base = sustained > 0 ? sustained : (ceiling > 0 ? ceiling : 1);
  return capped(base * std::max(0.05, reading.headroom / kLowHeadroom));
}

}  // namespace ac
