#include "net/transport.hpp"

#include <curl/curl.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <ctime>
#include <deque>
#include <map>
#include <mutex>
#include <optional>
#include <random>
#include <stdexcept>
#include <thread>
#include <unordered_map>
#include <utility>

#include "net/rate_limits.hpp"
#include "net/retry.hpp"
#include "net/token_bucket.hpp"
#include "net/transfer.hpp"
#include "util/join.hpp"

namespace ac {
namespace {

using Clock = std::chrono::steady_clock;

// Stands in when a caller submits without a sink: the body is read and dropped.
class DiscardingSink : public ResponseSink {
 public:
  bool on_body(const char*, std::size_t, double) override { return true; }
};

// A submitted request, across all its attempts.
struct Job {
  HttpRequest request;
  std::shared_ptr<ResponseSink> sink;
  Transport::Done done;
  std::string pool;
  bool ahead = false;  // queued before the pool's other ready transfers
  std::vector<AttemptRecord> history;
  double waited_ms = 0;  // pause before the attempt about to start
};

struct Pool {
  int concurrency = 0;  // <= 0: unlimited
  TokenBucket rate;
  double ceiling = 0;            // the pace never rises above it (0 = unlimited)
  Clock::time_point hold_until;  // nothing starts before (a limit used up, a 429's retry-after)
  int active = 0;
  std::deque<std::unique_ptr<Job>> ready;  // retries go to the front, new jobs to the back
};

// An attempt in flight. The job is declared first so that it outlives the transfer that points
// into its request.
struct Active {
  std::unique_ptr<Job> job;
  std::unique_ptr<Transfer> transfer;
};

}  // namespace

struct Transport::Impl {
  explicit Impl(TransportOptions o);
  ~Impl();

  void submit(std::unique_ptr<Job> job);
  void run();

  TransportOptions options;
  CURLM* multi = nullptr;
  std::mt19937 random{std::random_device{}()};
  std::map<std::string, Pool> pools;  // ordered: the round-robin start order is stable
  std::unordered_map<CURL*, Active> active;
  std::vector<CURL*> spare;  // easy handles of finished transfers, for the next ones
  std::multimap<Clock::time_point, std::unique_ptr<Job>> waiting;  // retries in their backoff
  bool running = false;
  bool stopping = false;         // a stop was requested: nothing starts, in-flight ones have a grace
  Clock::time_point grace_end;   // then they are cut
  std::exception_ptr callback_error;  // thrown by a sink inside libcurl; rethrown by run()

  // Submissions from other threads land here; the loop thread moves them into their pools.
  std::mutex inbox_mutex;
  std::vector<std::unique_ptr<Job>> inbox;
  std::optional<std::thread::id> runner;  // the thread inside run(), if any (under inbox_mutex)

