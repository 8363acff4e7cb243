#pragma once
// A deliberately small HTTP/1.1 client over a raw socket, so the tests see exactly what the
// simulator put on the wire: chunk boundaries, arrival times, a missing chunked terminator.
#include <map>
#include <string>
#include <utility>
#include <vector>

#include <rapidjson/document.h>

namespace ac::sim::test {

struct RawResponse {
  bool connected = false;
  int status = 0;
  std::multimap<std::string, std::string> headers;  // names lower-cased
  std::string body;                                 // de-chunked
  std::vector<std::string> chunks;                  // chunked bodies: each chunk
  std::vector<double> chunk_ms;                     // arrival time of each chunk's last byte
  bool complete = false;   // chunked terminator (or full content-length) received
  bool timed_out = false;  // no byte for `idle_timeout_ms` before the end
  std::string header(const std::string& name) const;
};

using HeaderList = std::vector<std::pair<std::string, std::string>>;

RawResponse raw_request(int port, const std::string& method, const std::string& path,
                        const HeaderList& headers, const std::string& body,
                        int idle_timeout_ms = 5000);

// The headers a well-behaved client sends: key, version, JSON content type.
HeaderList api_headers(const std::string& key = "sim-test-key");

struct Event {
  std::string name;  // empty when the frame had no `event:` line
  std::string data;
};

// WHATWG-style parse of a complete stream body (CRLF/LF, comments, multi-line data).
std::vector<Event> parse_sse(const std::string& body);

rapidjson::Document parse_json(const std::string& text);

}  // namespace ac::sim::test
