#include "sim/ids.hpp"

namespace ac::sim {

IdSource::IdSource() : random_(std::random_device{}()) {}

std::string IdSource::next(const std::string& prefix) {
  static const char kAlphabet[] =
      "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
  std::string id = prefix + "01";
  std::lock_guard<std::mutex> lock(mutex_);
  for (int i = 0; i < 22; ++i) id += kAlphabet[random_() % 62];
  return id;
}

std::string thinking_signature(const std::string& thinking) {
  static const char kBase64[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  // FNV-1a seeds a small generator so the same thinking always gets the same signature.
  uint64_t hash = 1469598103934665603ull;
  for (unsigned char c : thinking) hash = (hash ^ c) * 1099511628211ull;
  std::mt19937_64 generator(hash);
  std::string signature = "Es";
  for (int i = 0; i < 94; ++i) signature += kBase64[generator() % 64];
  return signature + "==";
}

}  // namespace ac::sim
