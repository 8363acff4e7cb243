#pragma once
#include <curl/curl.h>

#include <cstddef>
#include <optional>
#include <string>
#include <utility>

#include "model/header.hpp"

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

// "host" and "host:port" of a URL, for error sentences. Never the whole URL: a query string may
// carry a key (`?key=...`), and error sentences end up in reports.
std::pair<std::string, std::string> host_and_where(const std::string& url);

// What a libcurl handle that ended with `code` tells of the failure: the code, errno and message,
// the URL's scheme, host and port, whether it connected, the length `response_headers` announced.
// The caller adds what only it counted: got_response, body_bytes, connect_timeout_s.
FailureFacts failure_facts(CURL* easy, CURLcode code, const char* error_buffer, const std::string& url,
                           const Headers& response_headers);

// One sentence naming what happened and where: "connection refused (127.0.0.1:9)",
// "connection reset by peer after 120 body bytes (127.0.0.1:4000)", "could not resolve host x".
std::string describe_failure(const FailureFacts& facts);

// A connection failure before any response byte (refused, unreachable, connect timeout, reset or
// closed before answering): nothing was judged, and another attempt may well succeed. Name
// resolution, TLS and URL problems are not: they are set-up errors that a retry only repeats.
bool is_transient_failure(const FailureFacts& facts);

}  // namespace ac
