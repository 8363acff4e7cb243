#include "redact/redactor.hpp"

#include <algorithm>
#include <cstring>

#include "redact/encodings.hpp"

namespace ac {

namespace {

constexpr std::uint64_t kBase = 0x100000001B3ULL;  // polynomial rolling hash, modulo 2^64
constexpr unsigned kFilterBits = 20;               // 128 KiB: stays in cache

std::uint64_t bucket_of(std::uint64_t hash) { return (hash * 0x9E3779B97F4A7C15ULL) >> (64 - kFilterBits); }

std::uint64_t hash_of(std::string_view piece) {
  std::uint64_t h = 0;
  for (unsigned char c : piece) h = h * kBase + c;
  return h;
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool hex_at(std::string_view s, std::size_t at, std::size_t digits, unsigned& value) {
  if (at + digits > s.size()) return false;
  value = 0;
  for (std::size_t k = 0; k < digits; ++k) {
    const int v = hex_value(s[at + k]);
    if (v < 0) return false;
    value = value * 16 + static_cast<unsigned>(v);
  }
  return true;
}

// The text with JSON escapes and %XX decoded, each decoded byte knowing the raw bytes it came from.
struct DecodedView {
  std::string text;
  std::vector<std::uint32_t> from, to;  // raw span [from, to) of each decoded byte

  void emit(char c, std::size_t raw_from, std::size_t raw_to) {
    text.push_back(c);
    from.push_back(static_cast<std::uint32_t>(raw_from));
    to.push_back(static_cast<std::uint32_t>(raw_to));
  }
  void emit_code_point(unsigned cp, std::size_t raw_from, std::size_t raw_to) {
    if (cp < 0x80) return emit(static_cast<char>(cp), raw_from, raw_to);
    if (cp < 0x800) {
      emit(static_cast<char>(0xC0 | (cp >> 6)), raw_from, raw_to);
    } else {
      emit(static_cast<char>(0xE0 | (cp >> 12)), raw_from, raw_to);
      emit(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)), raw_from, raw_to);
    }
    emit(static_cast<char>(0x80 | (cp & 0x3F)), raw_from, raw_to);
  }
};

char json_escape_meaning(char c) {
  switch (c) {
    case '\\': case '/': case '"': return c;
    case 'n': return '\n';
    case 't': return '\t';
    case 'r': return '\r';
    case 'b': return '\b';
    case 'f': return '\f';
    default: return 0;
  }
}

DecodedView decode(std::string_view raw) {
  DecodedView view;
  view.text.reserve(raw.size());
  for (std::size_t i = 0; i < raw.size();) {
    unsigned value = 0;
    if (raw[i] == '\\' && i + 1 < raw.size()) {
      if (raw[i + 1] == 'u' && hex_at(raw, i + 2, 4, value)) {
        view.emit_code_point(value, i, i + 6);
        i += 6;
        continue;
      }
      // "\\" before "u0073" is one backslash in JSON, but a reader still sees the escape: the
      // \uXXXX wins, so no stray backslash can hide a secret.
      const bool escape_follows = raw[i + 1] == '\\' && i + 2 < raw.size() && raw[i + 2] == 'u' &&
                                  hex_at(raw, i + 3, 4, value);
      if (char meaning = escape_follows ? 0 : json_escape_meaning(raw[i + 1])) {
        view.emit(meaning, i, i + 2);
        i += 2;
        continue;
      }
    } else if (raw[i] == '%' && hex_at(raw, i + 1, 2, value)) {
      view.emit(static_cast<char>(value), i, i + 3);
      i += 3;
      continue;
    }
    view.emit(raw[i], i, i + 1);
    ++i;
  }
  return view;
}

std::string url_safe(std::string b64) {
  for (auto& c : b64) c = c == '+' ? '-' : c == '/' ? '_' : c;
  return b64;
}

}  // namespace

void Redactor::add_form(std::string form) {
  if (form.size() < kMinSecret || std::find(forms_.begin(), forms_.end(), form) != forms_.end()) return;
  forms_.push_back(std::move(form));
}

