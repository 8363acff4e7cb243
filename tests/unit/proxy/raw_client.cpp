#include "raw_client.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdlib>

namespace ac::test {

RawClient::RawClient(int port) {
  fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<uint16_t>(port));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd_, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
    ::close(fd_);
    fd_ = -1;
  }
}

RawClient::~RawClient() {
  if (fd_ >= 0) ::close(fd_);
}

bool RawClient::send(const std::string& bytes) {
  std::size_t done = 0;
  while (done < bytes.size()) {
    ssize_t n = ::send(fd_, bytes.data() + done, bytes.size() - done, MSG_NOSIGNAL);
    if (n <= 0) return false;
    done += static_cast<std::size_t>(n);
  }
  return true;
}

bool RawClient::fill(int timeout_ms) {
  pollfd p{fd_, POLLIN, 0};
  if (::poll(&p, 1, timeout_ms) <= 0) return false;
  char data[65536];
  ssize_t n = ::recv(fd_, data, sizeof data, 0);
  if (n <= 0) return false;
  buffer_.append(data, static_cast<std::size_t>(n));
  return true;
}

bool RawClient::line(std::string& out, int timeout_ms) {
  for (;;) {
    auto end = buffer_.find("\r\n");
    if (end != std::string::npos) {
      out = buffer_.substr(0, end);
      buffer_.erase(0, end + 2);
      return true;
    }
    if (!fill(timeout_ms)) return false;
  }
}

RawReply RawClient::read_head(int timeout_ms) {
  RawReply reply;
  if (!line(reply.status_line, timeout_ms)) {
    reply.closed = true;
    return reply;
  }
  reply.status = std::atoi(reply.status_line.substr(9, 3).c_str());
  for (std::string header; line(header, timeout_ms) && !header.empty();) {
    auto colon = header.find(':');
    std::string value = header.substr(colon + 1);
    while (!value.empty() && value[0] == ' ') value.erase(0, 1);
    reply.headers.push_back({header.substr(0, colon), value});
  }
  return reply;
}

std::string RawClient::read_chunk(int timeout_ms) {
  std::string size_line;
  if (!line(size_line, timeout_ms)) return "";
  std::size_t size = std::strtoul(size_line.c_str(), nullptr, 16);
  while (buffer_.size() < size + 2)
    if (!fill(timeout_ms)) return "";
  std::string data = buffer_.substr(0, size);
  buffer_.erase(0, size + 2);
  return data;
}

RawReply RawClient::read_reply(int timeout_ms, bool head_request) {
  RawReply reply = read_head(timeout_ms);
  if (reply.status == 0) return reply;
  auto te = find_header(reply.headers, "transfer-encoding");
  auto length = find_header(reply.headers, "content-length");
  if (head_request || reply.status == 204 || reply.status == 304) {
    reply.complete = true;
  } else if (te && te->find("chunked") != std::string::npos) {
    for (;;) {
      std::string size_line;
      if (!line(size_line, timeout_ms)) break;
      std::size_t size = std::strtoul(size_line.c_str(), nullptr, 16);
      if (size == 0) {
        std::string blank;
        reply.complete = line(blank, timeout_ms);
        break;
      }
      while (buffer_.size() < size + 2 && fill(timeout_ms)) {
      }
      if (buffer_.size() < size + 2) break;
      reply.chunks.push_back(buffer_.substr(0, size));
      reply.body += reply.chunks.back();
      buffer_.erase(0, size + 2);
    }
  } else if (length) {
    std::size_t size = std::strtoul(length->c_str(), nullptr, 10);
    while (buffer_.size() < size && fill(timeout_ms)) {
    }
    reply.body = buffer_.substr(0, size);
    buffer_.erase(0, reply.body.size());
    reply.complete = reply.body.size() == size;
  } else {
    while (fill(timeout_ms)) {
    }
    reply.body = buffer_;
    buffer_.clear();
    reply.complete = true;
  }
  if (!reply.complete ||
      (find_header(reply.headers, "connection") && *find_header(reply.headers, "connection") == "close")) {
    pollfd p{fd_, POLLIN, 0};
    char probe;
    reply.closed = ::poll(&p, 1, timeout_ms) > 0 && ::recv(fd_, &probe, 1, MSG_PEEK) == 0;
  }
  return reply;
}

std::string http_request(const std::string& method, const std::string& target, const Headers& headers,
                         const std::string& body) {
  std::string text = method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n";
  for (const auto& h : headers) text += h.name + ": " + h.value + "\r\n";
  if (!body.empty() || method == "POST") text += "Content-Length: " + std::to_string(body.size()) + "\r\n";
  return text + "\r\n" + body;
}

}  // namespace ac::test
