#pragma once
#include <cstdio>
#include <string>
#include <string_view>

#include "results/results_file.hpp"

namespace ac {

// Writes results.json as results arrive, so memory does not grow with the run (docs/results-format.md).
// Each add() appends one result to a 1 MiB stdio buffer; nothing is flushed until the buffer
// fills or close() runs (with the default 4 KiB, a benchmark run spent 4% of its time in
// write()). A write error is remembered: check failed()/error() after close().
class ResultsWriter {
 public:
  ResultsWriter() = default;
  ~ResultsWriter();
  ResultsWriter(const ResultsWriter&) = delete;
  ResultsWriter& operator=(const ResultsWriter&) = delete;

  bool open(const std::string& path, const RunInfo& run, std::string& error);
  void add(const Result& result);
  // Ends the file: the deviations found over the whole run (results/deviations.hpp), the summary.
  void close(const Summary& summary, const std::string& finished_at, const std::vector<Deviation>& deviations);

  // Added: the version written in "tool" (set before open(); defaults to the project version).
  void set_tool_version(const std::string& version) { tool_version_ = version; }
  bool is_open() const { return file_ != nullptr; }
  bool failed() const { return !error_.empty(); }
  const std::string& error() const { return error_; }  // "<path>: <reason>" of the first write error

 private:
  void write(std::string_view text);

  std::FILE* file_ = nullptr;
  bool first_ = true;
  std::string path_;
  std::string tool_version_;
  std::string error_;
};

}  // namespace ac
