#include "support/pass_through_proxy.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <stdexcept>

namespace ac::test {
namespace {

sockaddr_in loopback(int port) {
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_port = htons(static_cast<uint16_t>(port));
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  return a;
}

// Writes all of `n` bytes; false when the peer is gone.
bool write_all(int fd, const char* data, ssize_t n) {
  while (n > 0) {
    ssize_t w = ::send(fd, data, static_cast<size_t>(n), MSG_NOSIGNAL);
    if (w <= 0) return false;
    data += w;
    n -= w;
  }
  return true;
}

}  // namespace

PassThroughProxy::PassThroughProxy(int upstream_port) : upstream_port_(upstream_port) {
  listen_fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a = loopback(0);
  if (listen_fd_ < 0 || ::bind(listen_fd_, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0 ||
      ::listen(listen_fd_, 64) != 0)
    throw std::runtime_error("pass-through proxy: cannot listen on 127.0.0.1");
  socklen_t len = sizeof a;
  ::getsockname(listen_fd_, reinterpret_cast<sockaddr*>(&a), &len);
  port_ = ntohs(a.sin_port);
  acceptor_ = std::thread([this] { accept_loop(); });
}

PassThroughProxy::~PassThroughProxy() {
  stopping_ = true;
  acceptor_.join();  // the loop polls with a timeout, so it sees the flag
  for (auto& t : relays_) t.join();
  ::close(listen_fd_);
}

void PassThroughProxy::accept_loop() {
  while (!stopping_) {
    pollfd p{listen_fd_, POLLIN, 0};
    if (::poll(&p, 1, 50) <= 0) continue;
    int client = ::accept(listen_fd_, nullptr, nullptr);
    if (client < 0) continue;
    ++connections_;
    relays_.emplace_back([this, client] { relay(client); });
  }
}

void PassThroughProxy::relay(int client) {
  int upstream = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a = loopback(upstream_port_);
  if (upstream < 0 || ::connect(upstream, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0) {
    if (upstream >= 0) ::close(upstream);
    ::close(client);
    return;
  }
  pollfd fds[2] = {{client, POLLIN, 0}, {upstream, POLLIN, 0}};
  char buffer[16384];
  bool open[2] = {true, true};  // each direction until its reader sees the end
  while (!stopping_ && (open[0] || open[1])) {
    for (int i = 0; i < 2; ++i) fds[i].events = open[i] ? POLLIN : 0;
    if (::poll(fds, 2, 50) <= 0) continue;
    for (int i = 0; i < 2; ++i) {
      if (!open[i] || !(fds[i].revents & (POLLIN | POLLHUP | POLLERR))) continue;
      const int to = i == 0 ? upstream : client;
      ssize_t n = ::recv(fds[i].fd, buffer, sizeof buffer, 0);
      if (n <= 0 || !write_all(to, buffer, n)) {
        // The end of one direction is passed on as the same end (a half-close), not a reset.
        open[i] = false;
        ::shutdown(to, SHUT_WR);
        if (n < 0) open[0] = open[1] = false;
      }
    }
  }
  ::close(upstream);
  ::close(client);
}

}  // namespace ac::test
