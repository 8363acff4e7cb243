#pragma once
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "model/exchange.hpp"
#include "model/header.hpp"
#include "model/provider.hpp"
#include "net/stop_signal.hpp"

namespace ac {

struct RetryPolicy {
  int max_retries = 2;          // 0 = off
  double base_delay_s = 0.5;
  double max_delay_s = 8;
  double max_retry_after_s = 60;  // a longer retry-after is not waited for
  double jitter = 0.2;          // each backoff delay is spread by ±20% (0 = exact)
  std::vector<int> also_retry;  // statuses retried besides the usual ones (a case's retry_on)
};

// A request as libcurl sends it: method and body exactly as given, headers as given (libcurl adds
// only Host and Content-Length; no Accept, no Expect, no form content type), over HTTP/1.1.
struct HttpRequest {
  std::string method = "GET";
  std::string url;
  Headers headers;
  std::string body;
  Timeouts timeouts;                 // a value <= 0 turns that timeout off
  std::optional<RetryPolicy> retry;  // overrides the transport's policy for this request
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
  // After a complete attempt: why it should be tried again although the transfer succeeded (an
  // in-band `overloaded_error` ended the stream), or "" when it should not.
  virtual std::string transient_error() const { return ""; }
};

// One attempt of a request, kept so that reports can say it was retried and why.
struct AttemptRecord {
  int status = 0;           // 0 = no response
  std::string error;        // transport failure of this attempt, if any
  double waited_ms = 0;     // pause before this attempt started (0 for the first)
  double total_ms = 0;
};

struct TransferOutcome {
  int status = 0;
  Headers headers;
  Timings timings;         // dns, connect, tls, first byte, total
  std::string error;       // empty = completed; else a sentence, e.g. "connection refused (127.0.0.1:9)"
  bool aborted_by_sink = false;
  bool transient = false;  // a connection failure before any response byte (retried like a 503)
  bool interrupted = false;  // a stop left it unsent or cut it after the grace (error says which)
  // The response arrived but its Content-Encoding could not be decoded (corrupt gzip, an unknown
  // coding): a fault of the reply, judged as a finding, while `error` stays empty.
  std::string content_error;
  int attempts = 1;
  std::vector<AttemptRecord> history;  // every attempt in order; the last one is this outcome
  std::string retry_note;   // why a retryable answer was not retried (retry-after too long, gave up)
};

struct TransportOptions {
  int max_concurrency = 8;  // transfers in flight at once, all pools together
  RetryPolicy retry;
  // Told, on the transport's thread, when a pool's pace changes or it pauses because of what the
  // endpoint said (rate-limit headers, retry-after): `pool`, then a sentence.
  std::function<void(const std::string&, const std::string&)> on_pace;
  // When `stop` is requested, run() starts nothing more: queued requests and retries waiting for
  // their turn end at once (`interrupted`, "interrupted before it was sent"), transfers in flight
  // get `stop_grace_s` to finish, then are cut ("interrupted after 120 body bytes (host:port)").
  const StopSignal* stop = nullptr;
  double stop_grace_s = 3;
  // Told once, on the transport's thread, when it starts stopping: how many transfers are in flight.
  std::function<void(int in_flight)> on_stop;
};

// What the executor hands requests to: the Transport below, or a scripted fake in the executor's
// tests (tests/unit/exec/fake_transfers.hpp), so that its behaviour is tested without sockets.
class TransferQueue {
 public:
  using Done = std::function<void(TransferOutcome)>;
  virtual ~TransferQueue() = default;
  // Queues a transfer; `done` is called once, after the last attempt, on the thread running run().
  // Callbacks may submit more. `ahead`: before the pool's queued transfers.
  virtual void submit(HttpRequest request, std::shared_ptr<ResponseSink> sink, Done done, const std::string& pool = "",
                      bool ahead = false) = 0;
  // Runs until every submitted transfer is done.
  virtual void run() = 0;
};

// Runs many HTTP transfers at once on one thread with libcurl's multi interface (no thread per
// request). Transfers are grouped in pools (one per provider), each with its own concurrency and
// rate limit.
class Transport final : public TransferQueue {
 public:

  explicit Transport(TransportOptions options);
  ~Transport();
  Transport(const Transport&) = delete;
  Transport& operator=(const Transport&) = delete;

  // `concurrency` <= 0: only the global limit applies; `rate_per_s` <= 0: no rate limit. The rate
  // is a token bucket holding one token, so requests of a pool start at least 1/rate s apart
  // (retries included). The pace then follows the endpoint's `anthropic-ratelimit-*` headers
  // (slower when little is left, a pause when a limit is used up) and a 429's `retry-after`
  // (the whole pool waits); it rises above `rate_per_s` only up to `max_rate_per_s` (when larger).
  // Call from the thread that calls run().
  void set_pool_limits(const std::string& pool, int concurrency, double rate_per_s, double max_rate_per_s = 0);

  // Queues a transfer; `done` is called once, after the last attempt, on the thread running run().
  // Callbacks may submit more; submit is also safe from any other thread.
  // `ahead`: before the pool's queued transfers (the next step of work already under way, which
  // would otherwise wait behind every request queued since it began).
  void submit(HttpRequest request, std::shared_ptr<ResponseSink> sink, Done done, const std::string& pool = "",
              bool ahead = false) override;

  // Runs until every submitted transfer is done. Not re-entrant. An exception thrown by a sink or a
  // `done` callback leaves run() (transfers still in flight stay queued for the next run()).
  void run() override;

  // Transfers under way this moment (not those queued or waiting for a retry). From the thread
  // that runs run() (a callback), or when it is not running.
  std::size_t in_flight() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace ac
