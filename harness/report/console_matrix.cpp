#include <algorithm>

#include "report/cell_text.hpp"
#include "report/escape.hpp"
#include "report/report.hpp"
#include "util/utf8.hpp"

namespace ac {
namespace {

// Columns are measured in code points: close enough for the names we print, and never splits
// a character.
std::size_t display_width(const std::string& s) {
  std::size_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

// Provider and feature names come from files a user wrote; strip anything a terminal obeys.
// C0 controls, DEL and the C1 controls (U+0080..U+009F, which some terminals also obey) become '?'.
std::string printable(const std::string& s) {
  const std::string clean = valid_utf8(s);
  std::string out;
  for (std::size_t i = 0; i < clean.size(); ++i) {
    const auto c = static_cast<unsigned char>(clean[i]);
    if (c == 0xC2 && i + 1 < clean.size() && static_cast<unsigned char>(clean[i + 1]) < 0xA0) {
      out += '?';
      ++i;
    } else {
      out += (c < 0x20 || c == 0x7F) ? '?' : clean[i];
    }
  }
  return out;
}

const char* colour_of(const Cell& cell) {
  if (cell.cosmetic_only) return "\x1b[33m";
  switch (cell.state) {
    case CellState::Pass:
    case CellState::Except: return "\x1b[32m";
    case CellState::Partial: return "\x1b[33m";
    case CellState::Fail: return "\x1b[31;1m";
    case CellState::Error: return "\x1b[31m";
    case CellState::Known: return "\x1b[35m";
    case CellState::Unsupported:
    case CellState::NotRun: return "\x1b[2m";
  }
  return "";
}

std::string cell_text(const Cell& cell) {
  const std::string count = cell_count(cell);
  return cell_label(cell) + (count.empty() ? "" : " " + count);
}

struct Table {
  std::vector<std::vector<std::string>> rows;  // plain text
  std::vector<std::vector<const char*>> colours;
};

void add_row(Table& t, std::vector<std::string> cells, std::vector<const char*> colours = {}) {
  colours.resize(cells.size(), nullptr);
  t.rows.push_back(std::move(cells));
  t.colours.push_back(std::move(colours));
}

std::string render_table(const Table& t, bool color) {
  std::vector<std::size_t> widths;
  for (const auto& row : t.rows) {
    widths.resize(std::max(widths.size(), row.size()), 0);
    for (std::size_t i = 0; i < row.size(); ++i) widths[i] = std::max(widths[i], display_width(row[i]));
  }
  std::string out;
  for (std::size_t r = 0; r < t.rows.size(); ++r) {
    std::string line;
    for (std::size_t i = 0; i < t.rows[r].size(); ++i) {
      const std::string& text = t.rows[r][i];
      const char* colour = color ? t.colours[r][i] : nullptr;
      line += colour ? std::string(colour) + text + "\x1b[0m" : text;
      if (i + 1 < t.rows[r].size()) line += std::string(widths[i] - display_width(text) + 2, ' ');
    }
    out += line + "\n";
  }
  return out;
}

}  // namespace

std::string render_console_matrix(const ResultsFile& results, bool color) {
  const Matrix m = build_matrix(results);
  if (m.providers.empty()) return "no results\n";
  Table t;
  std::vector<std::string> header{"feature"};
  for (const auto& p : m.providers) header.push_back(printable(p));
  add_row(t, header);
  for (std::size_t f = 0; f < m.features.size(); ++f) {
    std::vector<std::string> row{printable(m.features[f])};
    std::vector<const char*> colours{nullptr};
    for (std::size_t p = 0; p < m.providers.size(); ++p) {
      row.push_back(cell_text(m.cell(f, p)));
      colours.push_back(colour_of(m.cell(f, p)));
    }
    add_row(t, row, colours);
  }
  std::vector<std::string> score{"features usable"}, deviations{"deviations"};
  for (const auto& s : m.scores) {
    score.push_back(score_text(s));
    deviations.push_back(s.run ? deviation_counts_text(s) : "-");
  }
  add_row(t, score);
  add_row(t, deviations);
  if (m.repeat > 1) {
    std::vector<std::string> at{"pass@" + std::to_string(m.repeat)}, hat{"pass^" + std::to_string(m.repeat)};
    for (const auto& s : m.scores) {
      at.push_back(s.applicable ? percent(s.pass_at_k) : "-");
      hat.push_back(s.applicable ? percent(s.pass_hat_k) : "-");
    }
    add_row(t, at);
    add_row(t, hat);
  }
  std::string out = render_table(t, color);
  for (const auto& s : m.scores) {
    if (!s.run) out += printable(s.provider) + ": not run" + (s.reason.empty() ? "" : ": " + printable(s.reason)) + "\n";
  }
  out += "cells: passing/applicable cases; * = every failure is cosmetic (clients keep working); \"pass, except D3\" = "
         "fails only through deviations another feature owns; features usable = with no breaking deviation and no "
         "error (docs/reports.md)\n";
  return out;
}

}  // namespace ac
