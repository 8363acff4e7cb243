#include "sim/batch_store.hpp"

#include <ctime>

namespace ac::sim {

std::string rfc3339(Clock::time_point when) {
  std::time_t seconds = Clock::to_time_t(when);
  std::tm utc{};
  gmtime_r(&seconds, &utc);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return text;
}

BatchView BatchStore::view(const Batch& batch, bool just_canceled) const {
  BatchView out{batch, "in_progress", false, batch.cancel_initiated_at.has_value()};
  if (just_canceled) {
    out.processing_status = "canceling";
  } else if (out.canceled || Clock::now() >= batch.ends_at) {
    out.processing_status = "ended";
    out.ended = true;
  }
  return out;
}

BatchView BatchStore::add(Batch batch) {
  std::lock_guard<std::mutex> lock(mutex_);
  batches_.insert(batches_.begin(), std::move(batch));
  return view(batches_.front());
}

std::optional<BatchView> BatchStore::find(const std::string& id) const {
  std::lock_guard<std::mutex> lock(mutex_);
  for (const auto& batch : batches_) {
    if (batch.id == id) return view(batch);
  }
  return std::nullopt;
}

std::optional<BatchView> BatchStore::cancel(const std::string& id) {
  std::lock_guard<std::mutex> lock(mutex_);
  for (auto& batch : batches_) {
    if (batch.id != id) continue;
    if (batch.cancel_initiated_at || Clock::now() >= batch.ends_at) return view(batch);
    batch.cancel_initiated_at = Clock::now();
    batch.ends_at = *batch.cancel_initiated_at;
    return view(batch, true);
  }
  return std::nullopt;
}

bool BatchStore::remove(const std::string& id, bool& in_progress) {
  std::lock_guard<std::mutex> lock(mutex_);
  in_progress = false;
  for (auto it = batches_.begin(); it != batches_.end(); ++it) {
    if (it->id != id) continue;
    if (!view(*it).ended) {
      in_progress = true;
      return true;
    }
    batches_.erase(it);
    return true;
  }
  return false;
}

std::vector<std::string> BatchStore::ids() const {
  std::lock_guard<std::mutex> lock(mutex_);
  std::vector<std::string> out;
  for (const auto& batch : batches_) out.push_back(batch.id);
  return out;
}

}  // namespace ac::sim
