#include "redact/terminal_text.hpp"

#include <cstdio>

#include "util/utf8.hpp"

namespace ac {

namespace {

void escaped_byte(std::string& out, unsigned char c) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "\\x%02x", c);
  out += buf;
}

// Length of a colour sequence "ESC [ (digits|;)* m" at `i`, or 0.
std::size_t colour_sequence(std::string_view s, std::size_t i) {
  if (i + 2 >= s.size() || s[i] != '\033' || s[i + 1] != '[') return 0;
  std::size_t k = i + 2;
  while (k < s.size() && ((s[k] >= '0' && s[k] <= '9') || s[k] == ';')) ++k;
  return k < s.size() && s[k] == 'm' ? k + 1 - i : 0;
}

// The code point of the 2- or 3-byte sequence at `i` (already known valid).
unsigned code_point(std::string_view s, std::size_t i, std::size_t len) {
  const auto b = [&](std::size_t k) { return static_cast<unsigned>(static_cast<unsigned char>(s[i + k])); };
  if (len == 2) return ((b(0) & 0x1F) << 6) | (b(1) & 0x3F);
  return ((b(0) & 0x0F) << 12) | ((b(1) & 0x3F) << 6) | (b(2) & 0x3F);
}

bool hidden_code_point(unsigned cp) {
  return (cp >= 0x80 && cp <= 0x9F) || (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

std::string neutralise(std::string_view text, bool terminal) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c >= 0x20 && c < 0x7F) {
      out += text[i++];
      continue;
    }
    if (c == '\n' || c == '\t') {
      out += text[i++];
      continue;
    }
    if (terminal) {
      if (std::size_t n = colour_sequence(text, i)) {
        out.append(text, i, n);
        i += n;
        continue;
      }
      if (text.substr(i, 4) == "\r\033[K") {
        out += "\r\033[K";
        i += 4;
        continue;
      }
    }
    if (c < 0x80) {  // C0 controls and DEL
      escaped_byte(out, c);
      ++i;
      continue;
    }
    const std::size_t len = valid_sequence_length(text, i);
    if (len == 0) {
      escaped_byte(out, c);
      ++i;
      continue;
    }
    const unsigned cp = len <= 3 ? code_point(text, i, len) : 0;
    if (hidden_code_point(cp)) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\u%04x", cp);
      out += buf;
    } else {
      out.append(text, i, len);
    }
    i += len;
  }
  return out;
}

}  // namespace

std::string visible_controls(std::string_view text) { return neutralise(text, false); }

std::string neutralise_console(std::string_view text, bool terminal) { return neutralise(text, terminal); }

}  // namespace ac
