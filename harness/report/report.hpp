#pragma once
#include <string>
#include <vector>

#include "results/results_file.hpp"

namespace ac {

// One output format of `apiconform report` / `run --format` (docs/reports.md).
struct ReportFormat {
  std::string name;          // what --format takes: html, md, junit, console
  std::string file_name;     // default file name in the output directory
  std::string description;
};

// Every format, in the order `--help` lists them.
const std::vector<ReportFormat>& report_formats();

// Finds a format by name or alias ("markdown" = md, "xml" = junit, "text" = console); null if unknown.
const ReportFormat* find_report_format(const std::string& name);

// Renders one format to a string from the results alone. Returns false (and sets `error` to a
// sentence naming the formats) for an unknown format.
bool render_report(const std::string& format, const ResultsFile& results, std::string& out, std::string& error);

// Renders and writes `out_path`; false with a located sentence when the format is unknown or
// the file cannot be written.
bool write_report(const std::string& format, const ResultsFile& results, const std::string& out_path,
                  std::string& error);

// The renderers, one source file each.
std::string render_html(const ResultsFile& results);        // report/html.cpp
std::string render_markdown(const ResultsFile& results);    // report/markdown.cpp
std::string render_junit(const ResultsFile& results);       // report/junit.cpp
// report/console_matrix.cpp: the matrix as a table for the end of a run. `color` adds ANSI
// colours; the CLI passes false for NO_COLOR or a non-terminal.
std::string render_console_matrix(const ResultsFile& results, bool color);

}  // namespace ac
