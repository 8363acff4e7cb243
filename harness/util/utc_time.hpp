#pragma once
#include <string>

namespace ac {

// The time now, RFC 3339 in UTC: "2026-12-05T00:12:03Z", or with `millis`
// "2026-12-05T00:12:03.123Z" (when a run started and finished; when a proxied exchange started).
std::string utc_now_rfc3339(bool millis = false);

}  // namespace ac
