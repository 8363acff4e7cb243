#include "cli/proxy_console.hpp"

#include <cstdio>
#include <ostream>

#include "redact/terminal_text.hpp"
#include "util/utf8.hpp"

namespace ac {

namespace {
ConsoleOptions collecting(ConsoleOptions options) {
  options.progress = false;  // the live line is ours
  return options;
}

std::string seconds_text(double ms) {
  char text[32];
  std::snprintf(text, sizeof text, "%.1f s", ms / 1000);
  return text;
}

// "#12 POST /v1/messages · claude-sonnet-4-5 -> 200 in 1.4 s: fail (stream.event_order, +2)"
std::string exchange_line(const Result& r) {
  std::string line = r.case_id + " -> " + (r.exchange.status ? std::to_string(r.exchange.status) : "no reply") +
                     " in " + seconds_text(r.exchange.timings.total_ms) + ": " + to_string(r.verdict);
  std::string first;
  std::size_t failing = 0;
  for (const auto& f : r.findings) {
    if (f.severity == Severity::Warning) continue;
    if (failing++ == 0) first = f.code.empty() ? f.check : f.code;
  }
  if (failing > 0) line += " (" + first + (failing > 1 ? ", +" + std::to_string(failing - 1) : "") + ")";
  if (r.verdict == Verdict::Error && !r.reason.empty()) line += " (" + r.reason + ")";
  return visible_controls(line);  // the model and the codes come from the client and the target
}
}  // namespace

ProxyConsole::ProxyConsole(std::ostream& out, ConsoleOptions options)
    : out_(out), options_(options), console_(out, collecting(options)) {
  console_.begin(0);
}

std::string ProxyConsole::counts() const {
  std::string text = std::to_string(exchanges_) + (exchanges_ == 1 ? " exchange: " : " exchanges: ") +
                     std::to_string(running_.pass) + " pass, " + std::to_string(running_.fail) + " fail, " +
                     std::to_string(running_.error) + " error | " + std::to_string(deviations_.size()) +
                     (deviations_.size() == 1 ? " deviation" : " deviations");
  if (!client_side_.empty()) text += ", " + std::to_string(client_side_.size()) + " of them client-side";
  return text;
}

void ProxyConsole::on_result(const Result& result) {
  ++exchanges_;
  running_.add(result.verdict);
  if (result.verdict == Verdict::Fail || result.verdict == Verdict::Known)
    for (const auto& f : result.findings) {
      if (f.severity == Severity::Warning || f.code.empty()) continue;
      deviations_.insert(f.code);
      if (f.check == "request") client_side_.insert(f.code);
    }
  console_.on_result(result);
  if (!options_.tty) {
    out_ << exchange_line(result) << "  [" << counts() << "]\n" << std::flush;
    return;
  }
  // Redrawn at most 10 times a second: a busy agent completes many exchanges a second.
  const auto now = std::chrono::steady_clock::now();
  if (now - last_drawn_ < std::chrono::milliseconds(100) && result.verdict == Verdict::Pass) return;
  last_drawn_ = now;
  std::string line = counts() + " | last " + exchange_line(result);
  line = cut_utf8(line, 160);  // the " · " between path and model is two bytes of one character
  out_ << "\r\033[K" << line << std::flush;
}

void ProxyConsole::end(const std::vector<ProviderRun>& providers, const Summary& summary,
                       const std::string& report_hint, const std::vector<Deviation>& deviations) {
  if (options_.tty) out_ << "\r\033[K" << counts() << "\n";
  console_.end(providers, summary, report_hint, deviations);
}

}  // namespace ac
