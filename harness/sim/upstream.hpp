#pragma once
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace ac::sim {

// One request a gateway forwarded to the upstream, and what the upstream answered it.
struct ForwardedExchange {
  std::string marker;  // the case's correlation marker found in it; "" = none
  std::string method;
  std::string path;                                          // without the query
  std::vector<std::pair<std::string, std::string>> headers;  // as received (the caller redacts)
  std::string body;                                          // as received
  std::string body_unmarked;  // the JSON body without markers (re-serialised); "" when not JSON
  int reply_status = 0;       // 0: no reply (unreachable)
  std::string fault;          // the fault applied ("status", "cut"...), "" for a reply
  std::string reply_body;     // what was sent (a stream's bytes, up to a cut)
};

struct UpstreamOptions {
  std::string dialect = "openai";        // openai | anthropic (harness/sim/upstreams/*.yaml)
  std::string api_key = "sim-test-key";  // the anthropic upstream is the reference: only this key
  double pace_ms = 2;                    // between stream writes
  std::size_t connections = 32;          // served at once (stalls hold one each)
  std::size_t max_kept = 64 * 1024;      // body bytes kept per forwarded request and reply
};

// The upstream simulator of upstream mode (docs/upstream.md): answers a gateway's forwarded
// requests on a fixed 127.0.0.1 port as OpenAI Chat Completions or the Anthropic Messages API,
// following each case's script (found by its marker), and records what arrived.
class Upstream {
 public:
  explicit Upstream(UpstreamOptions options);
  ~Upstream();
  Upstream(const Upstream&) = delete;
  Upstream& operator=(const Upstream&) = delete;

  // Binds host:port (host must be 127.0.0.1, port 1-65535) and serves; false with `error` set
  // (unknown dialect, another host, port in use).
  bool start(const std::string& host, int port, std::string& error);
  void stop();
  const std::string& dialect() const;

  // Announces a marker about to be sent, with its case's script (JSON text, "" = default reply).
  // Returns an error for a script it cannot read (the marker is then answered by default).
  std::optional<std::string> expect(const std::string& marker, const std::string& script_json);
  // The forwarded requests that carried `marker`, in arrival order; the marker is forgotten (a
  // later arrival with it is unmatched).
  std::vector<ForwardedExchange> take(const std::string& marker);
  // The forwarded requests no announced marker tied to a case, since the last call.
  std::vector<ForwardedExchange> take_unmatched();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// "127.0.0.1:8788" -> host and port; false with `error` for anything else.
bool parse_listen_address(const std::string& text, std::string& host, int& port, std::string& error);

}  // namespace ac::sim
