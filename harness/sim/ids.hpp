#pragma once
#include <cstdint>
#include <mutex>
#include <random>
#include <string>

namespace ac::sim {

// Unique ids in the API's style (`msg_01...`, `toolu_01...`, `req_01...`): a prefix, "01" and
// 22 base-62 characters. One source per simulator; safe to share between its threads.
class IdSource {
 public:
  IdSource();
  std::string next(const std::string& prefix);

 private:
  std::mutex mutex_;
  std::mt19937_64 random_;
};

// A deterministic base64-looking signature for a thinking block's text (opaque to clients).
std::string thinking_signature(const std::string& thinking);

}  // namespace ac::sim
