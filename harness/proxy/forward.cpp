#include "proxy/forward.hpp"

#include <chrono>
#include <cstdlib>

#include "net/transfer_error.hpp"
#include "util/json_render.hpp"
#include "util/trim.hpp"

namespace ac {

namespace {

using Clock = std::chrono::steady_clock;

// How the reply's body travels to the client.
enum class Framing { None, Length, Chunked, UntilClose };

// Relays one reply from libcurl's callbacks to the client, recording it on the way.
class Relay {
 public:
  Relay(const RequestHead& head, bool close_after, ClientSocket& client, const std::atomic<bool>& cut,
        ExchangeRecord& record, Clock::time_point started)
      : head_(head), close_after_(close_after), client_(client), cut_(cut), record_(record), started_(started) {}

  static std::size_t on_header(char* data, std::size_t size, std::size_t count, void* self) {
    return static_cast<Relay*>(self)->header_line(std::string_view(data, size * count)) ? size * count : 0;
  }
  static std::size_t on_body(char* data, std::size_t size, std::size_t count, void* self) {
    return static_cast<Relay*>(self)->body(data, size * count) ? size * count : 0;
  }
  static int on_progress(void* self, curl_off_t, curl_off_t, curl_off_t, curl_off_t) {
    return static_cast<Relay*>(self)->keep_going() ? 0 : 1;
  }

  bool head_sent() const { return head_sent_; }
  bool client_gone() const { return client_gone_; }
  bool chunked() const { return framing_ == Framing::Chunked; }
  bool until_close() const { return framing_ == Framing::UntilClose; }
  const std::string& stopped_because() const { return stopped_because_; }
  double elapsed_ms() const { return std::chrono::duration<double, std::milli>(Clock::now() - started_).count(); }

 private:
  bool header_line(std::string_view line) {
    if (record_.first_byte_ms == 0) record_.first_byte_ms = elapsed_ms();
    while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.remove_suffix(1);
    if (head_sent_) return true;         // trailers of a chunked body: not forwarded (the body is what counts)
    if (line.substr(0, 5) == "HTTP/") {  // a new status line: an interim 1xx before it is forgotten
      const std::size_t space = line.find(' ');
      status_ = space == std::string_view::npos ? 0 : std::atoi(std::string(line.substr(space + 1, 3)).c_str());
      const std::size_t reason = space == std::string_view::npos ? std::string_view::npos : line.find(' ', space + 1);
      reason_ = reason == std::string_view::npos ? "" : std::string(line.substr(reason + 1));
      headers_.clear();
      raw_lines_.clear();
      return true;
    }
    if (line.empty()) return (status_ >= 100 && status_ < 200) ? true : send_head();
    if ((line[0] == ' ' || line[0] == '\t') && !headers_.empty()) {  // obsolete folding
      headers_.back().value += " " + std::string(trim(line));
      raw_lines_.back() += "\r\n" + std::string(line);
      return true;
    }
    const std::size_t colon = line.find(':');
    std::string name(line.substr(0, colon));
    std::string value;
    if (colon != std::string_view::npos) value = std::string(trim(line.substr(colon + 1)));
    headers_.push_back({std::move(name), std::move(value)});
    raw_lines_.emplace_back(line);
    return true;
  }

  Framing framing_for() const {
    if (head_.method == "HEAD" || status_ == 204 || status_ == 304) return Framing::None;
    bool chunked = false;
    for (const auto& h : headers_)
      if (iequals(h.name, "transfer-encoding")) chunked = true;
    if (!chunked && find_header(headers_, "content-length")) return Framing::Length;
    return head_.version == "HTTP/1.1" ? Framing::Chunked : Framing::UntilClose;
  }

  bool send_head() {
    head_sent_ = true;
    framing_ = framing_for();
    if (framing_ == Framing::Length)
      length_ = std::strtoull(find_header(headers_, "content-length")->c_str(), nullptr, 10);
    record_.status = status_;
    record_.response_headers = headers_;
    std::string text = "HTTP/1.1 " + std::to_string(status_) + (reason_.empty() ? "" : " " + reason_) + "\r\n";
    const bool closing = close_after_ || framing_ == Framing::UntilClose;
    const bool chunked = framing_ == Framing::Chunked;
    bool said_close = false, said_chunked = false;
    for (std::size_t i = 0; i < headers_.size(); ++i) {
      const std::string& name = headers_[i].name;
      if (is_hop_by_hop(name, headers_)) {
        // Our own framing headers where the target had its own: the client sees the target's order.
        if (closing && !said_close && iequals(name, "connection")) {
          text += name + ": close\r\n";
          said_close = true;
        } else if (chunked && !said_chunked && iequals(name, "transfer-encoding")) {
          text += name + ": chunked\r\n";
          said_chunked = true;
        }
        continue;
      }
      // A length that no longer describes the bytes on the wire once they are re-chunked.
      if (chunked && iequals(name, "content-length")) continue;
      text += raw_lines_[i];
      text += "\r\n";
    }
    if (chunked && !said_chunked) text += "Transfer-Encoding: chunked\r\n";
    if (closing && !said_close) text += "Connection: close\r\n";
    text += "\r\n";
    return deliver(text);
  }

