#include <gtest/gtest.h>

#include <cerrno>

#include "net/transfer_error.hpp"

namespace ac {
namespace {

FailureFacts facts(CURLcode code) {
  FailureFacts f;
  f.code = code;
  f.scheme = "https";
  f.host = "api.example.com";
  f.where = "api.example.com:443";
  f.connect_timeout_s = 10;
  return f;
}

TEST(DescribeFailure, NamesWhatHappenedAndWhere) {
  auto refused = facts(CURLE_COULDNT_CONNECT);
  refused.os_errno = ECONNREFUSED;
  EXPECT_EQ(describe_failure(refused), "connection refused (api.example.com:443)");

  EXPECT_EQ(describe_failure(facts(CURLE_COULDNT_RESOLVE_HOST)), "could not resolve host api.example.com");

  auto slow = facts(CURLE_OPERATION_TIMEDOUT);
  slow.curl_message = "Connection timed out after 10001 milliseconds";
  EXPECT_EQ(describe_failure(slow), "could not connect within 10 s (connect timeout, api.example.com:443)");

  auto reset = facts(CURLE_RECV_ERROR);
  reset.os_errno = ECONNRESET;
  reset.got_response = true;
  reset.body_bytes = 120;
  EXPECT_EQ(describe_failure(reset), "connection reset by peer after 120 body bytes (api.example.com:443)");

  auto cut = facts(CURLE_PARTIAL_FILE);
  cut.got_response = true;
  cut.body_bytes = 10;
  cut.content_length = 99;
  EXPECT_EQ(describe_failure(cut), "connection closed by peer after 10 of 99 body bytes (api.example.com:443)");

  auto tls = facts(CURLE_PEER_FAILED_VERIFICATION);
  tls.curl_message = "SSL certificate problem: self-signed certificate";
  EXPECT_EQ(describe_failure(tls),
            "TLS failure (api.example.com:443): SSL certificate problem: self-signed certificate");

  auto ftp = facts(CURLE_UNSUPPORTED_PROTOCOL);
  ftp.scheme = "ftp";
  EXPECT_EQ(describe_failure(ftp), "unsupported URL scheme 'ftp' (only http and https)");
  auto not_http = facts(CURLE_UNSUPPORTED_PROTOCOL);
  not_http.connected = true;
  not_http.curl_message = "Received HTTP/0.9 when not allowed";
  EXPECT_EQ(describe_failure(not_http),
            "the response is not HTTP (api.example.com:443): Received HTTP/0.9 when not allowed");

  auto other = facts(CURLE_TOO_MANY_REDIRECTS);
  EXPECT_EQ(describe_failure(other), std::string(curl_easy_strerror(CURLE_TOO_MANY_REDIRECTS)) +
                                         " (api.example.com:443)");
}

}  // namespace
}  // namespace ac
