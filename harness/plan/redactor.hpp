#pragma once
#include <string>
#include <vector>

namespace ac {

// Replaces every secret (API keys, secret header values) in a text by "[REDACTED]", in the
// forms a secret leaks in: as is, base64-encoded (Basic auth, echoed tokens) and URL-encoded.
class Redactor {
 public:
  void add_secret(const std::string& secret);
  std::string apply(const std::string& text) const;
  // The same, changing `text` only where a secret is found: no copy of the many texts that hold
  // none (every header and body of every reply is checked).
  void apply_in_place(std::string& text) const;
  bool empty() const { return forms_.empty(); }

 private:
  std::vector<std::string> forms_;
};

std::string base64_encode(const std::string& data);
std::string url_encode(const std::string& data);

}  // namespace ac