 private:
  void take_inbox();
  void release_due_retries(Clock::time_point now);
  bool start_one(Pool& pool, Clock::time_point now);
  void start_ready(Clock::time_point now);
  void collect_finished();
  void enforce_deadlines(Clock::time_point now);
  void finish(CURL* handle, CURLcode result, const std::string& stopped_because, bool interrupted = false);
  void begin_stop(Clock::time_point now);
  void drop_unsent();
  void cut_in_flight();
  RetryDecision decide(const Job& job, const TransferOutcome& outcome);
  void adapt_pace(const std::string& name, const TransferOutcome& outcome, Clock::time_point now);
  void hold(const std::string& name, double seconds, const std::string& why, Clock::time_point now);
  void conclude(std::unique_ptr<Job> job, TransferOutcome outcome);
  bool idle();
  int wait_ms(Clock::time_point now);
  std::size_t queued() const;
};

Transport::Impl::Impl(TransportOptions o) : options(o) {
  curl_global_init(CURL_GLOBAL_DEFAULT);  // reference-counted by libcurl; thread-safe since 7.84
  multi = curl_multi_init();
  if (!multi) throw std::runtime_error("libcurl could not create its multi handle (out of memory?)");
  if (options.max_concurrency < 1) options.max_concurrency = 1;
  // Keep idle connections for reuse between bursts (libcurl's default shrinks with the number of
  // transfers in flight at that moment).
  curl_multi_setopt(multi, CURLMOPT_MAXCONNECTS, static_cast<long>(std::max(16, 2 * options.max_concurrency)));
}

Transport::Impl::~Impl() {
  for (auto& entry : active) curl_multi_remove_handle(multi, entry.first);
  active.clear();
  for (CURL* handle : spare) curl_easy_cleanup(handle);
  curl_multi_cleanup(multi);
  curl_global_cleanup();
}

void Transport::Impl::submit(std::unique_ptr<Job> job) {
  bool from_elsewhere = false;
  {
    std::lock_guard<std::mutex> lock(inbox_mutex);
    inbox.push_back(std::move(job));
    from_elsewhere = runner && *runner != std::this_thread::get_id();
  }
  // Only another thread can find the loop asleep in curl_multi_poll; the loop's own callbacks
  // need no wake-up (that would cost a system call per submit).
  if (from_elsewhere) curl_multi_wakeup(multi);
}

void Transport::Impl::take_inbox() {
  std::vector<std::unique_ptr<Job>> arrived;
  {
    std::lock_guard<std::mutex> lock(inbox_mutex);
    arrived.swap(inbox);
  }
  for (auto& job : arrived) {
    Pool& pool = pools[job->pool];
    if (job->ahead)
      pool.ready.push_front(std::move(job));
    else
      pool.ready.push_back(std::move(job));
  }
}

void Transport::Impl::release_due_retries(Clock::time_point now) {
  while (!waiting.empty() && waiting.begin()->first <= now) {
    auto job = std::move(waiting.begin()->second);
    waiting.erase(waiting.begin());
    Pool& pool = pools[job->pool];
    pool.ready.push_front(std::move(job));
  }
}

bool Transport::Impl::start_one(Pool& pool, Clock::time_point now) {
  if (pool.ready.empty()) return false;
  if (pool.concurrency > 0 && pool.active >= pool.concurrency) return false;
  if (now < pool.hold_until) return false;
  if (!pool.rate.try_take(now)) return false;
  auto job = std::move(pool.ready.front());
  pool.ready.pop_front();
  if (!job->history.empty()) job->sink->on_restart();
  CURL* reused = nullptr;
  if (!spare.empty()) {
    reused = spare.back();
    spare.pop_back();
  }
  auto transfer = std::make_unique<Transfer>(job->request, *job->sink, Clock::now(), reused);
  CURL* handle = transfer->handle();
  CURLMcode added = curl_multi_add_handle(multi, handle);
  if (added != CURLM_OK) {
    TransferOutcome outcome;
    outcome.error = std::string("libcurl refused the transfer: ") + curl_multi_strerror(added);
    conclude(std::move(job), std::move(outcome));
    return true;
  }
  ++pool.active;
  active.emplace(handle, Active{std::move(job), std::move(transfer)});
  return true;
}

void Transport::Impl::start_ready(Clock::time_point now) {
  // Round robin over pools, one start each per pass, so that no provider starves the others.
  bool started = true;
  while (started && static_cast<int>(active.size()) < options.max_concurrency) {
    started = false;
    for (auto& entry : pools) {
      if (static_cast<int>(active.size()) >= options.max_concurrency) break;
      started = start_one(entry.second, now) || started;
    }
  }
}

void Transport::Impl::collect_finished() {
  int left = 0;
  while (CURLMsg* message = curl_multi_info_read(multi, &left)) {
    if (message->msg == CURLMSG_DONE) finish(message->easy_handle, message->data.result, "");
  }
}

void Transport::Impl::enforce_deadlines(Clock::time_point now) {
  std::vector<std::pair<CURL*, std::string>> expired;
  for (auto& entry : active) {
    std::string why = entry.second.transfer->expired(now);
    if (!why.empty()) expired.emplace_back(entry.first, std::move(why));
  }
  for (auto& item : expired) finish(item.first, CURLE_OK, item.second);
}

void Transport::Impl::finish(CURL* handle, CURLcode result, const std::string& stopped_because, bool interrupted) {
  auto found = active.find(handle);
  if (found == active.end()) return;
  curl_multi_remove_handle(multi, handle);
  Active entry = std::move(found->second);
  active.erase(found);
  --pools[entry.job->pool].active;
  auto now = Clock::now();
  TransferOutcome outcome = entry.transfer->finish(result, stopped_because, now);
  outcome.interrupted = interrupted;
  if (auto error = entry.transfer->callback_error()) callback_error = error;
  if (spare.size() < static_cast<std::size_t>(options.max_concurrency)) spare.push_back(entry.transfer->release_handle());
  entry.transfer.reset();
  auto job = std::move(entry.job);
  const std::string in_band = outcome.error.empty() ? job->sink->transient_error() : "";
  job->history.push_back(
      {outcome.status, in_band.empty() ? outcome.error : in_band, job->waited_ms, outcome.timings.total_ms});
  adapt_pace(job->pool, outcome, now);
  RetryDecision decision = stopping ? RetryDecision{} : decide(*job, outcome);
  if (decision.retry) {
    job->waited_ms = decision.delay_s * 1000.0;
    auto at = now + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(decision.delay_s));
    waiting.emplace(at, std::move(job));
    return;
  }
  outcome.retry_note = decision.note;
  conclude(std::move(job), std::move(outcome));
}

