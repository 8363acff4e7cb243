#include "proxy/client_socket.hpp"

#include <poll.h>
#include <sys/socket.h>

#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <optional>

namespace ac {

namespace {
constexpr std::size_t kMaxHeadBytes = 256 * 1024;  // a head longer than this is not a client's
constexpr int kSliceMs = 100;
constexpr double kBodyIdleS = 60;  // silence in the middle of a request body
}  // namespace

bool ClientSocket::fill(const std::atomic<bool>* stop, double idle_s) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(idle_s);
  for (;;) {
    if (stop && stop->load()) return false;
    pollfd p{fd_, POLLIN, 0};
    int ready = ::poll(&p, 1, kSliceMs);
    if (ready < 0 && errno != EINTR) return false;
    if (ready > 0) {
      char data[16384];
      ssize_t got = ::recv(fd_, data, sizeof data, 0);
      if (got > 0) {
        buffer_.append(data, static_cast<std::size_t>(got));
        return true;
      }
      if (got == 0 || (errno != EINTR && errno != EAGAIN)) return false;
    }
    if (std::chrono::steady_clock::now() > deadline) return false;
  }
}

ClientSocket::Read ClientSocket::read_head(RequestHead& head, std::string& error, const std::atomic<bool>& stop,
                                           double idle_s) {
  for (;;) {
    // Empty lines before a request are allowed (RFC 9112 2.2).
    while (buffer_.size() >= 2 && buffer_.compare(0, 2, "\r\n") == 0) buffer_.erase(0, 2);
    while (!buffer_.empty() && buffer_[0] == '\n') buffer_.erase(0, 1);
    std::size_t end = buffer_.find("\r\n\r\n");
    std::size_t skip = 4;
    if (end == std::string::npos) {
      end = buffer_.find("\n\n");
      skip = 2;
    }
    if (end != std::string::npos) {
      const bool ok = parse_request_head(std::string_view(buffer_).substr(0, end), head, error);
      buffer_.erase(0, end + skip);
      return ok ? Read::Ok : Read::Bad;
    }
    if (buffer_.size() > kMaxHeadBytes) {
      error = "a request head longer than 256 KiB";
      return Read::Bad;
    }
    // A request that has begun is read to its end even when a stop comes meanwhile.
    if (!fill(buffer_.empty() ? &stop : nullptr, buffer_.empty() ? idle_s : kBodyIdleS)) return Read::Closed;
  }
}

bool ClientSocket::read_exact(std::size_t count, std::string& out) {
  while (buffer_.size() < count)
    if (!fill(nullptr, kBodyIdleS)) return false;
  out.append(buffer_, 0, count);
  buffer_.erase(0, count);
  return true;
}

bool ClientSocket::read_line(std::string& line) {
  for (;;) {
    std::size_t end = buffer_.find('\n');
    if (end != std::string::npos) {
      line.assign(buffer_, 0, end);
      if (!line.empty() && line.back() == '\r') line.pop_back();
      buffer_.erase(0, end + 1);
      return true;
    }
    if (buffer_.size() > kMaxHeadBytes || !fill(nullptr, kBodyIdleS)) return false;
  }
}

bool ClientSocket::read_body(const RequestHead& head, std::string& body, std::string& error, std::size_t max_bytes,
                             bool& too_long) {
  too_long = false;
  body.clear();
  bool chunked = false;
  std::optional<std::string> length;
  bool expect_continue = false;
  for (const auto& h : head.headers) {
    if (iequals(h.name, "transfer-encoding")) chunked = chunked || has_token(h.value, "chunked");
    if (iequals(h.name, "content-length")) length = h.value;
    if (iequals(h.name, "expect")) expect_continue = has_token(h.value, "100-continue");
  }
  if (!chunked && !length) return true;
  std::size_t size = 0;
  if (!chunked) {
    char* end = nullptr;
    const unsigned long long parsed = std::strtoull(length->c_str(), &end, 10);
    if (length->empty() || *end != '\0') {
      error = "a malformed Content-Length '" + *length + "'";
      return false;
    }
    if (parsed > max_bytes) {
      too_long = true;
      error = "a request body of " + *length + " bytes, over the proxy's limit";
      return false;
    }
    size = static_cast<std::size_t>(parsed);
  }
  if (expect_continue && !send("HTTP/1.1 100 Continue\r\n\r\n")) {
    error = "the client went away";
    return false;
  }
  if (!chunked) {
    if (!read_exact(size, body)) {
      error = "the client sent " + std::to_string(buffer_.size()) + " of the " + std::to_string(size) +
              " body bytes it announced, then stopped";
      return false;
    }
    return true;
  }
  for (std::string line;;) {
    if (!read_line(line)) {
      error = "a chunked request body cut before its end";
      return false;
    }
    char* end = nullptr;
    const unsigned long long chunk = std::strtoull(line.c_str(), &end, 16);
    if (end == line.c_str() || (*end != '\0' && *end != ';' && *end != ' ')) {
      error = "a malformed chunk size line in the request body";
      return false;
    }
    if (chunk == 0) break;
    if (body.size() + chunk > max_bytes) {
      too_long = true;
      error = "a chunked request body over the proxy's limit";
      return false;
    }
    std::string crlf;
    if (!read_exact(static_cast<std::size_t>(chunk), body) || !read_line(crlf)) {
      error = "a chunked request body cut before its end";
      return false;
    }
  }
  for (std::string trailer;;) {  // trailers are dropped: the body's length is known now
    if (!read_line(trailer)) {
      error = "a chunked request body cut in its trailers";
      return false;
    }
    if (trailer.empty()) return true;
  }
}

bool ClientSocket::send(std::string_view bytes) {
  while (!bytes.empty()) {
    ssize_t sent = ::send(fd_, bytes.data(), bytes.size(), MSG_NOSIGNAL);
    if (sent < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    bytes.remove_prefix(static_cast<std::size_t>(sent));
  }
  return true;
}

bool ClientSocket::hung_up() const {
  pollfd p{fd_, POLLRDHUP, 0};
  return ::poll(&p, 1, 0) > 0 && (p.revents & (POLLRDHUP | POLLHUP | POLLERR));
}

}  // namespace ac
