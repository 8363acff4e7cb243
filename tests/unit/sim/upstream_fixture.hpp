#pragma once
#include <memory>
#include <string>

#include <gtest/gtest.h>

#include "sim/upstream.hpp"
#include "sim_client.hpp"
#include "support/run_binary.hpp"

namespace ac::sim::test {

// One upstream simulator of a dialect per test suite, on a free port.
template <const char* Dialect>
class UpstreamTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    UpstreamOptions options;
    options.dialect = Dialect;
    upstream_ = std::make_unique<Upstream>(options);
    port_ = ac::test::free_port();
    std::string error;
    ASSERT_TRUE(upstream_->start("127.0.0.1", port_, error)) << error;
  }
  static void TearDownTestSuite() { upstream_.reset(); }

  // Announces `marker` with `script` and posts `body` (its last user text carrying the marker).
  static RawResponse send(const std::string& path, const std::string& body, const HeaderList& headers,
                          int idle_timeout_ms = 5000) {
    return raw_request(port_, "POST", path, headers, body, idle_timeout_ms);
  }

  static std::unique_ptr<Upstream> upstream_;
  static int port_;
};

template <const char* D>
std::unique_ptr<Upstream> UpstreamTest<D>::upstream_;
template <const char* D>
int UpstreamTest<D>::port_ = 0;

}  // namespace ac::sim::test
