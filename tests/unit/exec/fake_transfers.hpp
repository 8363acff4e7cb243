#pragma once
// A TransferQueue (net/transport.hpp) that answers from a script instead of sockets, so the
// executor's behaviour is tested on its own: what it sends, how it paces, how it judges.
#include <algorithm>
#include <deque>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "net/transport.hpp"

namespace ac::testing {

// What the fake answers to one request, as the Transport would have reported it.
struct FakeReply {
  int status = 200;
  Headers headers = {{"content-type", "application/json"}};
  std::string body = R"({"type":"message"})";
  std::string error;                   // a transport failure (no reply when status is 0)
  bool interrupted = false;            // a stop cut it
  std::vector<AttemptRecord> history;  // every attempt, when it was retried
};

class FakeTransfers final : public TransferQueue {
 public:
  // The answer to each request, in the order they are sent (by default a 200 JSON message).
  std::function<FakeReply(const HttpRequest&)> reply = [](const HttpRequest&) { return FakeReply{}; };

  std::vector<HttpRequest> requests;  // every request submitted, in order
  std::vector<std::string> pools;     // the pool of each
  std::size_t most_queued = 0;        // the most requests waiting at once (the executor's window)

  void submit(HttpRequest request, std::shared_ptr<ResponseSink> sink, Done done, const std::string& pool = "",
              bool ahead = false) override {
    requests.push_back(request);
    pools.push_back(pool);
    Transfer t{std::move(request), std::move(sink), std::move(done)};
    if (ahead)
      queue_.push_front(std::move(t));
    else
      queue_.push_back(std::move(t));
    most_queued = std::max(most_queued, queue_.size());
  }

  // Answers one request at a time, in queue order, until none is left (callbacks may submit more).
  void run() override {
    while (!queue_.empty()) {
      Transfer t = std::move(queue_.front());
      queue_.pop_front();
      const FakeReply r = reply(t.request);
      TransferOutcome outcome;
      if (r.status) {
        t.sink->on_headers(r.status, r.headers);
        t.sink->on_body(r.body.data(), r.body.size(), 1.0);
      }
      outcome.status = r.status;
      outcome.headers = r.headers;
      outcome.error = r.error;
      outcome.interrupted = r.interrupted;
      outcome.history = r.history;
      outcome.attempts = r.history.empty() ? 1 : static_cast<int>(r.history.size());
      t.done(std::move(outcome));
    }
  }

 private:
  struct Transfer {
    HttpRequest request;
    std::shared_ptr<ResponseSink> sink;
    Done done;
  };
  std::deque<Transfer> queue_;
};

}  // namespace ac::testing
