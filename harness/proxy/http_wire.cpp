#include "proxy/http_wire.hpp"

#include <cstdio>

#include "util/trim.hpp"

namespace ac {

namespace {

// Spaces and tabs around a value, and a stray CR left before the line's end.
constexpr std::string_view kBlanks = " \t\r";

bool is_token_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
         std::string_view("!#$%&'*+-.^_`|~").find(c) != std::string_view::npos;
}

}  // namespace

bool parse_request_head(std::string_view text, RequestHead& out, std::string& error) {
  out = RequestHead{};
  std::size_t line_end = text.find('\n');
  std::string_view line = text.substr(0, line_end);
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  const std::size_t first = line.find(' ');
  const std::size_t last = line.rfind(' ');
  if (first == std::string_view::npos || first == last) {
    error = "a malformed request line (METHOD TARGET HTTP/1.1 expected)";
    return false;
  }
  out.method = std::string(line.substr(0, first));
  out.target = std::string(line.substr(first + 1, last - first - 1));
  out.version = std::string(line.substr(last + 1));
  for (char c : out.method)
    if (!is_token_char(c)) {
      error = "a malformed method in the request line";
      return false;
    }
  if (out.version != "HTTP/1.1" && out.version != "HTTP/1.0") {
    error = "an unsupported HTTP version '" + out.version + "' (HTTP/1.1 or HTTP/1.0 expected)";
    return false;
  }
  if (out.target.empty() || out.target[0] != '/') {
    error = "a request target that is not a path ('" + out.target + "'): point the client's base URL at the proxy";
    return false;
  }
  while (line_end != std::string_view::npos) {
    const std::size_t start = line_end + 1;
    line_end = text.find('\n', start);
    line = text.substr(start, line_end == std::string_view::npos ? std::string_view::npos : line_end - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) continue;
    if (line[0] == ' ' || line[0] == '\t') {  // obsolete line folding: a continuation of the last value
      if (out.headers.empty()) {
        error = "a header continuation line before any header";
        return false;
      }
      out.headers.back().value += " " + std::string(trim(line, kBlanks));
      continue;
    }
    const std::size_t colon = line.find(':');
    if (colon == std::string_view::npos || colon == 0) {
      error = "a malformed header line (NAME: VALUE expected)";
      return false;
    }
    std::string_view name = line.substr(0, colon);
    for (char c : name)
      if (!is_token_char(c)) {
        error = "a malformed header name";
        return false;
      }
    out.headers.push_back({std::string(name), std::string(trim(line.substr(colon + 1), kBlanks))});
  }
  return true;
}

bool has_token(std::string_view list, std::string_view token) {
  while (!list.empty()) {
    const std::size_t comma = list.find(',');
    if (iequals(trim(list.substr(0, comma), kBlanks), token)) return true;
    if (comma == std::string_view::npos) break;
    list.remove_prefix(comma + 1);
  }
  return false;
}

bool is_hop_by_hop(std::string_view name, const Headers& message_headers) {
  for (const char* fixed :
       {"connection", "keep-alive", "proxy-connection", "te", "trailer", "transfer-encoding", "upgrade"})
    if (iequals(name, fixed)) return true;
  for (const auto& h : message_headers)
    if (iequals(h.name, "connection") && has_token(h.value, name)) return true;
  return false;
}

bool wants_close(const RequestHead& head) {
  bool close = head.version == "HTTP/1.0";
  for (const auto& h : head.headers) {
    if (!iequals(h.name, "connection")) continue;
    if (has_token(h.value, "close")) return true;
    if (has_token(h.value, "keep-alive")) close = false;
  }
  return close;
}

std::string chunk_start(std::size_t size) {
  char line[32];
  std::snprintf(line, sizeof line, "%zx\r\n", size);
  return line;
}

}  // namespace ac
