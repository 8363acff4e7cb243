#pragma once
#include <atomic>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <string>
#include <thread>

#include "cli/proxy_console.hpp"
#include "results/results_writer.hpp"
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
// (traffic/exchange_judge.hpp), appended to results.json (flushed: a kill loses nothing judged)
// and shown on the console. Results are kept compact for the reports at the end.
class ProxySession {
 public:
  ProxySession(ProxySessionSettings settings, ResultsWriter& writer, ProxyConsole& console);
  ~ProxySession();  // finish()
  ProxySession(const ProxySession&) = delete;
  ProxySession& operator=(const ProxySession&) = delete;

  void submit(ExchangeRecord&& record);  // from any thread
  // A line for the console, printed by the session's thread between exchanges: the console has
  // one writer, and a key registered there is known before anything else is printed.
  void note(std::string text);
  // Judges what is queued, then ends the thread. After it, compact() is complete.
  void finish();
  std::size_t judged() const { return judged_.load(); }
  ResultsFile& compact() { return compact_; }

 private:
  void work();
  void handle(ExchangeRecord& record);

  ProxySessionSettings settings_;
  ResultsWriter& writer_;
  ProxyConsole& console_;
  std::mutex mutex_;
  std::condition_variable ready_;
  std::deque<ExchangeRecord> queue_;
  std::deque<std::string> notes_;
  bool finishing_ = false;
  std::atomic<std::size_t> judged_{0};
  bool record_failed_ = false;  // said once
  ResultsFile compact_;
  std::thread thread_;
};

}  // namespace ac