void Redactor::add_secret(std::string_view secret) {
  if (secret.size() < kMinSecret) return;
  add_form(std::string(secret));
  // Inside a longer base64 string (e.g. Basic auth's "user:key") the key's bytes fall at any of
  // three alignments; the base64 groups made only of key bytes appear verbatim.
  for (std::size_t shift = 0; shift <= 2; ++shift) {
    std::string encoded = base64_encode(std::string(shift, '\0') + std::string(secret));
    std::size_t start = shift == 0 ? 0 : 4;
    std::size_t end = 4 * ((shift + secret.size()) / 3);
    if (end <= start) continue;
    std::string core = encoded.substr(start, end - start);
    add_form(url_safe(core));
    add_form(std::move(core));
  }
  // Rebuilt whole: the window may shrink for a short secret.
  window_ = kMinPiece;
  for (const auto& f : forms_) window_ = std::min(window_, f.size());
  pieces_.clear();
  filter_.assign((std::size_t{1} << kFilterBits) / 64, 0);
  for (std::uint32_t f = 0; f < forms_.size(); ++f) {
    const std::string& form = forms_[f];
    for (std::uint32_t at = 0; at + window_ <= form.size(); ++at) {
      const std::uint64_t h = hash_of(std::string_view(form).substr(at, window_));
      pieces_.emplace(h, std::make_pair(f, at));
      const std::uint64_t b = bucket_of(h);
      filter_[b / 64] |= std::uint64_t{1} << (b % 64);
    }
  }
}

std::vector<Redactor::Range> Redactor::find_plain(std::string_view text) const {
  std::vector<Range> found;
  const std::size_t w = window_;
  if (forms_.empty() || text.size() < w) return found;
  std::uint64_t top = 1;  // kBase^(w-1): the weight of the byte leaving the window
  for (std::size_t k = 1; k < w; ++k) top *= kBase;
  std::uint64_t h = hash_of(text.substr(0, w));
  std::size_t covered = 0;  // text before this is inside a range already found
  for (std::size_t i = 0;; ++i) {
    const std::uint64_t b = bucket_of(h);
    if (i >= covered && (filter_[b / 64] >> (b % 64) & 1)) {
      Range best{0, 0};
      auto [it, last] = pieces_.equal_range(h);
      for (; it != last; ++it) {
        const std::string& form = forms_[it->second.first];
        std::size_t at = it->second.second;
        if (std::memcmp(text.data() + i, form.data() + at, w) != 0) continue;
        std::size_t begin = i, form_begin = at, end = i + w, form_end = at + w;
        while (begin > 0 && form_begin > 0 && text[begin - 1] == form[form_begin - 1]) --begin, --form_begin;
        while (end < text.size() && form_end < form.size() && text[end] == form[form_end]) ++end, ++form_end;
        if (end - begin >= std::min(kMinPiece, form.size()) && end - begin > best.end - best.begin) best = {begin, end};
      }
      if (best.end > best.begin) {
        found.push_back(best);
        covered = best.end;
      }
    }
    if (i + w >= text.size()) break;
    h = (h - static_cast<unsigned char>(text[i]) * top) * kBase + static_cast<unsigned char>(text[i + w]);
  }
  return found;
}

std::vector<Redactor::Range> Redactor::find(std::string_view text) const {
  std::vector<Range> found;
  if (text.find_first_of("\\%") == std::string_view::npos) {
    found = find_plain(text);
  } else {
    // Escapes may hide a secret: search the decoded text and map each piece back to raw bytes.
    // Raw text is searched too, for a secret that itself holds '%' or '\'.
    found = find_plain(text);
    DecodedView view = decode(text);
    for (const Range& r : find_plain(view.text)) found.push_back(Range{view.from[r.begin], view.to[r.end - 1]});
    std::sort(found.begin(), found.end(), [](const Range& a, const Range& b) { return a.begin < b.begin; });
  }
  std::vector<Range> merged;
  for (const Range& r : found) {
    if (!merged.empty() && r.begin <= merged.back().end) merged.back().end = std::max(merged.back().end, r.end);
    else merged.push_back(r);
  }
  return merged;
}

std::string Redactor::apply(std::string_view text) const {
  std::string out(text);
  apply_in_place(out);
  return out;
}

void Redactor::apply_in_place(std::string& text) const {
  if (forms_.empty()) return;
  const std::vector<Range> ranges = find(text);
  if (ranges.empty()) return;
  std::string out;
  out.reserve(text.size());
  std::size_t at = 0;
  for (const Range& r : ranges) {
    out.append(text, at, r.begin - at);
    out += kMark;
    at = r.end;
  }
  out.append(text, at, std::string::npos);
  text = std::move(out);
}

}  // namespace ac
