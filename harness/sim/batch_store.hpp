#pragma once
#include <chrono>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace ac::sim {

using Clock = std::chrono::system_clock;

// One request of a batch, answered when the batch was created (the simulator is instant; only
// the reported status waits for `processing_ms`).
struct BatchItem {
  std::string custom_id;
  bool succeeded = false;
  std::string result_json;  // the `result` object of its results line
};

struct Batch {
  std::string id;
  Clock::time_point created_at;
  Clock::time_point ends_at;  // when processing_status becomes "ended"
  std::optional<Clock::time_point> cancel_initiated_at;
  std::vector<BatchItem> items;
};

// A snapshot of a batch as clients see it at `now`.
struct BatchView {
  Batch batch;
  std::string processing_status;  // in_progress | canceling | ended
  bool ended = false;
  bool canceled = false;
};

// The batches of one simulator, newest first. Thread-safe.
class BatchStore {
 public:
  BatchView add(Batch batch);
  std::optional<BatchView> find(const std::string& id) const;
  // Cancel: an in-progress batch turns "canceling" (then ends with every request canceled).
  std::optional<BatchView> cancel(const std::string& id);
  // Removes an ended batch; false when unknown. `in_progress` reports a refusal.
  bool remove(const std::string& id, bool& in_progress);
  std::vector<std::string> ids() const;  // newest first

 private:
  BatchView view(const Batch& batch, bool just_canceled = false) const;
  mutable std::mutex mutex_;
  std::vector<Batch> batches_;  // newest first
};

std::string rfc3339(Clock::time_point when);

}  // namespace ac::sim