  bool body(const char* data, std::size_t size) {
    if (!head_sent_ && !send_head()) return false;
    record_.chunks.push_back({record_.response_body.size(), elapsed_ms()});
    record_.response_body.append(data, size);
    if (framing_ == Framing::None || size == 0) return true;
    delivered_ += size;
    if (framing_ != Framing::Chunked) return deliver(std::string_view(data, size));
    std::string framed = chunk_start(size);
    framed.append(data, size);
    framed += "\r\n";
    return deliver(framed);
  }

  bool deliver(std::string_view bytes) {
    if (client_.send(bytes)) return true;
    client_gone_ = true;
    stopped_because_ = "the client closed the connection before the reply ended";
    return false;
  }

  // Called by libcurl about once a second while waiting, and whenever data moves.
  bool keep_going() {
    if (cut_.load()) {
      stopped_because_ = "cut by the proxy's stop (the grace for replies in flight ran out)";
      return false;
    }
    // A client that has its whole reply may close at once (curl does after its last request):
    // libcurl may still be finishing the transfer, which is no reason to call the reply cut.
    if (head_sent_ && (framing_ == Framing::None || (framing_ == Framing::Length && delivered_ >= length_)))
      return true;
    const auto now = Clock::now();
    if (now - last_hangup_check_ < std::chrono::milliseconds(250)) return true;
    last_hangup_check_ = now;
    if (!client_.hung_up()) return true;
    client_gone_ = true;
    stopped_because_ = "the client closed the connection before the reply ended";
    return false;
  }

