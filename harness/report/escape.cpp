#include "report/escape.hpp"

#include <cmath>
#include <cstdio>

#include "util/utf8.hpp"

namespace ac {
namespace {

// U+2400 + c for C0 controls, U+2421 for DEL: visible, and valid in HTML, XML and Markdown.
std::string control_picture(unsigned char c) {
  const unsigned code = c == 0x7F ? 0x2421 : 0x2400 + c;
  std::string out;
  out += static_cast<char>(0xE0 | (code >> 12));
  out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
  out += static_cast<char>(0x80 | (code & 0x3F));
  return out;
}

bool is_hidden_control(unsigned char c, bool keep_line_breaks) {
  if (keep_line_breaks && (c == '\n' || c == '\t' || c == '\r')) return false;
  return c < 0x20 || c == 0x7F;
}

}  // namespace

std::string html_escape(const std::string& text) {
  const std::string clean = valid_utf8(text);
  std::string out;
  out.reserve(clean.size() + clean.size() / 8);
  for (char ch : clean) {
    const auto c = static_cast<unsigned char>(ch);
    switch (ch) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default:
        if (is_hidden_control(c, true)) out += control_picture(c);
        else out += ch;
    }
  }
  return out;
}

std::string xml_escape(const std::string& text) {
  const std::string clean = valid_utf8(text);
  std::string out;
  out.reserve(clean.size() + clean.size() / 8);
  for (std::size_t i = 0; i < clean.size(); ++i) {
    const char ch = clean[i];
    const auto c = static_cast<unsigned char>(ch);
    switch (ch) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      case '\n': out += "&#10;"; break;  // kept through attribute normalisation
      case '\r': out += "&#13;"; break;
      case '\t': out += "&#9;"; break;
      default:
        if (is_hidden_control(c, false)) {
          out += control_picture(c);
        } else if (c == 0xEF && i + 2 < clean.size() && static_cast<unsigned char>(clean[i + 1]) == 0xBF &&
                   (static_cast<unsigned char>(clean[i + 2]) == 0xBE || static_cast<unsigned char>(clean[i + 2]) == 0xBF)) {
          out += "\xEF\xBF\xBD";  // U+FFFE and U+FFFF are not XML characters
          i += 2;
        } else {
          out += ch;
        }
    }
  }
  return out;
}

std::string xml_escape_text(const std::string& text) {
  std::string out = xml_escape(text);
  for (const auto& [ref, literal] : {std::pair<const char*, const char*>{"&#10;", "\n"}, {"&#9;", "\t"}}) {
    for (std::size_t at = out.find(ref); at != std::string::npos; at = out.find(ref, at + 1)) {
      out.replace(at, std::string(ref).size(), literal);
    }
  }
  return out;
}

std::string markdown_escape(const std::string& text) {
  const std::string clean = valid_utf8(text);
  std::string out;
  for (std::size_t i = 0; i < clean.size(); ++i) {
    const char ch = clean[i];
    const auto c = static_cast<unsigned char>(ch);
    switch (ch) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '\n':
      case '\r':
      case '\t': out += ' '; break;
      case '|': case '\\': case '`': case '*': case '_': case '[': case ']': case '#': case '~': case '!':
        out += '\\';
        out += ch;
        break;
      // A zero-width space (as an entity) after '@' and inside "://" and "www.": no @mention or
      // @team ping, and no autolink, when the report is posted as a pull-request comment.
      case '@': out += "@&#8203;"; break;
      case ':':
        out += ':';
        if (clean.compare(i + 1, 2, "//") == 0) out += "&#8203;";
        break;
      case '.':
        out += '.';
        if (i >= 3 && clean.compare(i - 3, 3, "www") == 0) out += "&#8203;";
        break;
      default:
        if (is_hidden_control(c, false)) out += control_picture(c);
        else out += ch;
    }
  }
  return out;
}

std::string excerpt(const std::string& text, std::size_t max_bytes) {
  const std::string clean = valid_utf8(text);
  if (clean.size() <= max_bytes) return clean;
  return clean.substr(0, utf8_prefix_length(clean, max_bytes)) + "\xE2\x80\xA6";
}

std::string markdown_excerpt(const std::string& text, std::size_t max_bytes) {
  return markdown_escape(excerpt(text, max_bytes));
}

std::string fixed(double value, int digits) {
  if (!std::isfinite(value)) value = 0;
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", digits, value);
  return buf;
}

}  // namespace ac
