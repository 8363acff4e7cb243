#pragma once
// Helpers shared by the transport tests: a sink that records everything it is told, and a way to
// run one request to its end.
#include <memory>
#include <string>
#include <vector>

#include "net/transport.hpp"

// Says which text was expected inside which, unlike a bare find() != npos.
#define EXPECT_CONTAINS(text, part) \
  EXPECT_NE(std::string(text).find(part), std::string::npos) << "expected to find: " << (part) << "\n in: " << (text)

namespace ac::test {

struct RecordingSink : ResponseSink {
  struct Piece {
    std::string data;
    double at_ms;
  };
  int status = 0;
  Headers headers;
  bool headers_before_body = true;
  std::vector<Piece> pieces;
  int restarts = 0;
  std::size_t stop_after_bytes = 0;  // 0 = never stop

  void on_headers(int s, const Headers& h) override {
    status = s;
    headers = h;
  }
  bool on_body(const char* data, std::size_t size, double at_ms) override {
    if (status == 0) headers_before_body = false;
    pieces.push_back({std::string(data, size), at_ms});
    return stop_after_bytes == 0 || body().size() < stop_after_bytes;
  }
  void on_restart() override {
    ++restarts;
    status = 0;
    headers.clear();
    pieces.clear();
  }
  std::string body() const {
    std::string all;
    for (const auto& p : pieces) all += p.data;
    return all;
  }
};

struct Finished {
  TransferOutcome outcome;
  std::shared_ptr<RecordingSink> sink;
};

inline Timeouts short_timeouts() {
  Timeouts t;
  t.connect_s = 2;
  t.first_byte_s = 2;
  t.idle_s = 2;
  t.total_s = 5;
  return t;
}

inline HttpRequest get(const std::string& url) {
  HttpRequest request;
  request.url = url;
  request.timeouts = short_timeouts();
  return request;
}

inline RetryPolicy quick_retries(int max_retries) {
  RetryPolicy policy;
  policy.max_retries = max_retries;
  policy.base_delay_s = 0.05;
  policy.max_delay_s = 0.2;
  policy.jitter = 0;
  return policy;
}

inline Finished run_one(HttpRequest request, TransportOptions options = {},
                        std::shared_ptr<RecordingSink> sink = std::make_shared<RecordingSink>()) {
  Transport transport(options);
  Finished finished;
  finished.sink = sink;
  int calls = 0;
  transport.submit(std::move(request), sink, [&](TransferOutcome outcome) {
    ++calls;
    finished.outcome = std::move(outcome);
  });
  transport.run();
  if (calls != 1) finished.outcome.error = "done was called " + std::to_string(calls) + " times";
  return finished;
}

}  // namespace ac::test
