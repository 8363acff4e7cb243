#include <cctype>
#include <chrono>

#include "sim/http_reply.hpp"
#include "sim/sim_context.hpp"
#include "sim/stream_send.hpp"
#include "util/json_render.hpp"

namespace ac::sim {

namespace {

bool iequal(const std::string& a, const char* b) {
  std::size_t i = 0;
  for (; i < a.size() && b[i]; ++i)
    if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i]))) return false;
  return i == a.size() && !b[i];
}

// Headers the server writes itself (framing, connection handling) rather than copying them.
bool framing_header(const std::string& name) {
  for (const char* own : {"content-length", "transfer-encoding", "connection", "keep-alive", "content-type"})
    if (iequal(name, own)) return true;
  return false;
}

std::string header_value(const RecordedReply& r, const char* name) {
  for (const auto& h : r.headers)
    if (iequal(h.first, name)) return h.second;
  return "";
}

struct Sending {
  const RecordedReply* reply;
  std::size_t next = 0;  // chunk index
  std::chrono::steady_clock::time_point started;
  bool pace = false;
  std::shared_ptr<const std::atomic<bool>> stopping;
};

// The recorded pieces, one per call: [offset, next offset) of the body, at its time when pacing.
bool send_piece(Sending& s, httplib::DataSink& sink, bool chunked) {
  const RecordedReply& r = *s.reply;
  const auto& chunks = r.chunks;
  if (s.next >= std::max<std::size_t>(chunks.size(), 1) || r.body.empty()) {
    if (r.cut) return false;  // drop the connection as the recording's did
    if (chunked) sink.done();
    return true;
  }
  const std::size_t begin = chunks.empty() ? 0 : std::min(chunks[s.next].first, r.body.size());
  const std::size_t end = s.next + 1 < chunks.size() ? std::min(chunks[s.next + 1].first, r.body.size()) : r.body.size();
  if (s.pace && !chunks.empty()) {
    const double elapsed = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - s.started).count();
    if (chunks[s.next].second > elapsed && !sleep_unless_stopped(chunks[s.next].second - elapsed, *s.stopping)) return false;
  }
  ++s.next;
  return end <= begin || sink.write(r.body.data() + begin, end - begin);
}

void send_unmatched(SimContext& context, const httplib::Request& request, httplib::Response& response) {
  const std::string message = "apiconform serve --replay: the recording has no exchange for " + request.method +
                              " " + request.target + "; it can answer: " + context.replay->expected_text();
  response.status = 404;
  response.set_header("x-apiconform-replay", "unmatched");
  response.set_content("{\"type\":\"error\",\"error\":{\"type\":\"not_found_error\",\"message\":" + json_quote(message) +
                           "}}",
                       "application/json");
}

}  // namespace

void handle_replay(SimContext& context, const httplib::Request& request, httplib::Response& response) {
  const RecordedReply* reply = context.replay->match(request.method, request.target, request.body);
  if (!reply) {
    send_unmatched(context, request, response);
    return;
  }
  auto sending = std::make_shared<Sending>();
  sending->reply = reply;
  sending->started = std::chrono::steady_clock::now();
  sending->pace = context.options.replay_pace;
  sending->stopping = context.stopping;
  response.status = reply->status > 0 ? reply->status : 502;
  for (const auto& h : reply->headers)
    if (!framing_header(h.first)) response.set_header(h.first, h.second);
  const std::string type = header_value(*reply, "content-type");
  // A reply recorded with a length is sent with that length (httplib then leaves its bytes alone);
  // one recorded chunked is sent chunked, piece by piece. A chunked reply with a content-encoding
  // is sent with its length too: httplib would otherwise compress it again for a gzip client.
  const bool chunked = header_value(*reply, "content-length").empty() && header_value(*reply, "content-encoding").empty();
  if (reply->body.empty() && !chunked && !reply->cut) {
    response.set_content("", type);
  } else if (chunked) {
    response.set_chunked_content_provider(type, [sending](std::size_t, httplib::DataSink& sink) {
      return send_piece(*sending, sink, true);
    });
  } else {
    response.set_content_provider(reply->body.size(), type, [sending](std::size_t, std::size_t, httplib::DataSink& sink) {
      return send_piece(*sending, sink, false);
    });
  }
}

}  // namespace ac::sim
