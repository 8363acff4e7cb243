#include "cli/format_list.hpp"

#include <algorithm>

#include "util/suggest.hpp"
#include "report/report.hpp"
#include "util/join.hpp"
#include "util/trim.hpp"

namespace ac {

std::vector<std::string> format_names() {
  std::vector<std::string> names;
  for (const auto& f : report_formats()) names.push_back(f.name);
  names.push_back("json");
  return names;
}

std::string format_names_text() {
  return join(format_names(), ", ");
}

bool parse_formats(const std::vector<std::string>& items, std::vector<std::string>& out,
                   std::vector<std::string>& errors) {
  for (const auto& item : items) {
    std::size_t start = 0;
    while (start <= item.size()) {
      std::size_t comma = item.find(',', start);
      std::string name(trim(std::string_view(item).substr(start, comma == std::string::npos ? std::string::npos : comma - start), " \t\r\n"));
      start = comma == std::string::npos ? item.size() + 1 : comma + 1;
      if (name.empty()) continue;
      const ReportFormat* format = find_report_format(name);
      std::string canonical = format ? format->name : name == "json" ? "json" : "";
      if (canonical.empty()) {
        errors.push_back("unknown report format `" + name + "` in --format \"" + item + "\": " +
                         did_you_mean(name, format_names()) + " (see `apiconform list formats`)");
        continue;
      }
      if (std::find(out.begin(), out.end(), canonical) == out.end()) out.push_back(canonical);
    }
  }
  return errors.empty();
}

}  // namespace ac
