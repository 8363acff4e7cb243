#include <string_view>

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

#include "check/check_input.hpp"

namespace ac {

std::string bounds_text(const std::optional<std::int64_t>& min, const std::optional<std::int64_t>& max) {
  if (min && max) return *min == *max ? std::to_string(*min) : std::to_string(*min) + " to " + std::to_string(*max);
  return min ? "at least " + std::to_string(*min) : "at most " + std::to_string(*max);
}

// `expect.lines`: a JSON Lines body (batch results). Lines are numbered as an editor shows them
// (1-based, blank lines included), and each finding's pointer starts with /lines/<number>.
void check_lines(const CheckInput& in, Findings& out) {
  if (!in.expect.lines || in.other_kind) return;
  const LinesExpectation& l = *in.expect.lines;
  const std::string& body = in.exchange.body;
  if (in.exchange.body_truncated) {
    out.push_back(Finding{"lines", "", "the whole body", std::to_string(in.exchange.body_size) + " bytes",
                          "the JSON Lines body was cut at the size limit, so its lines cannot all be judged",
                          Severity::Breaking});
    return;
  }
  std::int64_t count = 0;
  std::size_t number = 0;
  for (std::size_t start = 0; start < body.size();) {
    std::size_t end = body.find('\n', start);
    if (end == std::string::npos) end = body.size();
    std::string_view line(body.data() + start, end - start);  // parsed in place, not copied
    start = end + 1;
    ++number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.find_first_not_of(" \t") == std::string_view::npos) continue;
    ++count;
    const std::string at = "/lines/" + std::to_string(number);
    rapidjson::Document doc;
    doc.Parse(line.data(), line.size());
    if (doc.HasParseError()) {
      out.push_back(Finding{"lines", at, "one JSON value per line", std::string(line.substr(0, 120)),
                            "line " + std::to_string(number) + " is not JSON: " +
                                rapidjson::GetParseError_En(doc.GetParseError()) + " at byte " +
                                std::to_string(doc.GetErrorOffset()),
                            Severity::Breaking});
      continue;
    }
    if (l.schema.empty()) continue;
    Findings line_findings;
    validate_against_schema(in.schemas, l.schema, doc, "lines", at, in.strict, line_findings);
    for (auto& f : line_findings) f.message = "line " + std::to_string(number) + ": " + f.message;
    out.insert(out.end(), line_findings.begin(), line_findings.end());
  }
  if ((l.min_count && count < *l.min_count) || (l.max_count && count > *l.max_count)) {
    const std::string bounds = bounds_text(l.min_count, l.max_count);
    out.push_back(Finding{"lines", "", bounds + " lines", std::to_string(count),
                          "the body holds " + std::to_string(count) + " JSON lines, expected " + bounds,
                          Severity::Breaking});
  }
}

}  // namespace ac
