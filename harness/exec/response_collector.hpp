#pragma once
#include <memory>
#include <string>

#include "model/case.hpp"
#include "model/exchange.hpp"
#include "net/transport.hpp"
#include "stream/stream_judge.hpp"

namespace ac {

struct CollectorLimits {
  // A reply not judged as a stream is read up to here, then the transfer is stopped and the reply
  // gets a finding (an endless body would otherwise be read until a timeout: 8 GB were seen).
  std::size_t max_body_bytes = 64u << 20;
  StreamJudgeOptions stream;
};

// Receives one response. An event stream that the case expects is judged event by event as it
// arrives (constant memory); any other body is kept, up to a limit, for the checks.
class ResponseCollector : public ResponseSink {
 public:
  ResponseCollector(const Expectation& expect, const Grammar* grammar, const SchemaRegistry& schemas,
                    CollectorLimits limits);

  void on_headers(int status, const Headers& headers) override;
  bool on_body(const char* data, std::size_t size, double at_ms) override;
  void on_restart() override;
  // An in-band `overloaded_error` or `api_error` the case did not expect: the API's own way of
  // saying "try again" once the 200 is sent, so the attempt is retried and, if it persists, the
  // case gets verdict `error` rather than `fail`.
  std::string transient_error() const override;

  // Ends the response: complete unless the transport cut it or its encoding did not decode.
  void finish(const TransferOutcome& outcome);

  const std::string& body() const { return body_; }
  std::size_t body_size() const { return body_size_; }
  bool truncated() const { return body_size_ > body_.size(); }
  // The body went past max_body_bytes and reading was stopped there.
  bool over_limit() const { return over_limit_; }
  std::size_t limit() const { return limits_.max_body_bytes; }
  const StreamJudge* stream() const { return judge_.get(); }

 private:
  const Expectation& expect_;
  const Grammar* grammar_;
  const SchemaRegistry& schemas_;
  CollectorLimits limits_;
  std::string body_;
  std::size_t body_size_ = 0;
  bool over_limit_ = false;
  std::unique_ptr<StreamJudge> judge_;
};

}  // namespace ac
