#include "proxy/proxy_server.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>

#include "util/utc_time.hpp"

namespace ac {

namespace {
constexpr int kSendTimeoutS = 120;  // a client that reads nothing of its reply this long is dropped
}  // namespace

ProxyServer::ProxyServer(ProxyOptions options, OnExchange on_exchange)
    : options_(std::move(options)), on_exchange_(std::move(on_exchange)) {
  // The client's path follows the target's own: "https://gw.example/api" + "/v1/messages".
  for (std::string* url : {&options_.forward.target, &options_.record_target})
    while (!url->empty() && url->back() == '/') url->pop_back();
}

ProxyServer::~ProxyServer() { stop(0); }

int ProxyServer::start(const std::string& host, int port, std::string& error) {
  listen_fd_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (listen_fd_ < 0) {
    error = std::strerror(errno);
    return -1;
  }
  int yes = 1;
  ::setsockopt(listen_fd_, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<uint16_t>(port));
  if (::inet_pton(AF_INET, host.c_str(), &address.sin_addr) != 1) {
    error = "'" + host + "' is not an IPv4 address";
  } else if (::bind(listen_fd_, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
             ::listen(listen_fd_, 128) != 0) {
    error = std::strerror(errno);
  }
  if (!error.empty()) {
    ::close(listen_fd_);
    listen_fd_ = -1;
    return -1;
  }
  socklen_t length = sizeof address;
  ::getsockname(listen_fd_, reinterpret_cast<sockaddr*>(&address), &length);
  acceptor_ = std::thread([this] { accept_loop(); });
  return ntohs(address.sin_port);
}

void ProxyServer::accept_loop() {
  while (!stopping_) {
    {
      // Threads whose connection ended are joined here, so a long session does not keep them all.
      std::unique_lock<std::mutex> lock(mutex_);
      for (auto id : finished_)
        for (auto it = threads_.begin(); it != threads_.end(); ++it)
          if (it->get_id() == id) {
            it->join();
            threads_.erase(it);
            break;
          }
      finished_.clear();
      // At the connection limit, a new client waits in the listen backlog until one closes.
      changed_.wait_for(lock, std::chrono::milliseconds(100),
                        [this] { return stopping_ || open_connections_ < options_.connections; });
      if (stopping_ || open_connections_ >= options_.connections) continue;
    }
    pollfd p{listen_fd_, POLLIN, 0};
    if (::poll(&p, 1, 100) <= 0) continue;
    int fd = ::accept4(listen_fd_, nullptr, nullptr, SOCK_CLOEXEC);
    if (fd < 0) continue;
    int yes = 1;
    ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &yes, sizeof yes);  // each relayed chunk leaves at once
    timeval send_timeout{kSendTimeoutS, 0};
    ::setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &send_timeout, sizeof send_timeout);
    std::lock_guard<std::mutex> lock(mutex_);
    ++open_connections_;
    open_fds_.insert(fd);
    threads_.emplace_back([this, fd] {
      serve(fd);
      std::lock_guard<std::mutex> done(mutex_);
      ::close(fd);
      open_fds_.erase(fd);
      --open_connections_;
      finished_.push_back(std::this_thread::get_id());
      changed_.notify_all();
    });
  }
}

void ProxyServer::serve(int fd) {
  ClientSocket client(fd);
  CURL* easy = curl_easy_init();
  for (bool keep_alive = true; keep_alive;) {
    RequestHead head;
    std::string error;
    const ClientSocket::Read read = client.read_head(head, error, stopping_, options_.idle_s);
    if (read == ClientSocket::Read::Closed) break;
    if (read == ClientSocket::Read::Bad) {
      client.send(
          proxy_error_reply(400, "Bad Request", "invalid_request_error", "not an HTTP request: " + error, true));
      break;
    }
    ++in_flight_;
    ExchangeRecord record;
    record.sequence = ++sequence_;
    record.started_at = utc_now_rfc3339(true);
    record.target = options_.record_target;
    record.method = head.method;
    record.path = head.target;
    record.request_headers = head.headers;
    bool too_long = false;
    const bool close_after = wants_close(head);
    if (!client.read_body(head, record.request_body, error, options_.max_request_bytes, too_long)) {
      record.error = "the client's request could not be read: " + error;
      if (too_long) client.send(proxy_error_reply(413, "Payload Too Large", "request_too_large", error, true));
      finish(record);
      break;
    }
    keep_alive = forward_exchange(easy, options_.forward, head, record.request_body, close_after, client, cut_, record);
    finish(record);
  }
  curl_easy_cleanup(easy);
}

void ProxyServer::finish(ExchangeRecord& record) {
  if (on_exchange_) on_exchange_(std::move(record));
  --in_flight_;
}

void ProxyServer::stop(double grace_s) {
  if (listen_fd_ < 0) return;
  stopping_ = true;
  changed_.notify_all();
  if (acceptor_.joinable()) acceptor_.join();
  ::close(listen_fd_);
  listen_fd_ = -1;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(grace_s);
  while (in_flight_ > 0 && std::chrono::steady_clock::now() < deadline)
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  cut_ = true;
  std::list<std::thread> threads;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    threads.swap(threads_);
    // A client that reads nothing of its reply would hold its thread in send() until the timeout.
    for (int fd : open_fds_) ::shutdown(fd, SHUT_RDWR);
  }
  for (auto& t : threads) t.join();
}

}  // namespace ac
