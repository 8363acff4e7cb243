#pragma once
#include <atomic>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <string>
#include <thread>

#include "cli/proxy_console.hpp"
#include "results/run_sink.hpp"
#include "traffic/exchange_judge.hpp"
#include "traffic/exchange_record.hpp"

namespace ac {

struct ProxySessionSettings {
  const JudgeContext* judge = nullptr;
  std::string record_dir;  // --record: where each exchange is saved; empty = not saved
  RecordOptions secrets;   // key headers beyond the usual ones (--secret-header)
};

// Everything done with a completed exchange, on one thread of its own and in the order the
// exchanges complete, so the connections never wait for it and every output has one writer:
// the client's key header values become process secrets first (redact/secrets.hpp: nothing of the
// exchange is written before), then the exchange is recorded (--record), judged
// (traffic/exchange_judge.hpp) and its result given to `outputs`, the run's live outputs
// (results/run_sink.hpp: the console, results.json, the results kept for the reports).
class ProxySession {
 public:
  ProxySession(ProxySessionSettings settings, RunSink& outputs, ProxyConsole& console);
  ~ProxySession();  // finish()
  ProxySession(const ProxySession&) = delete;
  ProxySession& operator=(const ProxySession&) = delete;

  void submit(ExchangeRecord&& record);  // from any thread
  // A line for the console, printed by the session's thread between exchanges: the console has
  // one writer, and a key registered there is known before anything else is printed.
  void note(std::string text);
  // Judges what is queued, then ends the thread.
  void finish();
  std::size_t judged() const { return judged_.load(); }

 private:
  void work();
  void handle(ExchangeRecord& record);

  ProxySessionSettings settings_;
  RunSink& outputs_;
  ProxyConsole& console_;
  std::mutex mutex_;
  std::condition_variable ready_;
  std::deque<ExchangeRecord> queue_;
  std::deque<std::string> notes_;
  bool finishing_ = false;
  std::atomic<std::size_t> judged_{0};
  bool record_failed_ = false;  // said once
  std::thread thread_;
};

}  // namespace ac
