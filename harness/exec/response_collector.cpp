#include "exec/response_collector.hpp"

namespace ac {

ResponseCollector::ResponseCollector(const Expectation& expect, const Grammar* grammar, const SchemaRegistry& schemas,
                                     CollectorLimits limits)
    : expect_(expect), grammar_(grammar), schemas_(schemas), limits_(limits) {}

void ResponseCollector::on_headers(int status, const Headers& headers) {
  auto type = find_header(headers, "content-type");
  bool event_stream = type && type->rfind("text/event-stream", 0) == 0;
  // A case that expects a stream judges any 2xx body as one, whatever its content-type claims:
  // a stream served as application/json is itself a finding, and it must still be read as a stream.
  bool judge = expect_.stream && grammar_ && status >= 200 && status < 300;
  if (judge || (event_stream && grammar_ && expect_.stream)) {
    judge_ = std::make_unique<StreamJudge>(*grammar_, schemas_, *expect_.stream, limits_.stream);
  }
}

bool ResponseCollector::on_body(const char* data, std::size_t size, double at_ms) {
  body_size_ += size;
  if (judge_) {
    judge_->feed(data, size, at_ms);
    return true;
  }
  if (body_.size() < limits_.max_body_bytes)
    body_.append(data, std::min(size, limits_.max_body_bytes - body_.size()));
  over_limit_ = body_size_ > limits_.max_body_bytes;
  return !over_limit_;
}

void ResponseCollector::on_restart() {
  body_.clear();
  body_size_ = 0;
  over_limit_ = false;
  judge_.reset();
}

std::string ResponseCollector::transient_error() const {
  if (!judge_ || !judge_->ended_with_error()) return "";
  const std::string& type = judge_->error_type();
  if (type != "overloaded_error" && type != "api_error") return "";
  if (expect_.stream && expect_.stream->error == type) return "";
  return "in-band " + type;
}

void ResponseCollector::finish(const TransferOutcome& outcome) {
  if (judge_) judge_->finish(outcome.error.empty() && outcome.content_error.empty());
}

}  // namespace ac
