#include "util/utc_time.hpp"

#include <gtest/gtest.h>

#include <regex>

namespace ac {
namespace {

TEST(UtcTime, Rfc3339ToTheSecondOrTheMillisecond) {
  EXPECT_TRUE(std::regex_match(utc_now_rfc3339(), std::regex(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ)"))) << utc_now_rfc3339();
  EXPECT_TRUE(std::regex_match(utc_now_rfc3339(true), std::regex(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z)")))
      << utc_now_rfc3339(true);
}

}  // namespace
}  // namespace ac
