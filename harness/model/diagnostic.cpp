#include "model/diagnostic.hpp"

#include <fstream>

namespace ac {

namespace {
std::string line_of(const std::string& file, int line) {
  std::ifstream in(file);
  std::string text;
  for (int i = 1; i <= line && std::getline(in, text); ++i) {
    if (i == line) return text;
  }
  return {};
}
}  // namespace

std::string format_diagnostic(const Diagnostic& d) {
  std::string out = d.where.file;
  if (d.where.line > 0) out += ":" + std::to_string(d.where.line);
  if (d.where.column > 0) out += ":" + std::to_string(d.where.column);
  out += ": error: " + d.message + "\n";
  if (d.where.line > 0) {
    std::string src = line_of(d.where.file, d.where.line);
    if (!src.empty()) {
      out += "  " + src + "\n  ";
      for (int i = 1; i < d.where.column && i <= static_cast<int>(src.size()); ++i)
        out += src[i - 1] == '\t' ? '\t' : ' ';
      out += "^\n";
    }
  }
  if (!d.hint.empty()) out += "  hint: " + d.hint + "\n";
  return out;
}

}  // namespace ac