RetryDecision Transport::Impl::decide(const Job& job, const TransferOutcome& outcome) {
  const RetryPolicy& policy = job.request.retry ? *job.request.retry : options.retry;
  const int retries_done = static_cast<int>(job.history.size()) - 1;
  if (!outcome.error.empty())
    return outcome.transient ? decide_transient_retry(policy, "no response", retries_done, random) : RetryDecision{};
  RetryDecision by_status =
      decide_retry(policy, outcome.status, outcome.headers, retries_done, std::time(nullptr), random);
  if (by_status.retry || !by_status.note.empty()) return by_status;
  const std::string& in_band = job.history.back().error;
  return in_band.empty() ? RetryDecision{} : decide_transient_retry(policy, in_band, retries_done, random);
}

void Transport::Impl::hold(const std::string& name, double seconds, const std::string& why, Clock::time_point now) {
  seconds = std::min(seconds, options.retry.max_retry_after_s);
  auto until = now + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(seconds));
  Pool& pool = pools[name];
  if (until <= pool.hold_until) return;
  // Replies in flight repeat what the first one said: a pause extended by less than a second is
  // not news.
  const bool news = until > pool.hold_until + std::chrono::seconds(1);
  pool.hold_until = until;
  if (news && options.on_pace) options.on_pace(name, "paused " + format_seconds(std::ceil(seconds)) + " s: " + why);
}

// What the endpoint said about its limits sets the pool's pace: the run slows before it is
// refused, pauses when a limit is used up, and a 429 holds every request of the pool, not only the
// one retried (the others would be refused too).
void Transport::Impl::adapt_pace(const std::string& name, const TransferOutcome& outcome, Clock::time_point now) {
  RateLimitReading reading = read_rate_limits(outcome.headers, std::time(nullptr));
  if (reading.hold_s > 0)
    hold(name, reading.hold_s, "the " + reading.exhausted + " rate limit is used up until its reset", now);
  if (outcome.status == 429)
    if (auto asked = requested_retry_delay(outcome.headers, std::time(nullptr)))
      hold(name, *asked, "HTTP 429 asked to wait (retry-after)", now);
  if (!reading.present()) return;
  Pool& pool = pools[name];
  const double pace = adapted_pace(reading, pool.ceiling);
  const double before = pool.rate.rate();
  if (pace == before || (pace > 0 && before > 0 && std::abs(pace - before) < 0.1 * before)) return;
  pool.rate.set_rate(pace, now);
  if (!options.on_pace) return;
  std::string why;
  if (reading.headroom < kLowHeadroom)
    why = std::to_string(std::lround(reading.headroom * 100)) + "% of the " + reading.tightest + " limit left";
  if (reading.requests_per_minute)
    append_joined(why, ", ", "requests limit " + format_seconds(*reading.requests_per_minute) + "/min");
  options.on_pace(name, (pace > 0 ? "pace " + format_seconds(pace) + " requests/s" : std::string("pace unlimited")) +
                            (why.empty() ? "" : " (" + why + ")"));
}

void Transport::Impl::conclude(std::unique_ptr<Job> job, TransferOutcome outcome) {
  outcome.attempts = std::max<int>(1, static_cast<int>(job->history.size()));
  outcome.history = std::move(job->history);
  Done done = std::move(job->done);
  // The job (and so the sink) lives until the callback returns: it may read what the sink kept.
  if (done) done(std::move(outcome));
}

void Transport::Impl::begin_stop(Clock::time_point now) {
  stopping = true;
  grace_end = now + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(options.stop_grace_s));
  if (options.on_stop) options.on_stop(static_cast<int>(active.size()));
  // Emptied once: from now on the pipe is not polled, so it cannot keep waking the loop.
  char buffer[64];
  if (options.stop->wake_fd() >= 0)
    while (read(options.stop->wake_fd(), buffer, sizeof buffer) > 0) {
    }
}

// Every request not yet on the wire ends now, in submission order per pool. Their callbacks may
// submit follow-ups (a next step); those land in the inbox and end on the next pass.
void Transport::Impl::drop_unsent() {
  auto interrupted = [](const std::string& why) {
    TransferOutcome outcome;
    outcome.error = why;
    outcome.interrupted = true;
    return outcome;
  };
  for (auto& entry : pools) {
    while (!entry.second.ready.empty()) {
      auto job = std::move(entry.second.ready.front());
      entry.second.ready.pop_front();
      const char* why = job->history.empty() ? "interrupted before it was sent" : "interrupted before its retry was sent";
      conclude(std::move(job), interrupted(why));
    }
  }
  while (!waiting.empty()) {
    auto job = std::move(waiting.begin()->second);
    waiting.erase(waiting.begin());
    conclude(std::move(job), interrupted("interrupted before its retry was sent"));
  }
}

