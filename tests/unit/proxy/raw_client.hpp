#pragma once
// A raw HTTP/1.1 client for the proxy's tests: one connection, requests sent as given bytes,
// replies read as they are framed, so a test sees exactly what the proxy put on the wire.
#include <string>
#include <vector>

#include "model/header.hpp"

namespace ac::test {

struct RawReply {
  std::string status_line;  // "HTTP/1.1 200 OK"
  int status = 0;
  Headers headers;   // in order, as written
  std::string body;  // de-chunked
  std::vector<std::string> chunks;
  bool complete = false;  // the framing's end arrived (terminator, full length, or close for close-delimited)
  bool closed = false;    // the proxy closed the connection after (or instead of) the reply
};

class RawClient {
 public:
  explicit RawClient(int port);
  ~RawClient();
  RawClient(const RawClient&) = delete;
  RawClient& operator=(const RawClient&) = delete;
  bool connected() const { return fd_ >= 0; }
  bool send(const std::string& bytes);
  // Reads one reply; gives up after `timeout_ms` of silence (complete stays false).
  RawReply read_reply(int timeout_ms = 10000, bool head_request = false);
  // The next chunk of a chunked reply whose head read_head() returned; empty on end or silence.
  RawReply read_head(int timeout_ms = 10000);
  std::string read_chunk(int timeout_ms = 10000);

 private:
  bool fill(int timeout_ms);
  bool line(std::string& out, int timeout_ms);
  int fd_ = -1;
  std::string buffer_;
};

// "POST /path HTTP/1.1\r\nHost: …\r\n<headers>Content-Length: n\r\n\r\n<body>"
std::string http_request(const std::string& method, const std::string& target, const Headers& headers,
                         const std::string& body);

}  // namespace ac::test
