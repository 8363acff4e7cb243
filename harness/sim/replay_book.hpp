#pragma once
#include <cstddef>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

namespace ac::sim {

// One recorded exchange as `serve --replay` needs it (the cli turns the recording's files into
// these: the simulator shares no code with the recording's reader, as with the checks).
struct RecordedReply {
  std::string method;
  std::string path;  // with its query, as the client sent it
  std::string request_body;
  int status = 0;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;  // the raw bytes, still content-encoded when they were
  std::vector<std::pair<std::size_t, double>> chunks;  // [offset, at_ms] of each piece as it arrived
  bool cut = false;   // the reply was cut (a transport failure): the connection is dropped after the body
  std::string label;  // the record's file, for messages
};

// Which recorded reply answers a request (docs/proxy.md, "serve --replay"): among the records of
// the same method and path (query included), the first not yet served whose request body is
// byte-identical to the one received; else the first not yet served; once all of them have been
// served, the same again from the first (a client run twice gets the session twice). Thread-safe.
class ReplayBook {
 public:
  explicit ReplayBook(std::vector<RecordedReply> replies);

  // The reply for this request, or null when the recording has none of its method and path.
  const RecordedReply* match(const std::string& method, const std::string& path, const std::string& body);
  // "POST /v1/messages (6), GET /v1/models?limit=2 (1)": what the recording can answer.
  std::string expected_text() const;
  std::size_t size() const { return replies_.size(); }

 private:
  std::vector<RecordedReply> replies_;
  std::vector<bool> served_;
  std::mutex mutex_;
};

}  // namespace ac::sim
