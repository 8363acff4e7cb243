#pragma once
#include <curl/curl.h>

#include <cstddef>
#include <optional>
#include <string>

namespace ac {

// What we know about a transfer that libcurl ended with an error.
struct FailureFacts {
  CURLcode code = CURLE_OK;
  long os_errno = 0;              // CURLINFO_OS_ERRNO
  std::string curl_message;       // libcurl's error buffer (or its generic text)
  std::string scheme;             // "ftp"... (the URL itself is never quoted: it may hold a key)
  std::string host;               // from the URL
  std::string where;              // "host:port"
  bool connected = false;         // a connection to the server was made
  bool got_response = false;      // any response byte arrived
  std::size_t body_bytes = 0;
  std::optional<long long> content_length;  // announced by the response
  double connect_timeout_s = 0;
};

// One sentence naming what happened and where: "connection refused (127.0.0.1:9)",
// "connection reset by peer after 120 body bytes (127.0.0.1:4000)", "could not resolve host x".
std::string describe_failure(const FailureFacts& facts);

// A connection failure before any response byte (refused, unreachable, connect timeout, reset or
// closed before answering): nothing was judged, and another attempt may well succeed. Name
// resolution, TLS and URL problems are not: they are set-up errors that a retry only repeats.
bool is_transient_failure(const FailureFacts& facts);

}  // namespace ac
