#pragma once
#include <atomic>
#include <condition_variable>
#include <functional>
#include <list>
#include <mutex>
#include <set>
#include <string>
#include <thread>

#include "proxy/forward.hpp"
#include "traffic/exchange_record.hpp"

namespace ac {

struct ProxyOptions {
  ForwardOptions forward;
  std::string record_target;                   // the target as records name it: without its userinfo
  std::size_t connections = 256;               // client connections served at once (each holds a thread)
  double idle_s = 300;                         // a kept-alive client connection idle this long is closed
  std::size_t max_request_bytes = 256u << 20;  // a longer request body is refused with 413
};

// A transparent HTTP/1.1 proxy on 127.0.0.1 (docs/proxy.md): each client connection gets a thread
// of its own and a libcurl handle of its own (so the target connection is kept alive along with
// the client's); requests go to the target unchanged and replies come back as they arrive
// (proxy/forward.hpp). Every completed exchange (reply ended, cut or missing) is handed to
// `on_exchange` on the connection's thread, after its reply was delivered: the client never
// waits for what is done with it.
class ProxyServer {
 public:
  using OnExchange = std::function<void(ExchangeRecord&&)>;
  ProxyServer(ProxyOptions options, OnExchange on_exchange);
  ~ProxyServer();  // stop(0)
  ProxyServer(const ProxyServer&) = delete;
  ProxyServer& operator=(const ProxyServer&) = delete;

  // Listens on host:port (port 0: any free one); returns the port, or -1 with `error`.
  int start(const std::string& host, int port, std::string& error);
  // Stops accepting and closes idle connections at once; exchanges in flight may finish within
  // `grace_s`, then they are cut. Returns when every connection thread has ended.
  void stop(double grace_s);
  std::size_t in_flight() const { return in_flight_.load(); }
  std::size_t exchanges_started() const { return sequence_.load(); }

 private:
  void accept_loop();
  void serve(int fd);
  void finish(ExchangeRecord& record);

  ProxyOptions options_;
  OnExchange on_exchange_;
  int listen_fd_ = -1;
  std::thread acceptor_;
  std::atomic<bool> stopping_{false};
  std::atomic<bool> cut_{false};
  std::atomic<int> sequence_{0};
  std::atomic<std::size_t> in_flight_{0};
  std::mutex mutex_;
  std::condition_variable changed_;
  std::size_t open_connections_ = 0;
  std::list<std::thread> threads_;       // every connection thread started, joined by stop()
  std::list<std::thread::id> finished_;  // threads whose connection ended, joined by the acceptor
  std::set<int> open_fds_;               // shut down by stop() once the grace has run out
};

}  // namespace ac
