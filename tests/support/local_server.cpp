#include "support/local_server.hpp"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <deque>
#include <list>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <thread>

namespace ac::test {
namespace {

using Clock = std::chrono::steady_clock;

[[noreturn]] void fail(const std::string& what) {
  throw std::runtime_error("LocalServer: " + what + ": " + std::strerror(errno));
}

void set_nonblocking(int fd) { fcntl(fd, F_SETFL, fcntl(fd, F_GETFL, 0) | O_NONBLOCK); }

std::string trim(const std::string& text) {
  auto first = text.find_first_not_of(" \t");
  if (first == std::string::npos) return "";
  return text.substr(first, text.find_last_not_of(" \t") - first + 1);
}

// The body of a chunked request once all of it is in `data` (from `start`); nullopt until then.
std::optional<std::string> dechunk(const std::string& data, std::size_t start) {
  std::string body;
  std::size_t at = start;
  while (true) {
    auto line_end = data.find("\r\n", at);
    if (line_end == std::string::npos) return std::nullopt;
    std::size_t size = std::strtoul(data.c_str() + at, nullptr, 16);
    at = line_end + 2;
    if (size == 0) {
      // Trailers end with an empty line; without trailers that is the very next CRLF.
      return data.find("\r\n", at) == std::string::npos ? std::nullopt : std::optional<std::string>(body);
    }
    if (data.size() < at + size + 2) return std::nullopt;
    body.append(data, at, size);
    at += size + 2;
  }
}

// A complete request parsed out of `data`, or nullopt while more bytes are needed.
std::optional<RecordedRequest> parse_request(const std::string& data) {
  auto head_end = data.find("\r\n\r\n");
  if (head_end == std::string::npos) return std::nullopt;
  RecordedRequest request;
  std::size_t line_start = 0;
  bool first = true;
  while (line_start < head_end) {
    auto line_end = data.find("\r\n", line_start);
    std::string line = data.substr(line_start, line_end - line_start);
    line_start = line_end + 2;
    if (first) {
      first = false;
      auto a = line.find(' ');
      auto b = line.rfind(' ');
      request.method = line.substr(0, a);
      if (a != std::string::npos && b > a) {
        request.target = line.substr(a + 1, b - a - 1);
        request.version = line.substr(b + 1);
      }
      request.path = request.target.substr(0, request.target.find('?'));
      continue;
    }
    auto colon = line.find(':');
    if (colon == std::string::npos) continue;
    request.headers.push_back({line.substr(0, colon), trim(line.substr(colon + 1))});
  }
  std::size_t body_start = head_end + 4;
  auto encoding = find_header(request.headers, "transfer-encoding");
  if (encoding && encoding->find("chunked") != std::string::npos) {
    auto body = dechunk(data, body_start);
    if (!body) return std::nullopt;
    request.body = std::move(*body);
    return request;
  }
  std::size_t length = 0;
  if (auto text = find_header(request.headers, "content-length")) length = std::strtoul(text->c_str(), nullptr, 10);
  if (data.size() < body_start + length) return std::nullopt;
  request.body = data.substr(body_start, length);
  return request;
}

struct Connection {
  int fd = -1;
  std::string received;
  bool answering = false;   // the request is in; the script plays
  bool finished = false;    // script over (FIN sent or stalled): only waiting for the client to leave
  bool counted = false;     // counted in in_flight
  Script script;
  std::size_t step = 0;
  std::size_t offset = 0;   // bytes of the current Send step already written
  std::optional<Clock::time_point> resume_at;  // during a Pause step
};

}  // namespace

struct LocalServer::State {
  mutable std::mutex mutex;  // guards everything below it that the test thread reads
  Script default_script = Script::json(200, "{}");
  Handler handler;
  std::deque<Script> queued;
  std::vector<RecordedRequest> requests;
  int connections = 0;
  int in_flight = 0;
  int max_in_flight = 0;

  int listen_fd = -1;
  int wake_pipe[2] = {-1, -1};
  int port = 0;
  Clock::time_point started = Clock::now();
  std::list<Connection> open;  // server thread only
  std::thread thread;
  bool stopped = false;

