#pragma once
#include <atomic>
#include <memory>
#include <thread>
#include <vector>

namespace ac::test {

// The null control of upstream mode (docs/upstream.md): a gateway that translates nothing. It
// listens on 127.0.0.1 (an ephemeral port) and relays every connection's bytes to
// 127.0.0.1:`upstream_port` and back, unchanged and unparsed, so whatever apiconform finds through
// it is apiconform's own doing. The upstream need not be up yet: each connection connects anew
// (a refused one is closed at once, as a dead gateway would).
class PassThroughProxy {
 public:
  explicit PassThroughProxy(int upstream_port);
  ~PassThroughProxy();  // stops accepting, closes every relay, joins
  PassThroughProxy(const PassThroughProxy&) = delete;
  PassThroughProxy& operator=(const PassThroughProxy&) = delete;

  int port() const { return port_; }
  int connections() const { return connections_.load(); }  // accepted so far

 private:
  void accept_loop();
  void relay(int client);

  int upstream_port_;
  int listen_fd_ = -1;
  int port_ = 0;
  std::atomic<bool> stopping_{false};
  std::atomic<int> connections_{0};
  std::thread acceptor_;
  std::vector<std::thread> relays_;
};

}  // namespace ac::test
