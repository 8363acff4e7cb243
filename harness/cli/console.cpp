#include "cli/console.hpp"

#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <iomanip>
#include <map>
#include <ostream>
#include <sstream>

#include "check/error_message.hpp"
#include "report/cost_text.hpp"
#include "redact/terminal_text.hpp"
#include "results/steps_text.hpp"
#include "util/join.hpp"

namespace ac {

namespace {
const char* kRed = "31";
const char* kGreen = "32";
const char* kYellow = "33";
const char* kDim = "2";
const char* kBold = "1";

const char* colour_of(Verdict v) {
  switch (v) {
    case Verdict::Pass: return kGreen;
    case Verdict::Fail: return kRed;
    case Verdict::Error: return kYellow;
    default: return kDim;
  }
}

// The error's own message, under a status the case did not expect: "expected HTTP 200, got 400"
// alone does not say what to fix. The body was redacted when the reply was judged.
std::string unexpected_status_message(const Result& r) {
  if (r.exchange.status == 0 || r.exchange.body.empty()) return "";
  for (const auto& f : r.findings)
    if (f.check == "status") return error_message(r.exchange.body);
  return "";
}

// "8 s", "3 min 20 s", "1 h 05 min": how long, as a person reads it at a glance.
std::string duration_text(double seconds) {
  const long s = std::lround(seconds);
  char text[32];
  if (s < 60) std::snprintf(text, sizeof text, "%ld s", s);
  else if (s < 3600) std::snprintf(text, sizeof text, "%ld min %ld s", s / 60, s % 60);
  else std::snprintf(text, sizeof text, "%ld h %02ld min", s / 3600, (s % 3600) / 60);
  return text;
}

std::string upper(const char* text) {
  std::string s(text);
  for (auto& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}
}  // namespace

bool stdout_wants_color() {
  const char* no_color = std::getenv("NO_COLOR");
  return isatty(STDOUT_FILENO) && !(no_color && *no_color);
}

ConsoleOptions stdout_console_options(bool progress) {
  ConsoleOptions c;
  c.tty = isatty(STDOUT_FILENO) && progress;
  c.color = stdout_wants_color();
  return c;
}

Console::Console(std::ostream& out, ConsoleOptions options) : out_(out), options_(options) {}

std::string Console::paint(const std::string& text, const char* code) const {
  if (!options_.color) return text;
  return "\033[" + std::string(code) + "m" + text + "\033[0m";
}

void Console::begin(std::size_t total, std::size_t not_sent) {
  total_ = total;
  not_sent_ = std::min(not_sent, total);
  started_ = last_plain_line_ = std::chrono::steady_clock::now();
  if (options_.progress)
    out_ << options_.start_verb << " " << total << " " << options_.item << (total == 1 ? "" : "s") << "\n";
}

void Console::setup_failed(const std::string& provider, const std::string& diagnosis) {
  setup_failed_.insert(provider);
  out_ << paint("SETUP ERROR", kYellow) << " " << provider << ": " << visible_controls(diagnosis) << "\n";
}

void Console::on_result(const Result& result) {
  if (in_flight_source_) in_flight_ = in_flight_source_();
  ++done_;
  running_.add(result.verdict);
  const bool said = setup_failed_.count(result.provider) > 0;  // once already, not per case
  if (!said && result.verdict == Verdict::Fail && failure_messages_.size() < 1000) {
    std::string message = unexpected_status_message(result);
    if (!message.empty()) failure_messages_[{result.provider, result.case_id}] = std::move(message);
  }
  if (!said && result.verdict == Verdict::Error) {
    ++problem_count_;
    if (problems_.size() < options_.max_failures_shown) {
      Result kept = result;
      error_messages_.push_back(unexpected_status_message(result));
      kept.exchange.body.clear();  // the report has it; the console needs the findings
      kept.exchange.events.clear();
      problems_.push_back(std::move(kept));
    }
  }
  if (options_.progress) progress_line(result);
}

void Console::note(const std::string& text) {
  if (options_.tty) out_ << "\r\033[K";  // the progress line is redrawn by the next result
  out_ << paint(text, kDim) << "\n" << std::flush;
}

std::string Console::counts() const {
  const std::size_t work = total_ - not_sent_;
  const std::size_t decided = std::min(done_, not_sent_);
  std::ostringstream text;
  text << "[" << std::setw(std::to_string(work).size()) << done_ - decided << "/" << work << "] " << running_.pass
       << " pass, " << running_.fail << " fail, " << running_.error << " error";
  if (decided > 0) text << ", " << decided << " not sent";
  return text.str();
}

std::string Console::pace_text() const {
  const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - started_).count();
  const std::size_t sent_done = done_ - std::min(done_, not_sent_);
  const std::size_t left = total_ - not_sent_ - sent_done;
  std::ostringstream text;
  text << duration_text(elapsed);
  const double rate = elapsed > 0 ? static_cast<double>(sent_done) / elapsed : 0;
  if (sent_done > 0) text << ", " << std::fixed << std::setprecision(rate < 10 ? 1 : 0) << rate << "/s";
  text << ", " << in_flight_ << " in flight";
  if (sent_done > 0 && left > 0 && rate > 0) text << ", ETA " << duration_text(static_cast<double>(left) / rate);
  return text.str();
}

void Console::progress_line(const Result& result) {
  if (options_.tty) {
    // Redrawn at most 20 times a second: a line and a flush per result would be a write() per
    // reply, a tenth of the harness's time per request on a fast local endpoint.
    auto now = std::chrono::steady_clock::now();
    if (done_ < total_ && now - last_drawn_ < std::chrono::milliseconds(50)) return;
    last_drawn_ = now;
    std::string line = counts() + " | " + pace_text() + " | " + result.case_id + " @ " + result.provider;
    if (line.size() > 120) line = line.substr(0, 120);
    out_ << "\r\033[K" << line << std::flush;
    if (done_ == total_) out_ << "\r\033[K";
    return;
  }
  // Without a terminal: one line per problem, and a heartbeat every few seconds on long runs.
  if ((result.verdict == Verdict::Fail || result.verdict == Verdict::Error) && !setup_failed_.count(result.provider)) {
    out_ << upper(to_string(result.verdict)) << " " << result.case_id << " @ " << result.provider << "\n";
  }
  auto now = std::chrono::steady_clock::now();
  if (now - last_plain_line_ > std::chrono::seconds(5) && done_ < total_) {
    out_ << counts() << " | " << pace_text() << "\n";
    last_plain_line_ = now;
  }
}

void Console::print_problem(const Result& r, const std::string& message) {
  out_ << "\n" << paint(upper(to_string(r.verdict)), colour_of(r.verdict)) << " " << paint(r.case_id, kBold) << " @ "
       << r.provider << "  (" << r.feature << ")\n";
  if (!r.title.empty()) out_ << "  " << r.title << "\n";
  // What the endpoint controls is shown with its control characters visible, even on a terminal
  // (where the output boundary lets colour sequences through): docs/secrets.md.
  if (!r.reason.empty()) out_ << "  reason: " << visible_controls(r.reason) << "\n";
  for (const auto& f : r.findings) {
    if (f.severity == Severity::Warning) continue;
    out_ << "  - " << f.check;
    if (!f.pointer.empty()) out_ << " " << visible_controls(f.pointer);
    out_ << ": " << visible_controls(f.message);
    if (f.severity == Severity::Cosmetic) out_ << " (cosmetic)";
    out_ << "\n";
    if (!f.expected.empty() || !f.actual.empty())
      out_ << "      expected: " << visible_controls(f.expected) << "\n      actual:   " << visible_controls(f.actual)
           << "\n";
  }
  if (!message.empty()) out_ << "  error message: " << visible_controls(message) << "\n";
  if (!r.exchange.steps.empty())  // every step can be sent again, not only the last one
    out_ << paint("  steps:", kDim) << "\n" << visible_controls(steps_text(r.exchange, "    "));
  else if (!r.exchange.request.curl.empty())
    out_ << paint("  reproduce: ", kDim) << visible_controls(r.exchange.request.curl) << "\n";
}

void Console::spent(const RunCost& cost, const std::vector<std::string>& left_running) {
  for (const auto& p : cost.providers) out_ << "spent at " << visible_controls(p.provider) << ": " << cost_text(p) << "\n";
  for (const auto& line : left_running) out_ << paint("LEFT RUNNING", kYellow) << " " << visible_controls(line) << "\n";
  if (cost.budget_reached)
      out_ << paint("TOKEN BUDGET", kYellow) << ": " << budget_text(cost) << " (verdict not_run)\n";
}

void Console::print_deviation(const Deviation& d) {
  const char* colour = d.severity == Severity::Breaking ? kRed : kYellow;
  out_ << "\n" << paint(upper(to_string(d.severity)), colour) << " " << paint(d.id + " " + visible_controls(d.code), kBold)
       << " @ " << d.provider << "  (" << (d.cases.empty() ? std::string("set-up") : d.owner) << ")\n";
  out_ << "  " << visible_controls(d.title) << "\n";
  if (!d.reason.empty()) out_ << "  why " << to_string(d.severity) << ": " << d.reason << "\n";
  if (d.cases.empty()) return;
  constexpr std::size_t kCasesShown = 8;
  out_ << "  " << d.cases.size() << (d.cases.size() == 1 ? " case" : " cases") << " in " << d.features.size()
       << (d.features.size() == 1 ? " feature" : " features") << (d.declared ? " (declared known)" : "") << ": ";
  out_ << join_first(d.cases, kCasesShown, ", ");
  if (d.cases.size() > kCasesShown) out_ << ", ... and " << (d.cases.size() - kCasesShown) << " more";
  out_ << "\n  e.g. " << d.example.case_id << ": expected " << visible_controls(d.example.expected);
  if (!d.example.actual.empty()) out_ << ", got " << visible_controls(d.example.actual);
  if (!d.example.at.empty()) out_ << "  (" << d.example.at << ")";
  out_ << "\n";
  auto message = failure_messages_.find({d.provider, d.example.case_id});
  if (message != failure_messages_.end() && d.code.rfind("status:", 0) == 0)
    out_ << "  error message: " << visible_controls(message->second) << "\n";
  if (!d.example.curl.empty()) out_ << paint("  reproduce: ", kDim) << visible_controls(d.example.curl) << "\n";
}

void Console::end(const std::vector<ProviderRun>& providers, const Summary& summary, const std::string& report_hint,
                  const std::vector<Deviation>& deviations) {
  std::size_t shown = 0;
  for (const auto& d : deviations) {
    if (setup_failed_.count(d.provider)) continue;  // its diagnosis was said once already
    if (shown++ < options_.max_failures_shown) print_deviation(d);
  }
  if (shown > options_.max_failures_shown)
    out_ << "\n... and " << (shown - options_.max_failures_shown) << " more deviations; see " << report_hint << "\n";
  for (std::size_t i = 0; i < problems_.size(); ++i) print_problem(problems_[i], error_messages_[i]);
  if (problem_count_ > problems_.size())
    out_ << "\n... and " << (problem_count_ - problems_.size()) << " more errors; see " << report_hint << "\n";
  for (const auto& p : providers) {
    if (p.status == "not_run") out_ << "\n" << paint("NOT RUN", kYellow) << " " << p.name << ": " << p.reason << "\n";
    if (p.status == "setup_error")
      out_ << "\n" << paint("SETUP ERROR", kYellow) << " " << p.name << ": " << visible_controls(p.reason) << "\n";
  }
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started_).count();
  out_ << "\n" << summary.total << " results: " << paint(std::to_string(summary.pass) + " pass", kGreen) << ", "
       << paint(std::to_string(summary.fail) + " fail", summary.fail ? kRed : kDim) << ", "
       << paint(std::to_string(summary.error) + " error", summary.error ? kYellow : kDim);
  if (summary.skip) out_ << ", " << summary.skip << " skip";
  if (summary.not_run) out_ << ", " << paint(std::to_string(summary.not_run) + " not run (interrupted)", kYellow);
  if (summary.unsupported) out_ << ", " << summary.unsupported << " unsupported";
  if (summary.known) out_ << ", " << summary.known << " known";
  out_ << std::fixed << std::setprecision(1) << " in " << seconds << " s\n";
  if (!report_hint.empty()) out_ << "results: " << report_hint << "\n";
}

}  // namespace ac