  void start();
  void loop();
  void accept_all();
  void read_from(Connection& c);
  void begin_answer(Connection& c, RecordedRequest request);
  void play(Connection& c, Clock::time_point now);
  void end_answer(Connection& c);
  void drop(Connection& c);
  int poll_timeout(Clock::time_point now) const;
};

void LocalServer::State::start() {
  listen_fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (listen_fd < 0) fail("socket");
  int on = 1;
  setsockopt(listen_fd, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);  // never reachable from outside the machine
  address.sin_port = 0;
  if (bind(listen_fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) fail("bind 127.0.0.1:0");
  if (listen(listen_fd, 1024) != 0) fail("listen");
  socklen_t size = sizeof address;
  getsockname(listen_fd, reinterpret_cast<sockaddr*>(&address), &size);
  port = ntohs(address.sin_port);
  set_nonblocking(listen_fd);
  if (pipe2(wake_pipe, O_CLOEXEC | O_NONBLOCK) != 0) fail("pipe");
  thread = std::thread([this] { loop(); });
}

int LocalServer::State::poll_timeout(Clock::time_point now) const {
  std::optional<Clock::time_point> next;
  for (const auto& c : open) {
    if (c.resume_at && (!next || *c.resume_at < *next)) next = c.resume_at;
  }
  if (!next) return -1;
  auto ms = std::chrono::ceil<std::chrono::milliseconds>(*next - now).count();
  return static_cast<int>(std::max<long long>(0, ms));
}

void LocalServer::State::loop() {
  while (true) {
    std::vector<pollfd> fds;
    fds.push_back({wake_pipe[0], POLLIN, 0});
    fds.push_back({listen_fd, POLLIN, 0});
    for (auto& c : open) {
      bool writing = c.answering && !c.finished && c.step < c.script.steps().size() &&
                     c.script.steps()[c.step].kind == Script::Step::Kind::Send;
      fds.push_back({c.fd, static_cast<short>(POLLIN | (writing ? POLLOUT : 0)), 0});
    }
    poll(fds.data(), fds.size(), poll_timeout(Clock::now()));
    if (fds[0].revents) return;  // stop() wrote to the pipe
    if (fds[1].revents & POLLIN) accept_all();
    std::size_t index = 2;
    auto now = Clock::now();
    for (auto it = open.begin(); it != open.end();) {
      Connection& c = *it;
      short events = index < fds.size() && fds[index].fd == c.fd ? fds[index].revents : 0;
      ++index;
      if (events & (POLLIN | POLLHUP | POLLERR)) read_from(c);
      if (c.fd >= 0 && c.answering && !c.finished) play(c, now);
      it = c.fd < 0 ? open.erase(it) : std::next(it);
    }
  }
}

void LocalServer::State::accept_all() {
  while (true) {
    int fd = accept4(listen_fd, nullptr, nullptr, SOCK_CLOEXEC | SOCK_NONBLOCK);
    if (fd < 0) return;
    Connection c;
    c.fd = fd;
    open.push_back(std::move(c));
    std::lock_guard<std::mutex> lock(mutex);
    ++connections;
  }
}

void LocalServer::State::read_from(Connection& c) {
  char buffer[65536];
  ssize_t got = recv(c.fd, buffer, sizeof buffer, 0);
  if (got < 0 && (errno == EAGAIN || errno == EINTR)) return;
  if (got <= 0) {  // the client left (or reset): nothing more can be sent
    drop(c);
    return;
  }
  if (c.answering) return;  // bytes after the request (pipelining) are not served
  c.received.append(buffer, static_cast<std::size_t>(got));
  if (auto request = parse_request(c.received)) begin_answer(c, std::move(*request));
}

void LocalServer::State::begin_answer(Connection& c, RecordedRequest request) {
  request.at_ms = std::chrono::duration<double, std::milli>(Clock::now() - started).count();
  std::optional<Script> chosen;
  Handler current_handler;
  {
    std::lock_guard<std::mutex> lock(mutex);
    requests.push_back(request);
    ++in_flight;
    max_in_flight = std::max(max_in_flight, in_flight);
    if (!queued.empty()) {
      chosen = std::move(queued.front());
      queued.pop_front();
    } else if (handler) {
      current_handler = handler;
    } else {
      chosen = default_script;
    }
  }
  // The handler runs without the lock so that it may call request_count() and friends.
  c.script = chosen ? std::move(*chosen) : current_handler(request);
  c.answering = true;
  c.counted = true;
}

void LocalServer::State::play(Connection& c, Clock::time_point now) {
  const auto& steps = c.script.steps();
  while (c.step < steps.size()) {
    const Script::Step& step = steps[c.step];
    switch (step.kind) {
      case Script::Step::Kind::Send: {
        while (c.offset < step.bytes.size()) {
          ssize_t sent = ::send(c.fd, step.bytes.data() + c.offset, step.bytes.size() - c.offset, MSG_NOSIGNAL);
          if (sent < 0 && (errno == EAGAIN || errno == EINTR)) return;  // poll says when to go on
          if (sent < 0) {
            drop(c);
            return;
          }
          c.offset += static_cast<std::size_t>(sent);
        }
        c.offset = 0;
        break;
      }
      case Script::Step::Kind::Pause:
        if (!c.resume_at) c.resume_at = now + std::chrono::milliseconds(step.ms);
        if (now < *c.resume_at) return;
        c.resume_at.reset();
        break;
      case Script::Step::Kind::Close:
        end_answer(c);
        return;
      case Script::Step::Kind::Reset: {
        linger hard{1, 0};  // closing with a zero linger time sends RST instead of FIN
        setsockopt(c.fd, SOL_SOCKET, SO_LINGER, &hard, sizeof hard);
        drop(c);
        return;
      }
      case Script::Step::Kind::Stall:
        // Still in flight: a stalled answer is one the client is waiting for.
        c.finished = true;
        return;
    }
    ++c.step;
  }
  end_answer(c);
}

void LocalServer::State::end_answer(Connection& c) {
  // FIN now; the socket is closed when the client leaves, so unread client bytes cause no RST.
  shutdown(c.fd, SHUT_WR);
  c.finished = true;
  if (c.counted) {
    c.counted = false;
    std::lock_guard<std::mutex> lock(mutex);
    --in_flight;
  }
}

void LocalServer::State::drop(Connection& c) {
  if (c.counted) {
    c.counted = false;
    std::lock_guard<std::mutex> lock(mutex);
    --in_flight;
  }
  if (c.fd >= 0) ::close(c.fd);
  c.fd = -1;
}

LocalServer::LocalServer() : state_(std::make_unique<State>()) { state_->start(); }

LocalServer::LocalServer(Script every_request) : state_(std::make_unique<State>()) {
  state_->default_script = std::move(every_request);
  state_->start();
}

LocalServer::LocalServer(Handler handler) : state_(std::make_unique<State>()) {
  state_->handler = std::move(handler);
  state_->start();
}

LocalServer::~LocalServer() {
  stop();
  for (auto& c : state_->open) {
    if (c.fd >= 0) ::close(c.fd);
  }
  for (int fd : {state_->listen_fd, state_->wake_pipe[0], state_->wake_pipe[1]}) {
    if (fd >= 0) ::close(fd);
  }
}

void LocalServer::stop() {
  if (state_->stopped) return;
  state_->stopped = true;
  char byte = 1;
  (void)!write(state_->wake_pipe[1], &byte, 1);
  if (state_->thread.joinable()) state_->thread.join();
}

int LocalServer::port() const { return state_->port; }
std::string LocalServer::base_url() const { return "http://127.0.0.1:" + std::to_string(state_->port); }
std::string LocalServer::url(const std::string& path) const { return base_url() + path; }

void LocalServer::set_script(Script every_request) {
  std::lock_guard<std::mutex> lock(state_->mutex);
  state_->handler = nullptr;
  state_->default_script = std::move(every_request);
}

void LocalServer::set_handler(Handler handler) {
  std::lock_guard<std::mutex> lock(state_->mutex);
  state_->handler = std::move(handler);
}

void LocalServer::enqueue(Script next) {
  std::lock_guard<std::mutex> lock(state_->mutex);
  state_->queued.push_back(std::move(next));
}

int LocalServer::request_count() const {
  std::lock_guard<std::mutex> lock(state_->mutex);
  return static_cast<int>(state_->requests.size());
}

int LocalServer::connection_count() const {
  std::lock_guard<std::mutex> lock(state_->mutex);
  return state_->connections;
}

RecordedRequest LocalServer::last_request() const {
  std::lock_guard<std::mutex> lock(state_->mutex);
  return state_->requests.empty() ? RecordedRequest{} : state_->requests.back();
}

std::vector<RecordedRequest> LocalServer::requests() const {
  std::lock_guard<std::mutex> lock(state_->mutex);
  return state_->requests;
}

int LocalServer::in_flight() const {
  std::lock_guard<std::mutex> lock(state_->mutex);
  return state_->in_flight;
}

int LocalServer::max_in_flight() const {
  std::lock_guard<std::mutex> lock(state_->mutex);
  return state_->max_in_flight;
}

}  // namespace ac::test
