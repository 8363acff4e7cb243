#include "sim/replay_book.hpp"

namespace ac::sim {

ReplayBook::ReplayBook(std::vector<RecordedReply> replies)
    : replies_(std::move(replies)), served_(replies_.size(), false) {}

const RecordedReply* ReplayBook::match(const std::string& method, const std::string& path, const std::string& body) {
  std::lock_guard<std::mutex> lock(mutex_);
  std::vector<std::size_t> same;
  for (std::size_t i = 0; i < replies_.size(); ++i)
    if (replies_[i].method == method && replies_[i].path == path) same.push_back(i);
  if (same.empty()) return nullptr;
  auto pick = [&](std::size_t i) {
    served_[i] = true;
    return &replies_[i];
  };
  for (std::size_t i : same)
    if (!served_[i] && replies_[i].request_body == body) return pick(i);
  for (std::size_t i : same)
    if (!served_[i]) return pick(i);
  for (std::size_t i : same) served_[i] = false;  // every one served: the session again
  for (std::size_t i : same)
    if (replies_[i].request_body == body) return pick(i);
  return pick(same.front());
}

std::string ReplayBook::expected_text() const {
  std::vector<std::pair<std::string, int>> counts;
  for (const auto& r : replies_) {
    const std::string key = r.method + " " + r.path;
    bool found = false;
    for (auto& c : counts)
      if (c.first == key) found = ++c.second > 0;
    if (!found) counts.emplace_back(key, 1);
  }
  std::string text;
  for (const auto& c : counts) text += (text.empty() ? "" : ", ") + c.first + " (" + std::to_string(c.second) + ")";
  return text;
}

}  // namespace ac::sim
