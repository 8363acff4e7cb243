#pragma once
#include <string>

namespace ac {

// Which suite a run judged with (docs/install.md, "Versions"): the version written by hand in
// cases/VERSION when the suite changes, and a hash of the content, which changes with any edit
// (a user's own cases, a local fix) even when nobody bumped the version.
struct SuiteVersion {
  std::string version;  // first line of VERSION in the first case folder; "" when there is none
  std::string hash;     // 16 hex digits: FNV-1a 64 over every .yaml/.yml/.json file's path and bytes
  bool empty() const { return version.empty() && hash.empty(); }
  bool operator==(const SuiteVersion& o) const { return version == o.version && hash == o.hash; }
  bool operator!=(const SuiteVersion& o) const { return !(*this == o); }
  std::string text() const;  // "2026.12.0 (content 0123456789abcdef)"
};

}  // namespace ac
