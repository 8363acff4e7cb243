// Fuzzes the redactor (docs/secrets.md): a random secret embedded at a random cut of random text,
// plain, URL-encoded, JSON-escaped, base64 at a random alignment, or split in two texts as a
// stream splits it across events. Whatever the input, no output may hold the secret's form or
// any 12-character piece of it. Any such piece, crash or overflow (ASan) is a bug.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "redact/encodings.hpp"
#include "redact/redactor.hpp"

namespace {

void must_hold_no_piece(const std::string& out, const std::string& form) {
  for (std::size_t at = 0; at + 12 <= form.size(); ++at)
    if (out.find(std::string_view(form).substr(at, 12)) != std::string::npos) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 4) return 0;
  static const char* alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  const std::size_t length = 12 + data[0] % 100;
  const unsigned mode = data[1] % 5;
  std::string secret;
  for (std::size_t i = 0; i < length; ++i) secret += alphabet[(data[2] * 31 + i * data[3] + i * i) % 64];
  const std::string text(reinterpret_cast<const char*>(data) + 4, size - 4);
  const std::size_t cut = text.empty() ? 0 : data[2] % (text.size() + 1);
  ac::Redactor r;
  r.add_secret(secret);

  std::string embedded;
  std::string checked = secret;  // what no piece of may remain
  switch (mode) {
    case 0: embedded = secret; break;
    case 1: embedded = ac::url_encode(secret); break;
    case 2: embedded = ac::json_unicode_escape(secret); break;
    case 3: {
      const std::size_t shift = data[3] % 3;
      std::string b64 = ac::base64_encode(std::string(shift, 'u') + secret);
      embedded = b64;
      checked = b64.substr(4, b64.size() - 8);  // the groups made of secret bytes alone
      break;
    }
    default: {  // split: the first part ends one text, the rest starts the next
      const std::size_t at = data[3] % (secret.size() + 1);
      std::string first = r.apply(text.substr(0, cut) + secret.substr(0, at));
      std::string second = r.apply(secret.substr(at) + text.substr(cut));
      if (at >= 12) must_hold_no_piece(first, secret.substr(0, at));
      if (secret.size() - at >= 12) must_hold_no_piece(second, secret.substr(at));
      return 0;
    }
  }
  const std::string out = r.apply(text.substr(0, cut) + embedded + text.substr(cut));
  if (out.find(embedded) != std::string::npos) std::abort();
  if (mode != 2) must_hold_no_piece(out, checked);
  return 0;
}