  const RequestHead& head_;
  bool close_after_;
  ClientSocket& client_;
  const std::atomic<bool>& cut_;
  ExchangeRecord& record_;
  Clock::time_point started_;
  Clock::time_point last_hangup_check_;
  int status_ = 0;
  std::string reason_;
  Headers headers_;
  std::vector<std::string> raw_lines_;  // each header line as the target wrote it
  bool head_sent_ = false;
  Framing framing_ = Framing::None;
  unsigned long long length_ = 0;     // Framing::Length: the body's announced length
  unsigned long long delivered_ = 0;  // body bytes passed to the client
  bool client_gone_ = false;
  std::string stopped_because_;
};

curl_slist* request_headers(const RequestHead& head) {
  curl_slist* list = nullptr;
  for (const auto& h : head.headers) {
    if (is_hop_by_hop(h.name, head.headers) || iequals(h.name, "host") || iequals(h.name, "content-length") ||
        iequals(h.name, "expect"))
      continue;  // libcurl writes Host and Content-Length for the target; Expect was answered here
    const std::string line = h.value.empty() ? h.name + ";" : h.name + ": " + h.value;  // "Name;": empty value
    list = curl_slist_append(list, line.c_str());
  }
  // "Name:" keeps libcurl from adding a header the client did not send.
  for (const char* added : {"Accept", "Expect", "Content-Type"})
    if (!find_header(head.headers, added)) list = curl_slist_append(list, (std::string(added) + ":").c_str());
  return list;
}

void set_method(CURL* easy, const RequestHead& head, const std::string& body) {
  if (head.method == "HEAD") {
    curl_easy_setopt(easy, CURLOPT_NOBODY, 1L);
  } else if (head.method == "GET" && body.empty()) {
    curl_easy_setopt(easy, CURLOPT_HTTPGET, 1L);
  } else if (head.method == "POST" || !body.empty()) {
    curl_easy_setopt(easy, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(body.size()));
    curl_easy_setopt(easy, CURLOPT_POSTFIELDS, body.data());
    if (head.method != "POST") curl_easy_setopt(easy, CURLOPT_CUSTOMREQUEST, head.method.c_str());
  } else {
    curl_easy_setopt(easy, CURLOPT_CUSTOMREQUEST, head.method.c_str());
  }
}

}  // namespace

std::string proxy_error_reply(int status, const std::string& reason, const std::string& type,
                              const std::string& message, bool close) {
  const std::string body = "{\"type\":\"error\",\"error\":{\"type\":" + json_quote(type) +
                           ",\"message\":" + json_quote("apiconform proxy: " + message) + "}}";
  return "HTTP/1.1 " + std::to_string(status) + " " + reason +
         "\r\nContent-Type: application/json\r\nX-Apiconform-Proxy: " + type +
         "\r\nContent-Length: " + std::to_string(body.size()) + "\r\n" + (close ? "Connection: close\r\n" : "") +
         "\r\n" + body;
}

bool forward_exchange(CURL* easy, const ForwardOptions& options, const RequestHead& head, const std::string& body,
                      bool close_after, ClientSocket& client, const std::atomic<bool>& cut, ExchangeRecord& record) {
  const auto started = Clock::now();
  const std::string url = options.target + head.target;
  Relay relay(head, close_after, client, cut, record, started);
  char error_buffer[CURL_ERROR_SIZE] = {};
  curl_easy_reset(easy);  // keeps the handle's open connections to the target
  curl_easy_setopt(easy, CURLOPT_URL, url.c_str());
  curl_easy_setopt(easy, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(easy, CURLOPT_HTTP_VERSION, static_cast<long>(CURL_HTTP_VERSION_1_1));
  curl_easy_setopt(easy, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(easy, CURLOPT_ERRORBUFFER, error_buffer);
  curl_easy_setopt(easy, CURLOPT_TCP_NODELAY, 1L);
  curl_easy_setopt(easy, CURLOPT_SUPPRESS_CONNECT_HEADERS, 1L);
  curl_easy_setopt(easy, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(options.connect_timeout_s * 1000));
  // A private CA (a company's TLS-inspecting gateway, a self-signed test target) is trusted only when
  // named; verification itself is never turned off.
  if (!options.ca_file.empty()) curl_easy_setopt(easy, CURLOPT_CAINFO, options.ca_file.c_str());
  // No CURLOPT_ACCEPT_ENCODING: a compressed body passes as the target sent it, undecoded.
  curl_easy_setopt(easy, CURLOPT_HEADERFUNCTION, &Relay::on_header);
  curl_easy_setopt(easy, CURLOPT_HEADERDATA, &relay);
  curl_easy_setopt(easy, CURLOPT_WRITEFUNCTION, &Relay::on_body);
  curl_easy_setopt(easy, CURLOPT_WRITEDATA, &relay);
  curl_easy_setopt(easy, CURLOPT_NOPROGRESS, 0L);
  curl_easy_setopt(easy, CURLOPT_XFERINFOFUNCTION, &Relay::on_progress);
  curl_easy_setopt(easy, CURLOPT_XFERINFODATA, &relay);
  curl_slist* headers = request_headers(head);
  curl_easy_setopt(easy, CURLOPT_HTTPHEADER, headers);
  set_method(easy, head, body);
  const CURLcode result = curl_easy_perform(easy);
  curl_slist_free_all(headers);
  curl_easy_setopt(easy, CURLOPT_HTTPHEADER, nullptr);
  record.total_ms = relay.elapsed_ms();

  if (result == CURLE_OK) {
    if (!relay.head_sent()) {  // libcurl saw no blank line (a reply of headers only, cut): say so
      record.error = "the target's reply ended inside its headers";
      return false;
    }
    if (relay.chunked() && !client.send("0\r\n\r\n")) return false;
    return !close_after && !relay.until_close();
  }
  if (!relay.stopped_because().empty()) {
    record.error = relay.stopped_because();
    if (!relay.head_sent() && !relay.client_gone())
      client.send(proxy_error_reply(503, "Service Unavailable", "api_error", "the proxy is stopping", true));
    return false;
  }
  FailureFacts facts = failure_facts(easy, result, error_buffer, url, record.response_headers);
  facts.got_response = record.first_byte_ms > 0;
  facts.body_bytes = record.response_body.size();
  facts.connect_timeout_s = options.connect_timeout_s;
  record.error = describe_failure(facts);
  if (relay.head_sent()) return false;  // the reply is cut for the client as it was for us
  client.send(
      proxy_error_reply(502, "Bad Gateway", "api_error", "the target did not answer: " + record.error, close_after));
  return !close_after;
}

}  // namespace ac
