#include "sim_client.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <chrono>

namespace ac::sim::test {
namespace {

std::string lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

struct Received {
  std::string bytes;
  std::vector<std::pair<std::size_t, double>> marks;  // (bytes so far, ms) per recv
  bool timed_out = false;
};

Received read_all(int fd, int idle_timeout_ms) {
  Received in;
  auto start = std::chrono::steady_clock::now();
  char buffer[65536];
  for (;;) {
    pollfd p{fd, POLLIN, 0};
    int ready = ::poll(&p, 1, idle_timeout_ms);
    if (ready <= 0) {
      in.timed_out = ready == 0;
      break;
    }
    ssize_t n = ::recv(fd, buffer, sizeof buffer, 0);
    if (n <= 0) break;
    in.bytes.append(buffer, static_cast<std::size_t>(n));
    double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    in.marks.emplace_back(in.bytes.size(), ms);
  }
  return in;
}

double time_of(const Received& in, std::size_t offset) {
  for (const auto& mark : in.marks) {
    if (mark.first >= offset) return mark.second;
  }
  return in.marks.empty() ? 0 : in.marks.back().second;
}

void decode_chunked(const Received& in, std::size_t pos, RawResponse& out) {
  const std::string& s = in.bytes;
  for (;;) {
    auto line_end = s.find("\r\n", pos);
    if (line_end == std::string::npos) return;
    std::size_t size = std::stoul(s.substr(pos, line_end - pos), nullptr, 16);
    pos = line_end + 2;
    if (size == 0) {
      out.complete = true;
      return;
    }
    if (pos + size > s.size()) {
      out.body += s.substr(pos);
      return;
    }
    out.chunks.push_back(s.substr(pos, size));
    out.chunk_ms.push_back(time_of(in, pos + size));
    out.body += out.chunks.back();
    pos += size + 2;
  }
}

}  // namespace

std::string RawResponse::header(const std::string& name) const {
  auto it = headers.find(lower(name));
  return it == headers.end() ? "" : it->second;
}

RawResponse raw_request(int port, const std::string& method, const std::string& path,
                        const HeaderList& headers, const std::string& body, int idle_timeout_ms) {
  RawResponse out;
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    ::close(fd);
    return out;
  }
  out.connected = true;
  std::string request = method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n";
  for (const auto& h : headers) request += h.first + ": " + h.second + "\r\n";
  if (!body.empty() || method == "POST") request += "Content-Length: " + std::to_string(body.size()) + "\r\n";
  request += "\r\n" + body;
  std::size_t sent = 0;
  while (sent < request.size()) {
    ssize_t n = ::send(fd, request.data() + sent, request.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) break;
    sent += static_cast<std::size_t>(n);
  }
  Received in = read_all(fd, idle_timeout_ms);
  ::close(fd);
  out.timed_out = in.timed_out;
  auto head_end = in.bytes.find("\r\n\r\n");
  if (head_end == std::string::npos) return out;
  std::string head = in.bytes.substr(0, head_end);
  out.status = std::atoi(head.c_str() + head.find(' ') + 1);
  std::size_t line = head.find("\r\n");
  while (line != std::string::npos) {
    std::size_t next = head.find("\r\n", line + 2);
    std::string field = head.substr(line + 2, next == std::string::npos ? std::string::npos : next - line - 2);
    auto colon = field.find(':');
    if (colon != std::string::npos) {
      std::string value = field.substr(colon + 1);
      value.erase(0, value.find_first_not_of(' '));
      out.headers.emplace(lower(field.substr(0, colon)), value);
    }
    line = next;
  }
  if (lower(out.header("transfer-encoding")) == "chunked") {
    decode_chunked(in, head_end + 4, out);
  } else {
    out.body = in.bytes.substr(head_end + 4);
    std::string length = out.header("content-length");
    out.complete = !length.empty() && out.body.size() == std::stoul(length);
  }
  return out;
}

HeaderList api_headers(const std::string& key) {
  return {{"x-api-key", key}, {"anthropic-version", "2023-06-01"}, {"content-type", "application/json"}};
}

std::vector<Event> parse_sse(const std::string& body) {
  std::vector<Event> events;
  Event current;
  bool has_data = false;
  bool any_field = false;
  std::size_t pos = 0;
  while (pos < body.size()) {
    std::size_t end = body.find_first_of("\r\n", pos);
    if (end == std::string::npos) break;  // an unterminated last line is not an event
    std::string line = body.substr(pos, end - pos);
    pos = end + (body.compare(end, 2, "\r\n") == 0 ? 2 : 1);
    if (line.empty()) {
      if (any_field) events.push_back(current);
      current = Event{};
      has_data = any_field = false;
      continue;
    }
    if (line[0] == ':') continue;
    auto colon = line.find(':');
    std::string field = line.substr(0, colon);
    std::string value = colon == std::string::npos ? "" : line.substr(colon + 1);
    if (!value.empty() && value[0] == ' ') value.erase(0, 1);
    any_field = true;
    if (field == "event") current.name = value;
    if (field == "data") {
      current.data += (has_data ? "\n" : "") + value;
      has_data = true;
    }
  }
  return events;
}

rapidjson::Document parse_json(const std::string& text) {
  rapidjson::Document doc;
  doc.Parse(text.c_str(), text.size());
  return doc;
}

}  // namespace ac::sim::test
