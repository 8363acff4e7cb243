#include "plan/redactor.hpp"

#include <algorithm>
#include <cctype>

namespace ac {

std::string base64_encode(const std::string& data) {
  static const char* table = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  unsigned value = 0;
  int bits = -6;
  for (unsigned char c : data) {
    value = (value << 8) + c;
    bits += 8;
    while (bits >= 0) {
      out.push_back(table[(value >> bits) & 0x3F]);
      bits -= 6;
    }
  }
  if (bits > -6) out.push_back(table[((value << 8) >> (bits + 8)) & 0x3F]);
  while (out.size() % 4) out.push_back('=');
  return out;
}

std::string url_encode(const std::string& data) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : data) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out.push_back(static_cast<char>(c));
    } else {
      out.push_back('%');
      out.push_back(hex[c >> 4]);
      out.push_back(hex[c & 15]);
    }
  }
  return out;
}

void Redactor::add_secret(const std::string& secret) {
  // Very short values would redact ordinary text; keys are long.
  if (secret.size() < 6) return;
  for (const std::string& form : {secret, base64_encode(secret), url_encode(secret)}) {
    if (std::find(forms_.begin(), forms_.end(), form) == forms_.end()) forms_.push_back(form);
  }
  // Inside a longer encoded string (e.g. Basic auth's "user:key") the key's bytes fall at any
  // of three alignments; the base64 groups made only of key bytes still appear verbatim.
  for (std::size_t shift = 0; shift <= 2; ++shift) {
    std::string encoded = base64_encode(std::string(shift, '\0') + secret);
    std::size_t start = shift == 0 ? 0 : 4;
    std::size_t end = 4 * ((shift + secret.size()) / 3);
    if (end <= start + 8) continue;
    std::string core = encoded.substr(start, end - start);
    if (std::find(forms_.begin(), forms_.end(), core) == forms_.end()) forms_.push_back(core);
  }
  // Longest first, so a form that contains another is replaced whole.
  std::sort(forms_.begin(), forms_.end(), [](const auto& a, const auto& b) { return a.size() > b.size(); });
}

std::string Redactor::apply(const std::string& text) const {
  std::string out = text;
  apply_in_place(out);
  return out;
}

void Redactor::apply_in_place(std::string& text) const {
  for (const auto& form : forms_) {
    std::size_t pos = 0;
    while ((pos = text.find(form, pos)) != std::string::npos) {
      text.replace(pos, form.size(), "[REDACTED]");
      pos += 10;
    }
  }
}

}  // namespace ac
