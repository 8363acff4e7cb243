#pragma once
#include <chrono>
#include <iosfwd>
#include <set>
#include <string>

#include "cli/console.hpp"

namespace ac {

// What the person running `apiconform proxy` sees while the client works: on a terminal one line,
// redrawn as exchanges complete ("12 exchanges: 9 pass, 2 fail, 1 error | 4 deviations, 1 of them
// client-side | last #12 ..."); without one, a line per exchange. At the end, the failures grouped
// by deviation and the summary, as `run` shows them (cli/console.hpp). A live output of the
// session (results/run_sink.hpp).
class ProxyConsole final : public RunSink {
 public:
  ProxyConsole(std::ostream& out, ConsoleOptions options);

  void on_result(const Result& result) override;
  void note(const std::string& text) { console_.note(text); }
  // The live line is left behind; then the run's end (deviations, errors, summary).
  void end(const std::vector<ProviderRun>& providers, const Summary& summary, const std::string& report_hint,
           const std::vector<Deviation>& deviations);

  std::size_t exchanges() const { return exchanges_; }

 private:
  std::string counts() const;

  std::ostream& out_;
  ConsoleOptions options_;
  Console console_;  // keeps the failures for the end
  std::size_t exchanges_ = 0;
  Summary running_;
  std::set<std::string> deviations_;   // failing finding codes seen
  std::set<std::string> client_side_;  // of those, the request's (the client's fault)
  std::chrono::steady_clock::time_point last_drawn_;
};

}  // namespace ac
