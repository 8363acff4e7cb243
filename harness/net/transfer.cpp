#include "net/transfer.hpp"

#include <algorithm>
#include <cstdlib>
#include <stdexcept>
#include <utility>

#include "net/retry.hpp"
#include "net/transfer_error.hpp"
#include "util/trim.hpp"

namespace ac {
namespace {

bool has_header(const Headers& headers, const char* name) { return find_header(headers, name).has_value(); }

double micros_to_ms(curl_off_t micros) { return static_cast<double>(micros) / 1000.0; }

}  // namespace

// Parsed only for an error sentence: most transfers never need it.
std::string Transfer::where() const { return host_and_where(request_.url).second; }

Transfer::Transfer(const HttpRequest& request, ResponseSink& sink, Clock::time_point started, CURL* reused)
    : request_(request), sink_(sink), started_(started), last_byte_(started) {
  if (reused) curl_easy_reset(reused);  // every option back to its default; connections stay cached
  easy_ = reused ? reused : curl_easy_init();
  if (!easy_) throw std::runtime_error("libcurl could not create a transfer handle (out of memory?)");
  configure();
}

Transfer::~Transfer() {
  if (easy_) curl_easy_cleanup(easy_);
  curl_slist_free_all(header_list_);
}

CURL* Transfer::release_handle() { return std::exchange(easy_, nullptr); }

void Transfer::configure() {
  curl_easy_setopt(easy_, CURLOPT_URL, request_.url.c_str());
  curl_easy_setopt(easy_, CURLOPT_PRIVATE, this);
  curl_easy_setopt(easy_, CURLOPT_NOSIGNAL, 1L);  // signals are process-wide; we run beside others
  curl_easy_setopt(easy_, CURLOPT_HTTP_VERSION, static_cast<long>(CURL_HTTP_VERSION_1_1));
  curl_easy_setopt(easy_, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(easy_, CURLOPT_ERRORBUFFER, error_buffer_);
  curl_easy_setopt(easy_, CURLOPT_HEADERFUNCTION, &Transfer::header_callback);
  curl_easy_setopt(easy_, CURLOPT_HEADERDATA, this);
  curl_easy_setopt(easy_, CURLOPT_WRITEFUNCTION, &Transfer::write_callback);
  curl_easy_setopt(easy_, CURLOPT_WRITEDATA, this);
  // A body with a Content-Encoding libcurl knows (gzip, deflate, br, zstd) is decoded and judged
  // like the clients judge it; one that cannot be decoded ends as `content_error`. "" turns
  // decoding on without choosing what is asked for: see set_headers().
  curl_easy_setopt(easy_, CURLOPT_ACCEPT_ENCODING, "");
  curl_easy_setopt(easy_, CURLOPT_SUPPRESS_CONNECT_HEADERS, 1L);
  if (request_.timeouts.connect_s > 0)
    curl_easy_setopt(easy_, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(request_.timeouts.connect_s * 1000));
  set_method_and_body();
  set_headers();
}

void Transfer::set_method_and_body() {
  const std::string& method = request_.method;
  bool sends_body = !request_.body.empty() || method == "POST" || method == "PUT" || method == "PATCH";
  if (method == "HEAD") {
    curl_easy_setopt(easy_, CURLOPT_NOBODY, 1L);
  } else if (sends_body) {
    // POSTFIELDS does not copy: the request outlives this transfer (see the class comment).
    curl_easy_setopt(easy_, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(request_.body.size()));
    curl_easy_setopt(easy_, CURLOPT_POSTFIELDS, request_.body.data());
    if (method != "POST") curl_easy_setopt(easy_, CURLOPT_CUSTOMREQUEST, method.c_str());
  } else if (method == "GET") {
    curl_easy_setopt(easy_, CURLOPT_HTTPGET, 1L);
  } else {
    curl_easy_setopt(easy_, CURLOPT_CUSTOMREQUEST, method.c_str());
  }
}

void Transfer::set_headers() {
  for (const auto& h : request_.headers) {
    // "Name;" is libcurl's way to send a header with an empty value.
    std::string line = h.value.empty() ? h.name + ";" : h.name + ": " + h.value;
    header_list_ = curl_slist_append(header_list_, line.c_str());
  }
  // "Name:" removes a header libcurl would add by itself: the request goes out as the case wrote it.
  // Accept-Encoding too: decoding what arrives must not change what is asked for.
  for (const char* added : {"Accept", "Expect", "Content-Type", "Accept-Encoding"}) {
    if (!has_header(request_.headers, added))
      header_list_ = curl_slist_append(header_list_, (std::string(added) + ":").c_str());
  }
  curl_easy_setopt(easy_, CURLOPT_HTTPHEADER, header_list_);
}

std::size_t Transfer::header_callback(char* data, std::size_t size, std::size_t count, void* self) {
  auto* transfer = static_cast<Transfer*>(self);
  std::size_t length = size * count;
  transfer->on_header_line(std::string_view(data, length));
  return transfer->callback_error_ ? 0 : length;
}

std::size_t Transfer::write_callback(char* data, std::size_t size, std::size_t count, void* self) {
  auto* transfer = static_cast<Transfer*>(self);
  std::size_t length = size * count;
  return transfer->on_body_bytes(data, length) ? length : 0;
}

// A view into libcurl's buffer: most lines become one name and one value string, nothing more.
void Transfer::on_header_line(std::string_view line) {
  auto now = Clock::now();
  if (!first_byte_) first_byte_ = now;
  last_byte_ = now;
  while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.remove_suffix(1);
  if (headers_delivered_) return;  // trailers of a chunked body: not part of the response head
  if (line.substr(0, 5) == "HTTP/") {
    // A new status line: an interim 1xx response before it is forgotten.
    auto space = line.find(' ');
    status_ = space == std::string_view::npos ? 0 : std::atoi(std::string(line.substr(space + 1, 3)).c_str());
    headers_.clear();
    headers_.reserve(32);  // the real API sends about 20
  } else if (line.empty()) {
    if (status_ >= 200 || status_ < 100) deliver_headers();
  } else if ((line[0] == ' ' || line[0] == '\t') && !headers_.empty()) {
    headers_.back().value += " " + std::string(trim(line));  // obsolete line folding
  } else {
    auto colon = line.find(':');
    if (colon == std::string_view::npos) headers_.push_back({std::string(trim(line)), ""});
    else headers_.push_back({std::string(line.substr(0, colon)), std::string(trim(line.substr(colon + 1)))});
  }
}

void Transfer::deliver_headers() {
  headers_delivered_ = true;
  try {
    sink_.on_headers(status_, headers_);
  } catch (...) {
    callback_error_ = std::current_exception();
  }
}

bool Transfer::on_body_bytes(const char* data, std::size_t size) {
  auto now = Clock::now();
  if (!first_byte_) first_byte_ = now;
  last_byte_ = now;
  if (!headers_delivered_) deliver_headers();
  if (callback_error_) return false;
  body_bytes_ += size;
  try {
    if (sink_.on_body(data, size, elapsed_ms(now))) return true;
    aborted_by_sink_ = true;
  } catch (...) {
    callback_error_ = std::current_exception();
  }
  return false;
}

double Transfer::elapsed_ms(Clock::time_point now) const {
  return std::chrono::duration<double, std::milli>(now - started_).count();
}

std::string Transfer::progress() const {
  if (!first_byte_) return "before any response";
  return "after " + std::to_string(body_bytes_) + " body byte" + (body_bytes_ == 1 ? "" : "s");
}

std::string Transfer::expired(Clock::time_point now) const {
  const Timeouts& limits = request_.timeouts;
  double elapsed_s = elapsed_ms(now) / 1000.0;
  if (limits.total_s > 0 && elapsed_s >= limits.total_s)
    return "total timeout " + format_seconds(limits.total_s) + " s exceeded " + progress() + " (" + where() + ")";
  if (!first_byte_) {
    if (limits.first_byte_s > 0 && elapsed_s >= limits.first_byte_s)
      return "no response byte within " + format_seconds(limits.first_byte_s) + " s (first-byte timeout, " + where() + ")";
    return "";
  }
  double idle_s = std::chrono::duration<double>(now - last_byte_).count();
  if (limits.idle_s > 0 && idle_s >= limits.idle_s)
    return "stream idle for " + format_seconds(limits.idle_s) + " s " + progress() + " (idle timeout, " + where() + ")";
  return "";
}

std::string Transfer::interrupted() const { return "interrupted " + progress() + " (" + where() + ")"; }

Transfer::Clock::time_point Transfer::next_deadline() const {
  auto after = [](Clock::time_point from, double seconds) {
    return from + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(seconds));
  };
  const Timeouts& limits = request_.timeouts;
  auto deadline = Clock::time_point::max();
  if (limits.total_s > 0) deadline = std::min(deadline, after(started_, limits.total_s));
  if (!first_byte_ && limits.first_byte_s > 0) deadline = std::min(deadline, after(started_, limits.first_byte_s));
  if (first_byte_ && limits.idle_s > 0) deadline = std::min(deadline, after(last_byte_, limits.idle_s));
  return deadline;
}

Timings Transfer::read_timings(Clock::time_point now, bool stopped_by_us) const {
  curl_off_t dns = 0, connect = 0, tls = 0, first = 0, total = 0;
  curl_easy_getinfo(easy_, CURLINFO_NAMELOOKUP_TIME_T, &dns);
  curl_easy_getinfo(easy_, CURLINFO_CONNECT_TIME_T, &connect);
  curl_easy_getinfo(easy_, CURLINFO_APPCONNECT_TIME_T, &tls);
  curl_easy_getinfo(easy_, CURLINFO_STARTTRANSFER_TIME_T, &first);
  curl_easy_getinfo(easy_, CURLINFO_TOTAL_TIME_T, &total);
  Timings t;
  t.dns_ms = micros_to_ms(dns);
  t.connect_ms = micros_to_ms(connect);
  t.tls_ms = micros_to_ms(tls);
  t.first_byte_ms = micros_to_ms(first);
  if (t.first_byte_ms == 0 && first_byte_) t.first_byte_ms = elapsed_ms(*first_byte_);
  // libcurl's clock stops updating once we take a stalled transfer away from it.
  t.total_ms = stopped_by_us ? elapsed_ms(now) : micros_to_ms(total);
  t.total_ms = std::max(t.total_ms, t.first_byte_ms);
  return t;
}

TransferOutcome Transfer::finish(CURLcode result, const std::string& stopped_because, Clock::time_point now) {
  TransferOutcome out;
  out.timings = read_timings(now, !stopped_because.empty());
  out.status = headers_delivered_ ? status_ : 0;
  out.headers = std::move(headers_);  // the transfer is over: its headers go to the outcome
  out.aborted_by_sink = aborted_by_sink_;
  if (!stopped_because.empty()) {
    out.error = stopped_because;
  } else if (callback_error_) {
    out.error = "the response reader failed " + progress() + " (" + where() + ")";
  } else if (aborted_by_sink_) {
    out.error = "transfer stopped by the response reader " + progress() + " (" + where() + ")";
  } else if (result == CURLE_BAD_CONTENT_ENCODING) {
    // The server's bytes arrived; they are not what it said they are. A finding, not a transport error.
    auto encoding = find_header(out.headers, "content-encoding");
    out.content_error = "the body is sent as `Content-Encoding: " + encoding.value_or("") +
                        "` but cannot be decoded (" + error_buffer_ + ") " + progress() + " decoded";
  } else if (result != CURLE_OK) {
    FailureFacts facts = failure_facts(easy_, result, error_buffer_, request_.url, out.headers);
    facts.got_response = first_byte_.has_value();
    facts.body_bytes = body_bytes_;
    facts.connect_timeout_s = request_.timeouts.connect_s;
    out.error = describe_failure(facts);
    out.transient = is_transient_failure(facts);
  }
  return out;
}

}  // namespace ac
