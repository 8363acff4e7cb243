#pragma once
#include <functional>
#include <memory>
#include <string>

#include "model/exchange.hpp"
#include "model/header.hpp"
#include "model/provider.hpp"

namespace ac {

struct HttpRequest {
  std::string method = "GET";
  std::string url;
  Headers headers;
  std::string body;
  Timeouts timeouts;
};

// Receives a response as it arrives, on the thread that runs the transport.
class ResponseSink {
 public:
  virtual ~ResponseSink() = default;
  virtual void on_headers(int status, const Headers& headers) {}
  // `at_ms`: milliseconds since the request started. Return false to abort the transfer.
  virtual bool on_body(const char* data, std::size_t size, double at_ms) = 0;
  // A retried attempt starts: forget what the previous attempt delivered.
  virtual void on_restart() {}
};

struct TransferOutcome {
  int status = 0;
  Headers headers;
  Timings timings;         // dns, connect, tls, first byte, total
  std::string error;       // empty = completed; otherwise a sentence: "connection refused", "idle timeout after 30 s"...
  bool aborted_by_sink = false;
  int attempts = 1;
};

struct RetryPolicy {
  int max_retries = 2;          // 0 = off
  double base_delay_s = 0.5;
  double max_delay_s = 8;
  double max_retry_after_s = 60;  // a longer retry-after is not waited for
};

struct TransportOptions {
  int max_concurrency = 8;
  RetryPolicy retry;
};

// Runs many HTTP transfers at once on one thread with libcurl's multi interface (no thread per
// request). Transfers are grouped in pools (one per provider), each with its own concurrency and
// rate limit.
class Transport {
 public:
  using Done = std::function<void(TransferOutcome)>;

  explicit Transport(TransportOptions options);
  ~Transport();
  Transport(const Transport&) = delete;
  Transport& operator=(const Transport&) = delete;

  void set_pool_limits(const std::string& pool, int concurrency, double rate_per_s);

  // Queues a transfer; `done` is called once, after the last attempt. Callbacks may submit more.
  void submit(HttpRequest request, std::shared_ptr<ResponseSink> sink, Done done, const std::string& pool = "");

  // Runs until every submitted transfer is done.
  void run();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace ac
