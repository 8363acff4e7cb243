#pragma once
// A simulator serving one provider dialect, for the dialect_*_test.cpp files.
#include <memory>
#include <string>

#include <gtest/gtest.h>

#include "sim/simulator.hpp"
#include "sim_client.hpp"

namespace ac::sim::test {

inline std::unique_ptr<Simulator> start_dialect(const std::string& dialect, int& port) {
  SimOptions options;
  options.dialect = dialect;
  auto sim = std::make_unique<Simulator>(options);
  std::string error;
  port = sim->start(0, error);
  EXPECT_GT(port, 0) << error;
  return sim;
}

inline HeaderList bearer_headers(const std::string& key = "sim-test-key") {
  return {{"authorization", "Bearer " + key}, {"anthropic-version", "2023-06-01"},
          {"content-type", "application/json"}};
}

inline HeaderList without(HeaderList headers, const std::string& name) {
  HeaderList out;
  for (auto& header : headers) if (header.first != name) out.push_back(header);
  return out;
}

inline HeaderList with(HeaderList headers, const std::string& name, const std::string& value) {
  headers.emplace_back(name, value);
  return headers;
}

inline std::string request_body(const std::string& model, const std::string& extra = "",
                                const std::string& text = "Hello there") {
  std::string body = "{\"model\":\"" + model + "\",\"messages\":[{\"role\":\"user\",\"content\":\"" +
                     text + "\"}]";
  if (!extra.empty()) body += "," + extra;
  return body + "}";
}

}  // namespace ac::sim::test
