#include "report/html_latency.hpp"

#include <algorithm>
#include <vector>

#include "report/escape.hpp"

namespace ac {
namespace {

struct Stats {
  int samples = 0;
  double median = 0, p90 = 0;
};

// Nearest-rank percentiles: exact values that occurred, no interpolation to explain.
Stats stats_of(std::vector<double> values) {
  Stats s;
  s.samples = static_cast<int>(values.size());
  if (values.empty()) return s;
  std::sort(values.begin(), values.end());
  const auto rank = [&](double q) {
    std::size_t k = static_cast<std::size_t>(q * values.size() + 0.999999);
    return values[std::min(values.size(), std::max<std::size_t>(k, 1)) - 1];
  };
  s.median = rank(0.5);
  s.p90 = rank(0.9);
  return s;
}

struct ProviderLatency {
  std::string provider;
  Stats first_byte, first_event;
};

std::vector<ProviderLatency> collect(const ResultsFile& results, const Matrix& m) {
  std::vector<ProviderLatency> out;
  for (const auto& p : m.providers) {
    std::vector<double> byte, event;
    for (const auto& r : results.results) {
      if (r.provider != p || r.exchange.status == 0) continue;
      if (r.exchange.timings.first_byte_ms > 0) byte.push_back(r.exchange.timings.first_byte_ms);
      if (r.exchange.timings.first_event_ms > 0) event.push_back(r.exchange.timings.first_event_ms);
    }
    out.push_back({p, stats_of(byte), stats_of(event)});
  }
  return out;
}

constexpr double kLabelWidth = 170, kChartWidth = 430, kRowHeight = 44, kTop = 28;

std::string bar(double y, const Stats& s, double scale, const char* css, const char* what) {
  if (s.samples == 0) {
    return "<text x=\"" + fixed(kLabelWidth, 0) + "\" y=\"" + fixed(y + 10, 1) + "\" class=\"none\">no " + what +
           " timings</text>\n";
  }
  const double w = std::max(1.0, s.median * scale), whisker = s.p90 * scale;
  std::string out = "<rect class=\"" + std::string(css) + "\" x=\"" + fixed(kLabelWidth, 0) + "\" y=\"" + fixed(y, 1) +
                    "\" width=\"" + fixed(w, 1) + "\" height=\"12\"><title>" + what + ": median " + fixed(s.median, 1) +
                    " ms, p90 " + fixed(s.p90, 1) + " ms, " + std::to_string(s.samples) + " samples</title></rect>\n";
  out += "<line class=\"whisker\" x1=\"" + fixed(kLabelWidth + w, 1) + "\" x2=\"" + fixed(kLabelWidth + whisker, 1) +
         "\" y1=\"" + fixed(y + 6, 1) + "\" y2=\"" + fixed(y + 6, 1) + "\"/>\n";
  out += "<text x=\"" + fixed(kLabelWidth + std::max(w, whisker) + 6, 1) + "\" y=\"" + fixed(y + 10, 1) + "\">" +
         fixed(s.median, 1) + " ms (p90 " + fixed(s.p90, 1) + ")</text>\n";
  return out;
}

}  // namespace

std::string html_latency_chart(const ResultsFile& results, const Matrix& m) {
  const auto rows = collect(results, m);
  double max_ms = 0;
  for (const auto& r : rows) max_ms = std::max({max_ms, r.first_byte.p90, r.first_event.p90});
  if (max_ms <= 0) return "<p class=\"note\">No latency was recorded.</p>\n";
  const double scale = kChartWidth / max_ms;
  const double height = kTop + rows.size() * kRowHeight + 10;
  std::string svg = "<svg class=\"latency\" xmlns=\"http://www.w3.org/2000/svg\" width=\"760\" height=\"" +
                    fixed(height, 0) + "\" viewBox=\"0 0 760 " + fixed(height, 0) +
                    "\" role=\"img\" aria-label=\"Latency per provider: median and 90th percentile\">\n";
  svg += "<rect class=\"byte\" x=\"" + fixed(kLabelWidth, 0) + "\" y=\"4\" width=\"12\" height=\"12\"/><text x=\"" +
         fixed(kLabelWidth + 16, 0) + "\" y=\"14\">first byte</text>\n";
  svg += "<rect class=\"event\" x=\"" + fixed(kLabelWidth + 110, 0) + "\" y=\"4\" width=\"12\" height=\"12\"/><text x=\"" +
         fixed(kLabelWidth + 126, 0) + "\" y=\"14\">first stream event</text>\n";
  svg += "<text x=\"" + fixed(kLabelWidth + 290, 0) + "\" y=\"14\" class=\"none\">bar = median, line = p90; axis 0 - " +
         fixed(max_ms, 1) + " ms</text>\n";
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const double y = kTop + i * kRowHeight;
    svg += "<text x=\"0\" y=\"" + fixed(y + 18, 1) + "\" class=\"label\">" + html_escape(excerpt(rows[i].provider, 40)) +
           "</text>\n";
    if (!m.scores[i].run) {
      svg += "<text x=\"" + fixed(kLabelWidth, 0) + "\" y=\"" + fixed(y + 18, 1) + "\" class=\"none\">not run</text>\n";
      continue;
    }
    svg += bar(y, rows[i].first_byte, scale, "byte", "first byte");
    svg += bar(y + 16, rows[i].first_event, scale, "event", "first event");
  }
  return svg + "</svg>\n";
}

}  // namespace ac
