#pragma once
#include <atomic>
#include <string>
#include <string_view>

#include "proxy/http_wire.hpp"

namespace ac {

// One client connection of the proxy: reads requests (head, then body by Content-Length or
// chunked coding) and writes bytes back, unbuffered. Reads wait in slices of 100 ms so that a stop
// is noticed on an idle kept-alive connection.
class ClientSocket {
 public:
  explicit ClientSocket(int fd) : fd_(fd) {}

  enum class Read { Ok, Closed, Bad };
  // The next request's head. Closed: the client closed, `stop` was set, or it sent nothing for
  // `idle_s` seconds. Bad: not HTTP (`error` says why; the caller answers 400 and closes).
  Read read_head(RequestHead& head, std::string& error, const std::atomic<bool>& stop, double idle_s);
  // The body the head announces (none, Content-Length or chunked), at most `max_bytes`. A client
  // that sent `Expect: 100-continue` is told to go on first. False with `error` when it is cut or
  // malformed, or too long (`too_long` then set).
  bool read_body(const RequestHead& head, std::string& body, std::string& error, std::size_t max_bytes, bool& too_long);

  // All of `bytes`, at once (no buffering here: each call is a send()). False when the client is gone.
  bool send(std::string_view bytes);
  // Whether the client hung up (it may not have read everything yet); checked while a reply is
  // awaited from the target, so that the target's transfer stops when nobody waits for it.
  bool hung_up() const;

 private:
  // Reads more bytes into buffer_; false on close, error, stop or idle timeout.
  bool fill(const std::atomic<bool>* stop, double idle_s);
  bool read_exact(std::size_t count, std::string& out);
  bool read_line(std::string& line);

  int fd_;
  std::string buffer_;  // bytes received and not consumed yet
};

}  // namespace ac