void Transport::Impl::cut_in_flight() {
  std::vector<std::pair<CURL*, std::string>> cut;
  for (auto& entry : active) cut.emplace_back(entry.first, entry.second.transfer->interrupted());
  for (auto& item : cut) finish(item.first, CURLE_OK, item.second, true);
}

std::size_t Transport::Impl::queued() const {
  std::size_t count = 0;
  for (const auto& entry : pools) count += entry.second.ready.size();
  return count;
}

bool Transport::Impl::idle() {
  std::lock_guard<std::mutex> lock(inbox_mutex);
  return inbox.empty() && active.empty() && waiting.empty() && queued() == 0;
}

int Transport::Impl::wait_ms(Clock::time_point now) {
  {
    // A `done` callback that just submitted the next request must not wait for socket activity.
    std::lock_guard<std::mutex> lock(inbox_mutex);
    if (!inbox.empty()) return 0;
  }
  auto wake = now + std::chrono::seconds(1);  // a ceiling, so that nothing can hang unnoticed
  for (const auto& entry : active) wake = std::min(wake, entry.second.transfer->next_deadline());
  if (!waiting.empty()) wake = std::min(wake, waiting.begin()->first);
  if (stopping) wake = std::min(wake, grace_end);
  bool slots = static_cast<int>(active.size()) < options.max_concurrency;
  for (auto& entry : pools) {
    Pool& pool = entry.second;
    bool pool_slot = pool.concurrency <= 0 || pool.active < pool.concurrency;
    if (slots && pool_slot && !pool.ready.empty())
      wake = std::min(wake, std::max(pool.hold_until, pool.rate.next_token(now)));
  }
  auto ms = std::chrono::ceil<std::chrono::milliseconds>(wake - now).count();
  return static_cast<int>(std::clamp<long long>(ms, 0, 1000));
}

void Transport::Impl::run() {
  if (running) throw std::logic_error("Transport::run() called while it is already running");
  running = true;
  {
    std::lock_guard<std::mutex> lock(inbox_mutex);
    runner = std::this_thread::get_id();
  }
  struct Reset {
    Impl& impl;
    ~Reset() {
      impl.running = false;
      std::lock_guard<std::mutex> lock(impl.inbox_mutex);
      impl.runner.reset();
    }
  } reset{*this};
  while (true) {
    take_inbox();
    auto now = Clock::now();
    if (!stopping && options.stop && options.stop->requested()) begin_stop(now);
    if (stopping) {
      drop_unsent();
    } else {
      release_due_retries(now);
      start_ready(now);
    }
    int still_running = 0;
    CURLMcode performed = curl_multi_perform(multi, &still_running);
    if (performed != CURLM_OK) throw std::runtime_error(std::string("libcurl: ") + curl_multi_strerror(performed));
    collect_finished();
    enforce_deadlines(Clock::now());
    if (stopping && Clock::now() >= grace_end) cut_in_flight();
    if (callback_error) std::rethrow_exception(std::exchange(callback_error, nullptr));
    if (idle()) break;
    curl_waitfd stop_fd{options.stop ? options.stop->wake_fd() : -1, CURL_WAIT_POLLIN, 0};
    bool watch_stop = !stopping && stop_fd.fd >= 0;
    curl_multi_poll(multi, watch_stop ? &stop_fd : nullptr, watch_stop ? 1 : 0, wait_ms(Clock::now()), nullptr);
  }
}

Transport::Transport(TransportOptions options) : impl_(std::make_unique<Impl>(options)) {}
Transport::~Transport() = default;

void Transport::set_pool_limits(const std::string& pool, int concurrency, double rate_per_s, double max_rate_per_s) {
  Pool& p = impl_->pools[pool];
  p.concurrency = concurrency;
  p.rate = rate_per_s > 0 ? TokenBucket(rate_per_s, 1, Clock::now()) : TokenBucket();
  p.ceiling = rate_per_s > 0 ? std::max(rate_per_s, max_rate_per_s) : 0;
}

void Transport::submit(HttpRequest request, std::shared_ptr<ResponseSink> sink, Done done, const std::string& pool,
                       bool ahead) {
  auto job = std::make_unique<Job>();
  job->request = std::move(request);
  job->sink = sink ? std::move(sink) : std::make_shared<DiscardingSink>();
  job->done = std::move(done);
  job->pool = pool;
  job->ahead = ahead;
  impl_->submit(std::move(job));
}

void Transport::run() { impl_->run(); }

std::size_t Transport::in_flight() const { return impl_->active.size(); }

}  // namespace ac
