#pragma once
#include <memory>
#include <string>

#include <gtest/gtest.h>

#include "sim/simulator.hpp"
#include "sim_client.hpp"

namespace ac::sim::test {

// One reference simulator per test suite (starting one per test would make the suite slow).
class SimTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    sim_ = std::make_unique<Simulator>(SimOptions{});
    std::string error;
    port_ = sim_->start(0, error);
    ASSERT_GT(port_, 0) << error;
  }
  static void TearDownTestSuite() { sim_.reset(); }

  static RawResponse post(const std::string& path, const std::string& body,
                          HeaderList headers = api_headers(), int idle_timeout_ms = 5000) {
    return raw_request(port_, "POST", path, headers, body, idle_timeout_ms);
  }
  static RawResponse get(const std::string& path, HeaderList headers = api_headers()) {
    return raw_request(port_, "GET", path, headers, "");
  }
  static RawResponse http_delete(const std::string& batch_id) {
    return raw_request(port_, "DELETE", "/v1/messages/batches/" + batch_id, api_headers(), "");
  }
  // POST /v1/messages with extra steering headers.
  static RawResponse messages(const std::string& body, const HeaderList& extra = {},
                              int idle_timeout_ms = 5000) {
    HeaderList headers = api_headers();
    headers.insert(headers.end(), extra.begin(), extra.end());
    return post("/v1/messages", body, headers, idle_timeout_ms);
  }

  static std::unique_ptr<Simulator> sim_;
  static int port_;
};

inline std::unique_ptr<Simulator> SimTest::sim_;
inline int SimTest::port_ = 0;

// A minimal valid request body with `extra` members appended (`"k":v,...` without braces).
inline std::string body_with(const std::string& extra, const std::string& text = "Hello there") {
  std::string body = "{\"model\":\"claude-sonnet-4-5-20250929\",\"max_tokens\":100,"
                     "\"messages\":[{\"role\":\"user\",\"content\":\"" + text + "\"}]";
  if (!extra.empty()) body += "," + extra;
  return body + "}";
}

}  // namespace ac::sim::test
