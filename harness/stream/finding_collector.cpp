#include "stream/finding_collector.hpp"

namespace ac {

namespace {
// Breaking is the worst; a summary carries the worst severity it stands for.
bool worse(Severity a, Severity b) { return severity_rank(a) < severity_rank(b); }
// Distinct keys are bounded by the grammar and schemas, but a hostile stream could invent names.
constexpr std::size_t kMaxKeys = 1000;
}  // namespace

void FindingCollector::add(const std::string& key, Finding f, std::size_t limit) {
  if (limit == 0) limit = per_key_;
  if (f.rule.empty()) f.rule = key;  // the grouping key names the rule broken: the stable part of the code
  auto it = counts_.find(key);
  if (it == counts_.end()) {
    if (counts_.size() >= kMaxKeys) {
      ++dropped_;
      if (worse(f.severity, dropped_worst_)) dropped_worst_ = f.severity;
      return;
    }
    it = counts_.emplace(key, Count{0, 0, f}).first;
  }
  Count& c = it->second;
  if (c.shown >= limit || findings_.size() >= max_total_) {
    if (c.shown >= limit) ++c.suppressed;
    else {
      ++dropped_;
      if (worse(f.severity, dropped_worst_)) dropped_worst_ = f.severity;
    }
    return;
  }
  ++c.shown;
  findings_.push_back(std::move(f));
  keys_.push_back(key);
}

void FindingCollector::finish() {
  if (finished_) return;
  finished_ = true;
  for (const auto& [key, c] : counts_) {
    if (c.suppressed == 0) continue;
    Finding s;
    s.check = c.first.check;
    s.severity = c.first.severity;
    s.pointer = c.first.pointer;  // the same code as the findings it stands for
    s.rule = c.first.rule;
    s.expected = c.first.expected;
    s.message = "the same problem occurred " + std::to_string(c.suppressed) + " more time" +
                (c.suppressed == 1 ? "" : "s") + " after the " + std::to_string(c.shown) +
                " listed (first: " + c.first.message + ")";
    findings_.push_back(std::move(s));
    keys_.push_back(key + "#more");
  }
  if (dropped_ > 0) {
    Finding s;
    s.check = "stream-grammar";
    s.severity = dropped_worst_;
    s.pointer = "/events";
    s.rule = "dropped";
    s.message = std::to_string(dropped_) + " more findings were not listed (limit reached)";
    findings_.push_back(std::move(s));
    keys_.push_back("#dropped");
  }
}

void FindingCollector::retain(const std::function<bool(const std::string&, const Finding&)>& keep) {
  Findings f;
  std::vector<std::string> k;
  for (std::size_t i = 0; i < findings_.size(); ++i) {
    if (!keep(keys_[i], findings_[i])) continue;
    f.push_back(std::move(findings_[i]));
    k.push_back(std::move(keys_[i]));
  }
  findings_ = std::move(f);
  keys_ = std::move(k);
  for (auto it = counts_.begin(); it != counts_.end();) {
    bool kept = false;
    for (const auto& key : keys_) kept = kept || key == it->first;
    if (!kept) it = counts_.erase(it);
    else ++it;
  }
}

void FindingCollector::prepend(const std::string& key, Finding f) {
  if (f.rule.empty()) f.rule = key;
  findings_.insert(findings_.begin(), std::move(f));
  keys_.insert(keys_.begin(), key);
  counts_.emplace(key, Count{1, 0, findings_.front()});
}

}  // namespace ac
