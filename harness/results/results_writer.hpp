#pragma once
#include <cstdio>
#include <string>

#include "results/results_file.hpp"

namespace ac {

// Writes results.json as results arrive, so memory does not grow with the run (docs/results-format.md).
class ResultsWriter {
 public:
  ResultsWriter() = default;
  ~ResultsWriter();
  ResultsWriter(const ResultsWriter&) = delete;
  ResultsWriter& operator=(const ResultsWriter&) = delete;

  bool open(const std::string& path, const RunInfo& run, std::string& error);
  void add(const Result& result);
  void close(const Summary& summary, const std::string& finished_at);

 private:
  std::FILE* file_ = nullptr;
  bool first_ = true;
};

}  // namespace ac
