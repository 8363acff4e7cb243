#include "results/results_writer.hpp"

#include <cerrno>
#include <cstring>

#include "results/results_json.hpp"

#ifndef APICONFORM_VERSION
#define APICONFORM_VERSION "0.1.0"
#endif

namespace ac {

namespace {
constexpr std::size_t kBufferBytes = 1 << 20;
}  // namespace

ResultsWriter::~ResultsWriter() {
  // A writer dropped without close() (a crash path, an exception) still leaves its results on
  // disk; the file is then truncated JSON, which read_results reports as an interrupted run.
  if (file_) std::fclose(file_);
}

bool ResultsWriter::open(const std::string& path, const RunInfo& run, std::string& error) {
  if (file_) std::fclose(file_);
  path_ = path;
  first_ = true;
  error_.clear();
  file_ = std::fopen(path.c_str(), "wb");
  if (!file_) {
    error = path + ": cannot write results: " + std::strerror(errno);
    return false;
  }
  std::setvbuf(file_, nullptr, _IOFBF, kBufferBytes);
  const std::string version = tool_version_.empty() ? APICONFORM_VERSION : tool_version_;
  write("{\"format\":1,\n\"tool\":" + tool_json(version) + ",\n\"run\":" + run_json(run) + ",\n\"results\":[");
  if (failed()) {
    error = error_;
    return false;
  }
  return true;
}

void ResultsWriter::add(const Result& result) {
  if (!file_) return;
  write(first_ ? "\n" : ",\n");
  write(result_json(result));
  first_ = false;
}

void ResultsWriter::close(const Summary& summary, const std::string& finished_at,
                          const std::vector<Deviation>& deviations) {
  if (!file_) return;
  write("\n],\n\"deviations\":" + deviations_json(deviations) + ",\n\"summary\":" + summary_json(summary) + ",\n\"finished_at\":" + json_string(finished_at) + "}\n");
  if (std::fclose(file_) != 0 && error_.empty()) error_ = path_ + ": cannot finish results: " + std::strerror(errno);
  file_ = nullptr;
}

void ResultsWriter::write(std::string_view text) {
  if (!file_ || !error_.empty()) return;
  if (std::fwrite(text.data(), 1, text.size(), file_) != text.size()) {
    error_ = path_ + ": cannot write results: " + std::strerror(errno);
  }
}

}  // namespace ac
