#pragma once
#include <curl/curl.h>

#include <chrono>
#include <exception>
#include <optional>
#include <string>
#include <string_view>

#include "net/transport.hpp"

namespace ac {

// One attempt of one request: a libcurl easy handle, its callbacks, and what they observed.
// `request` and `sink` must outlive it. The owner adds handle() to a multi handle and removes it
// before destroying the Transfer.
class Transfer {
 public:
  using Clock = std::chrono::steady_clock;

  // `reused`: an easy handle from an earlier transfer (reset here), or null for a new one.
  Transfer(const HttpRequest& request, ResponseSink& sink, Clock::time_point started, CURL* reused = nullptr);
  ~Transfer();
  Transfer(const Transfer&) = delete;
  Transfer& operator=(const Transfer&) = delete;

  CURL* handle() const { return easy_; }
  // Gives the easy handle back for the next transfer (after the owner removed it from the multi
  // handle): reusing one keeps libcurl's buffers instead of allocating them per request.
  CURL* release_handle();

  // The first-byte, idle or total timeout that `now` has passed, as an error sentence; empty if
  // none. (libcurl applies the connect timeout itself.)
  std::string expired(Clock::time_point now) const;
  // The sentence for a transfer cut by a stop: "interrupted after 120 body bytes (host:port)".
  std::string interrupted() const;
  // The earliest moment one of those timeouts could expire; Clock::time_point::max() when none.
  Clock::time_point next_deadline() const;

  // What happened: `result` is libcurl's; `stopped_because` our own reason to stop it, if any.
  TransferOutcome finish(CURLcode result, const std::string& stopped_because, Clock::time_point now);

  // An exception a sink threw inside a libcurl callback (it must not unwind through C code).
  std::exception_ptr callback_error() const { return callback_error_; }

 private:
  static std::size_t header_callback(char* data, std::size_t size, std::size_t count, void* self);
  static std::size_t write_callback(char* data, std::size_t size, std::size_t count, void* self);
  void on_header_line(std::string_view line);
  bool on_body_bytes(const char* data, std::size_t size);
  void deliver_headers();
  void configure();
  void set_headers();
  void set_method_and_body();
  Timings read_timings(Clock::time_point now, bool stopped_by_us) const;
  double elapsed_ms(Clock::time_point now) const;
  std::string progress() const;  // "after 120 body bytes", "before any response"
  std::string where() const;     // "host:port" of the URL, for error sentences

  const HttpRequest& request_;
  ResponseSink& sink_;
  CURL* easy_ = nullptr;
  curl_slist* header_list_ = nullptr;
  char error_buffer_[CURL_ERROR_SIZE] = {};
  Clock::time_point started_;
  std::optional<Clock::time_point> first_byte_;
  Clock::time_point last_byte_;
  int status_ = 0;
  Headers headers_;
  bool headers_delivered_ = false;
  std::size_t body_bytes_ = 0;
  bool aborted_by_sink_ = false;
  std::exception_ptr callback_error_;
};

}  // namespace ac
