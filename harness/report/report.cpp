#include "report/report.hpp"

#include "redact/output_file.hpp"
#include "util/join.hpp"

namespace ac {

const std::vector<ReportFormat>& report_formats() {
  static const std::vector<ReportFormat> formats = {
      {"html", "report.html", "one self-contained page: matrix, scores, drill-down, latency chart"},
      {"md", "report.md", "the matrix and the failures, short enough for a pull-request comment"},
      {"junit", "junit.xml", "JUnit XML: a testsuite per provider, a testcase per case"},
      {"console", "matrix.txt", "the console matrix as plain text"},
  };
  return formats;
}

const ReportFormat* find_report_format(const std::string& name) {
  std::string canonical = name;
  if (name == "markdown") canonical = "md";
  if (name == "xml") canonical = "junit";
  if (name == "text" || name == "txt") canonical = "console";
  for (const auto& f : report_formats()) {
    if (f.name == canonical) return &f;
  }
  return nullptr;
}

bool render_report(const std::string& format, const ResultsFile& results, std::string& out, std::string& error) {
  const ReportFormat* f = find_report_format(format);
  if (!f) {
    error = "unknown report format \"" + format + "\" (formats: " +
            join(report_formats(), ", ", [](const ReportFormat& f) { return f.name; }) + ")";
    return false;
  }
  if (f->name == "html") out = render_html(results);
  else if (f->name == "md") out = render_markdown(results);
  else if (f->name == "junit") out = render_junit(results);
  else out = render_console_matrix(results, false);
  return true;
}

bool write_report(const std::string& format, const ResultsFile& results, const std::string& out_path,
                  std::string& error) {
  std::string text;
  if (!render_report(format, results, text, error)) return false;
  return write_output_file(out_path, format + " report", text, error);
}

}  // namespace ac
