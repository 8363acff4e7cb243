#include "cli/proxy_session.hpp"

#include "redact/secrets.hpp"

namespace ac {

ProxySession::ProxySession(ProxySessionSettings settings, RunSink& outputs, ProxyConsole& console)
    : settings_(std::move(settings)), outputs_(outputs), console_(console), thread_([this] { work(); }) {}

ProxySession::~ProxySession() { finish(); }

void ProxySession::submit(ExchangeRecord&& record) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    queue_.push_back(std::move(record));
  }
  ready_.notify_one();
}

void ProxySession::note(std::string text) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    notes_.push_back(std::move(text));
  }
  ready_.notify_one();
}

void ProxySession::finish() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    finishing_ = true;
  }
  ready_.notify_one();
  if (thread_.joinable()) thread_.join();
}

void ProxySession::work() {
  for (;;) {
    ExchangeRecord record;
    std::deque<std::string> notes;
    {
      std::unique_lock<std::mutex> lock(mutex_);
      ready_.wait(lock, [this] { return finishing_ || !queue_.empty() || !notes_.empty(); });
      notes.swap(notes_);
      if (queue_.empty() && notes.empty()) return;
      if (!queue_.empty()) {
        record = std::move(queue_.front());
        queue_.pop_front();
      }
    }
    for (const auto& text : notes) console_.note(text);
    if (!record.method.empty()) handle(record);
  }
}

void ProxySession::handle(ExchangeRecord& record) {
  // Registered here, on the one thread that writes output, before anything of the exchange is.
  for (const auto& secret : secret_header_values(record.request_headers, settings_.secrets)) add_process_secret(secret);
  if (!settings_.record_dir.empty()) {
    std::string error;
    if (!write_exchange_record(settings_.record_dir, record, settings_.secrets, error) && !record_failed_) {
      record_failed_ = true;
      console_.note("--record: " + error + " (the exchanges are still judged)");
    }
  }
  outputs_.on_result(judge_exchange(record, *settings_.judge));
  ++judged_;
}

}  // namespace ac
