#pragma once
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "model/header.hpp"

namespace ac::test {

// A request as the server read it.
struct RecordedRequest {
  std::string method;
  std::string target;   // as on the request line: path and query
  std::string path;     // target without the query
  std::string version;  // "HTTP/1.1"
  Headers headers;      // names as sent
  std::string body;     // de-chunked when sent chunked
  double at_ms = 0;     // when it was complete, in ms since the server started
};

// What the server does with one request: steps played in order on its connection. After the last
// step the server closes the connection (FIN) unless a step already closed, reset or stalled it.
class Script {
 public:
  struct Step {
    enum class Kind { Send, Pause, Close, Reset, Stall };
    Kind kind = Kind::Send;
    std::string bytes;  // Send
    int ms = 0;         // Pause
  };
  enum class Cut { Close, Reset, Stall };

  // A whole response: status line, the headers, then Content-Length and `Connection: close`
  // unless given, and the body.
  static Script reply(int status, Headers headers = {}, std::string body = "");
  static Script json(int status, std::string body, Headers extra = {});
  // The status line and headers exactly as given, nothing added; follow with send()/chunk().
  static Script head(int status, Headers headers = {});
  // A head with `Transfer-Encoding: chunked` (and `Connection: close`); follow with chunk()s and
  // end_chunks().
  static Script chunked(int status, Headers headers = {});
  // A head announcing the whole `body` (Content-Length), then only its first `send_bytes` bytes,
  // a short pause (so the client surely reads them), then `how`.
  static Script partial(int status, Headers headers, std::string body, std::size_t send_bytes, Cut how);
  static Script never_answer();  // reads the request, then stays silent with the connection open
  static Script garbage(std::string bytes = "SSH-2.0-OpenSSH_9.2 this is not HTTP\r\n\r\n");

  Script& send(std::string bytes);  // raw bytes
  Script& chunk(std::string data);  // one HTTP/1.1 chunk: size line, data, CRLF
  Script& end_chunks();             // the zero-size last chunk
  Script& pause(int ms);
  Script& close();  // FIN
  Script& reset();  // RST: SO_LINGER 0, then close
  Script& stall();  // nothing more, connection kept open until the client leaves or the server stops

  const std::vector<Step>& steps() const { return steps_; }

 private:
  std::vector<Step> steps_;
};

// A scriptable HTTP/1.1 test server on 127.0.0.1 (ephemeral port), for tests of anything that
// talks HTTP, including hostile peers. One thread and poll(): every connection follows its script
// step by step, so timing and ordering are deterministic. Each connection serves one request.
//
// The script for a request is, in order: the next one queued with enqueue(), else the handler's
// answer (the handler runs on the server thread), else the default script (200, `{}`).
class LocalServer {
 public:
  using Handler = std::function<Script(const RecordedRequest&)>;

  LocalServer();
  explicit LocalServer(Script every_request);
  explicit LocalServer(Handler handler);
  ~LocalServer();  // stops and joins; open connections are closed
  LocalServer(const LocalServer&) = delete;
  LocalServer& operator=(const LocalServer&) = delete;

  int port() const;
  std::string base_url() const;                  // "http://127.0.0.1:PORT"
  std::string url(const std::string& path) const;  // base_url() + path

  void set_script(Script every_request);
  void set_handler(Handler handler);
  void enqueue(Script next);  // used once, by the next request, before anything else

  int request_count() const;
  int connection_count() const;
  RecordedRequest last_request() const;  // empty (method "") when none came
  std::vector<RecordedRequest> requests() const;
  int in_flight() const;      // requests whose script is still playing
  int max_in_flight() const;  // the most at once since the start

  void stop();  // idempotent

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace ac::test
