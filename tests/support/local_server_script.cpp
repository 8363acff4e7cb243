#include <cstdio>

#include "support/local_server.hpp"

namespace ac::test {
namespace {

const char* reason_phrase(int status) {
  switch (status) {
    case 100: return "Continue";
    case 200: return "OK";
    case 201: return "Created";
    case 204: return "No Content";
    case 301: return "Moved Permanently";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 413: return "Payload Too Large";
    case 429: return "Too Many Requests";
    case 500: return "Internal Server Error";
    case 502: return "Bad Gateway";
    case 503: return "Service Unavailable";
    case 529: return "Overloaded";
    default: return "Status";
  }
}

std::string head_text(int status, const Headers& headers) {
  std::string text = "HTTP/1.1 " + std::to_string(status) + " " + reason_phrase(status) + "\r\n";
  for (const auto& h : headers) text += h.name + ": " + h.value + "\r\n";
  return text + "\r\n";
}

void add_unless_present(Headers& headers, const std::string& name, const std::string& value) {
  if (!find_header(headers, name)) headers.push_back({name, value});
}

}  // namespace

Script Script::head(int status, Headers headers) {
  Script script;
  script.send(head_text(status, headers));
  return script;
}

Script Script::reply(int status, Headers headers, std::string body) {
  add_unless_present(headers, "Content-Length", std::to_string(body.size()));
  add_unless_present(headers, "Connection", "close");
  Script script = head(status, headers);
  if (!body.empty()) script.send(std::move(body));
  return script;
}

Script Script::json(int status, std::string body, Headers extra) {
  add_unless_present(extra, "Content-Type", "application/json");
  return reply(status, std::move(extra), std::move(body));
}

Script Script::chunked(int status, Headers headers) {
  add_unless_present(headers, "Transfer-Encoding", "chunked");
  add_unless_present(headers, "Connection", "close");
  return head(status, std::move(headers));
}

Script Script::partial(int status, Headers headers, std::string body, std::size_t send_bytes, Cut how) {
  add_unless_present(headers, "Content-Length", std::to_string(body.size()));
  add_unless_present(headers, "Connection", "close");
  Script script = head(status, headers);
  script.send(body.substr(0, send_bytes)).pause(100);
  switch (how) {
    case Cut::Close: return script.close();
    case Cut::Reset: return script.reset();
    case Cut::Stall: return script.stall();
  }
  return script;
}

Script Script::never_answer() { return Script().stall(); }

Script Script::garbage(std::string bytes) { return Script().send(std::move(bytes)).close(); }

Script& Script::send(std::string bytes) {
  Step step;
  step.kind = Step::Kind::Send;
  step.bytes = std::move(bytes);
  steps_.push_back(std::move(step));
  return *this;
}

Script& Script::chunk(std::string data) {
  if (data.empty()) return *this;  // a zero-size chunk would end the body; end_chunks() says that
  char size[32];
  std::snprintf(size, sizeof size, "%zx\r\n", data.size());
  return send(size + data + "\r\n");
}

Script& Script::end_chunks() { return send("0\r\n\r\n"); }

Script& Script::pause(int ms) {
  Step step;
  step.kind = Step::Kind::Pause;
  step.ms = ms;
  steps_.push_back(step);
  return *this;
}

Script& Script::close() {
  steps_.push_back({Step::Kind::Close, "", 0});
  return *this;
}

Script& Script::reset() {
  steps_.push_back({Step::Kind::Reset, "", 0});
  return *this;
}

Script& Script::stall() {
  steps_.push_back({Step::Kind::Stall, "", 0});
  return *this;
}

}  // namespace ac::test
