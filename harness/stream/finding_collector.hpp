#pragma once
#include <cstddef>
#include <functional>
#include <map>
#include <string>

#include "model/finding.hpp"

namespace ac {

// Collects a stream's findings with bounded memory: a problem repeated on many events (one key)
// is listed for its first few events, then counted; a summary line says how many more there were.
class FindingCollector {
 public:
  explicit FindingCollector(std::size_t max_total = 200, std::size_t per_key = 3)
      : max_total_(max_total), per_key_(per_key) {}

  // `key` groups repetitions of the same problem; `limit` overrides per_key (0 = default).
  void add(const std::string& key, Finding f, std::size_t limit = 0);
  // Appends the "and N more" summaries; call once, at the end.
  void finish();
  // Keeps only the findings for which `keep(key, finding)` is true.
  void retain(const std::function<bool(const std::string&, const Finding&)>& keep);
  void prepend(const std::string& key, Finding f);

  const Findings& findings() const { return findings_; }
  bool has(const std::string& key) const { return counts_.count(key) > 0; }

 private:
  struct Count {
    std::size_t shown = 0;
    std::size_t suppressed = 0;
    Finding first;
  };
  std::size_t max_total_;
  std::size_t per_key_;
  std::size_t dropped_ = 0;  // over max_total, whatever the key
  Severity dropped_worst_ = Severity::Warning;
  Findings findings_;
  std::vector<std::string> keys_;  // parallel to findings_
  std::map<std::string, Count> counts_;
  bool finished_ = false;
};

}  // namespace ac
