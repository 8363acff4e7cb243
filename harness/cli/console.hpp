#pragma once
#include <chrono>
#include <functional>
#include <iosfwd>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "model/result.hpp"
#include "results/results_file.hpp"
#include "results/run_sink.hpp"

namespace ac {

struct ConsoleOptions {
  bool tty = false;        // live progress line (rewritten in place) instead of plain lines
  bool color = false;      // off with NO_COLOR or when not a terminal
  std::size_t max_failures_shown = 20;
  // false: begin() and on_result() print nothing, they keep what end() shows, for a caller with a live line of its own
  // (`proxy`, whose results have no planned total).
  bool progress = true;
  // What the first line says is coming: "running 3 jobs" for a run, "judging 8 recorded
  // exchanges" for a replay (which sends nothing).
  std::string start_verb = "running";
  std::string item = "job";  // singular; an "s" is added for any other count
};

// Colour on this process's stdout: it is a terminal and NO_COLOR is unset or empty (no-color.org).
bool stdout_wants_color();

// A console on stdout: a live line where stdout is a terminal and `progress` is wanted, colour as
// stdout_wants_color() says.
ConsoleOptions stdout_console_options(bool progress);

// What the person at the terminal sees: progress while the run goes, then the summary and
// every failure with what to do about it. Its live part is a RunSink (results/run_sink.hpp):
// on_start begins the progress, on_result shows each result; end() and spent() follow the
// reports, which they name.
class Console final : public RunSink {
 public:
  Console(std::ostream& out, ConsoleOptions options);

  // `total` results will come; the first `not_sent` of them were decided without sending
  // (skipped, unsupported, a provider whose preflight failed: the executor emits those first).
  // They are not work done: the progress counts, rate and ETA are of the requests sent.
  void begin(std::size_t total, std::size_t not_sent = 0);
  void on_start(const RunStart& start) override { begin(start.total, start.not_sent); }
  // Requests (or multi-step cases) under way now, shown on the progress line.
  void set_in_flight(std::size_t in_flight) { in_flight_ = in_flight; }
  // Where on_result reads the requests under way (the transport's count), before it shows a result.
  void count_in_flight(std::function<std::size_t()> in_flight) { in_flight_source_ = std::move(in_flight); }
  // A provider's preflight failed: its diagnosis is shown once, now and in the summary, instead
  // of once per case (its cases are errors that carry the same diagnosis).
  void setup_failed(const std::string& provider, const std::string& diagnosis);
  void on_result(const Result& result) override;
  // A line about the run itself (a provider's pace changed, it paused), shown as it happens.
  void note(const std::string& text);
  // The failures, one block per deviation (its cases listed, one example, one curl line), the
  // errors per case, then the summary; `report_hint` names where the full report is.
  void end(const std::vector<ProviderRun>& providers, const Summary& summary, const std::string& report_hint,
           const std::vector<Deviation>& deviations);
  // What the run spent per provider, the batches it canceled, those it could not, and whether
  // the token budget stopped it.
  void spent(const RunCost& cost, const std::vector<std::string>& left_running);

 private:
  std::string paint(const std::string& text, const char* code) const;
  void progress_line(const Result& result);
  std::string counts() const;      // "[  12/168] 10 pass, 1 fail, 1 error, 7 not sent"
  std::string pace_text() const;   // "3 s, 3.7/s, 8 in flight, ETA 42 s"
  void print_problem(const Result& result, const std::string& message);
  void print_deviation(const Deviation& d);

  std::ostream& out_;
  ConsoleOptions options_;
  std::size_t total_ = 0;
  std::size_t done_ = 0;
  std::size_t not_sent_ = 0;  // of total_: decided without sending, emitted first
  std::size_t in_flight_ = 0;
  std::function<std::size_t()> in_flight_source_;
  Summary running_;
  std::vector<Result> problems_;  // errors kept for the end (without bodies); failures are grouped
  std::vector<std::string> error_messages_;  // per kept problem: the reply's error message when
                                             // its status was unexpected, else empty
  // (provider, case) -> the reply's error message of a failure under an unexpected status, shown
  // under the deviation whose example the case is; bounded like problems_.
  std::map<std::pair<std::string, std::string>, std::string> failure_messages_;
  std::size_t problem_count_ = 0;
  std::set<std::string> setup_failed_;  // providers whose preflight failed
  std::chrono::steady_clock::time_point started_;
  std::chrono::steady_clock::time_point last_plain_line_;
  std::chrono::steady_clock::time_point last_drawn_;  // the terminal's progress line
};

}  // namespace ac
