#pragma once
#include <chrono>
#include <string>
#include <thread>

#include "results/results_reader.hpp"
#include "support/run_binary.hpp"

namespace ac::test {

// A one-case suite in a temp dir, aimed at whatever server the test starts.
inline const char* kBasicCase = R"(id: probe.basic
title: a basic message
feature: messages.basic
request:
  endpoint: messages
  json:
    model: "{{model}}"
    max_tokens: 32
    messages: [{role: user, content: "hi"}]
expect:
  status: 200
  headers:
    content-type: {matches: "^application/json"}
  json:
    /type: message
    /role: assistant
    /id: {matches: "^msg_"}
    /usage/output_tokens: {type: integer, range: {min: 1}}
)";

// Polls (no timed assertion: the deadline only ends a test that would otherwise hang).
template <typename Condition>
bool eventually(Condition condition) {
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  while (!condition()) {
    if (std::chrono::steady_clock::now() > deadline) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return true;
}

inline ResultsFile read_results_or_fail(const std::string& path) {
  ResultsFile file;
  std::string error;
  if (!read_results(path, file, error)) ADD_FAILURE() << "cannot read " << path << ": " << error;
  return file;
}

inline const Result* find_result(const ResultsFile& file, const std::string& case_id) {
  for (const auto& r : file.results)
    if (r.case_id == case_id) return &r;
  return nullptr;
}

}  // namespace ac::test
