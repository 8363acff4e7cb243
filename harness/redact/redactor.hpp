#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace ac {

// Replaces secrets in a text by "[REDACTED]" (docs/secrets.md).
//
// A leak is any piece of a secret of kMinPiece characters or more (the whole secret when it is
// shorter), wherever it stands, not only the whole secret: a value cut to an excerpt before it
// reaches an output, or a key a server split across two stream events, then shows no usable part.
// The search looks through the encodings a secret travels in: JSON escapes (\u0073, \/, \\) and
// URL percent-encoding (%2D), in any mix, by matching against a decoded view of the text; and
// base64 (standard and URL-safe) at each of the three byte alignments, as inside Basic auth's
// base64("user:" + key).
class Redactor {
 public:
  static constexpr std::size_t kMinPiece = 12;
  static constexpr std::size_t kMinSecret = 6;  // shorter values would redact ordinary words
  static constexpr std::string_view kMark = "[REDACTED]";

  void add_secret(std::string_view secret);
  std::string apply(std::string_view text) const;
  // The same, changing `text` only where a secret is found: no copy of the many texts that hold
  // none (every header and body of every reply is checked).
  void apply_in_place(std::string& text) const;
  bool empty() const { return forms_.empty(); }

  struct Range {
    std::size_t begin, end;
  };
  // Byte ranges of `text` that hold a piece of a secret, sorted and merged.
  std::vector<Range> find(std::string_view text) const;

 private:
  std::vector<Range> find_plain(std::string_view text) const;
  void add_form(std::string form);

  std::vector<std::string> forms_;  // the texts searched for: each secret, its base64 cores
  std::size_t window_ = kMinPiece;  // length of the pieces indexed (the shortest form's, if shorter)
  // Every piece of `window_` bytes of every form, by rolling hash: (form, offset).
  std::unordered_multimap<std::uint64_t, std::pair<std::uint32_t, std::uint32_t>> pieces_;
  std::vector<std::uint64_t> filter_;  // one bit per hash bucket: most bytes of a text stop here
};

}  // namespace ac
