#include "util/suggest.hpp"
#include "util/join.hpp"

#include <algorithm>
#include <cctype>

namespace ac {

namespace {
std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}
}  // namespace

std::size_t edit_distance(const std::string& a, const std::string& b) {
  // Optimal string alignment distance: typos are mostly one swap, one slip or one missing key.
  const std::size_t n = a.size(), m = b.size();
  std::vector<std::vector<std::size_t>> d(n + 1, std::vector<std::size_t>(m + 1));
  for (std::size_t i = 0; i <= n; ++i) d[i][0] = i;
  for (std::size_t j = 0; j <= m; ++j) d[0][j] = j;
  for (std::size_t i = 1; i <= n; ++i) {
    for (std::size_t j = 1; j <= m; ++j) {
      const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[n][m];
}

std::string list_choices(const std::vector<std::string>& choices) {
  return join(choices, ", ", [](const std::string& c) { return "`" + c + "`"; });
}

std::string did_you_mean(const std::string& word, const std::vector<std::string>& choices) {
  // Long garbage keys would make the table big for nothing; nobody mistypes 200 characters.
  if (word.size() <= 64) {
    const std::string w = lower(word);
    // A third of the word may be wrong (at least one letter, at most three); a word that is the
    // start of a choice (or the reverse, `total` for `total_s`) is close too.
    const std::size_t allowed = std::min<std::size_t>(3, std::max<std::size_t>(1, w.size() / 3));
    const std::string* best = nullptr;
    std::size_t best_distance = 0;
    for (const auto& c : choices) {
      const std::string lc = lower(c);
      const std::size_t dist = edit_distance(w, lc);
      const bool prefix = std::min(w.size(), lc.size()) >= 3 &&
                          (lc.compare(0, w.size(), w) == 0 || w.compare(0, lc.size(), lc) == 0);
      if ((dist <= allowed || prefix) && (!best || dist < best_distance)) {
        best = &c;
        best_distance = dist;
      }
    }
    if (best) return "did you mean `" + *best + "`?";
  }
  return "expected one of: " + list_choices(choices);
}

}  // namespace ac
