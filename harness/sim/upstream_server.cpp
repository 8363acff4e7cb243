// The upstream simulator of upstream mode (docs/upstream.md): records what a gateway forwards,
// ties it to a case by its marker, and answers as the case's script says.
#include <sys/socket.h>

#include <atomic>
#include <chrono>
#include <map>
#include <mutex>
#include <thread>

#include <httplib.h>
#include <rapidjson/document.h>

#include "sim/dialect_load.hpp"
#include "sim/drop_connection.hpp"
#include "sim/http_reply.hpp"
#include "sim/sim_context.hpp"
#include "sim/stream_send.hpp"
#include "sim/tool_input.hpp"
#include "sim/upstream.hpp"
#include "sim/upstream_anthropic.hpp"
#include "sim/upstream_marker.hpp"
#include "util/json_render.hpp"

namespace ac::sim {
namespace {

// cpp-httplib files the connection's addresses among the request headers; no gateway sent them.
bool is_httplib_pseudo_header(const std::string& name) {
  return name == "REMOTE_ADDR" || name == "REMOTE_PORT" || name == "LOCAL_ADDR" || name == "LOCAL_PORT";
}

using Record = std::shared_ptr<ForwardedExchange>;

struct Slot {
  UpstreamScript script;
  std::vector<Record> arrived;
};

// What one forwarded request asks for, read from its body.
struct Asked {
  bool json = false;  // the body is a JSON object
  std::string model;
  bool stream = false;
  bool include_usage = false;
  std::string problem;  // why the request is invalid (OpenAI dialect), "" when it is not
  // A tool the request forces (OpenAI `tool_choice` "required" or a named function) and its
  // `parameters` schema: the default answer then calls it, as a model must.
  std::string forced_tool;
  std::string forced_schema;
};

// OpenAI's tools: [{"type": "function", "function": {"name", "parameters"}}].
void read_forced_tool(const rapidjson::Document& body, Asked& a) {
  auto choice = body.FindMember("tool_choice");
  auto tools = body.FindMember("tools");
  if (choice == body.MemberEnd() || tools == body.MemberEnd() || !tools->value.IsArray()) return;
  std::string wanted;
  if (choice->value.IsString() && std::string(choice->value.GetString()) != "required") return;
  if (choice->value.IsObject()) {
    auto f = choice->value.FindMember("function");
    if (f == choice->value.MemberEnd() || !f->value.IsObject() || !f->value.HasMember("name") ||
        !f->value["name"].IsString())
      return;
    wanted = f->value["name"].GetString();
  }
  for (const auto& tool : tools->value.GetArray()) {
    if (!tool.IsObject() || !tool.HasMember("function") || !tool["function"].IsObject()) continue;
    const auto& f = tool["function"];
    if (!f.HasMember("name") || !f["name"].IsString()) continue;
    if (!wanted.empty() && wanted != f["name"].GetString()) continue;
    a.forced_tool = f["name"].GetString();
    a.forced_schema = f.HasMember("parameters") ? to_json(f["parameters"]) : "";
    return;
  }
}

Asked read_asked(const rapidjson::Document& body, bool parsed) {
  Asked a;
  a.json = parsed && body.IsObject();
  if (!a.json) {
    a.problem = "We could not parse the JSON body of your request.";
    return a;
  }
  auto model = body.FindMember("model");
  if (model != body.MemberEnd() && model->value.IsString())
    a.model = model->value.GetString();
  else
    a.problem = "you must provide a model parameter";
  auto messages = body.FindMember("messages");
  if (a.problem.empty() && (messages == body.MemberEnd() || !messages->value.IsArray()))
    a.problem = "Missing required parameter: 'messages'.";
  auto stream = body.FindMember("stream");
  a.stream = stream != body.MemberEnd() && stream->value.IsBool() && stream->value.GetBool();
  auto options = body.FindMember("stream_options");
  if (options != body.MemberEnd() && options->value.IsObject()) {
    auto usage = options->value.FindMember("include_usage");
    a.include_usage = usage != options->value.MemberEnd() && usage->value.IsBool() && usage->value.GetBool();
  }
  read_forced_tool(body, a);
  return a;
}

bool listed(const std::vector<std::string>& paths, const std::string& path) {
  for (const auto& p : paths)
    if (p == path) return true;
  return false;
}

std::string cut(const std::string& text, std::size_t max) { return text.size() > max ? text.substr(0, max) : text; }

}  // namespace

struct Upstream::Impl {
  UpstreamOptions options;
  UpstreamDialect dialect;
  SimContext reference;  // the anthropic dialect's default answers, validation included
  httplib::Server server;
  std::thread thread;
  std::atomic<bool> listen_returned{false};
  int port = -1;

  std::mutex mutex;
  std::map<std::string, Slot> slots;  // by marker
  std::vector<Record> unmatched;

  explicit Impl(UpstreamOptions o) : options(std::move(o)) {}

  void handle(const httplib::Request& req, httplib::Response& res);
  void answer(const httplib::Request& req, httplib::Response& res, const UpstreamScript& script, bool faulted,
              const Asked& asked, const std::string& unmarked, ForwardedExchange& rec);
  void send_error_of(httplib::Response& res, const UpstreamError& e, ForwardedExchange& rec,
                     std::optional<double> retry_after = std::nullopt);
  void send_body(httplib::Response& res, const UpstreamBody& body, bool stream, const UpstreamFaultScript* cut_at,
                 ForwardedExchange& rec);
  void note(const Record& rec, const std::function<void(ForwardedExchange&)>& fill) {
    std::lock_guard<std::mutex> lock(mutex);
    fill(*rec);
  }
};

void Upstream::Impl::handle(const httplib::Request& req, httplib::Response& res) {
  auto rec = std::make_shared<ForwardedExchange>();
  rec->method = req.method;
  rec->path = req.path;
  for (const auto& [name, value] : req.headers)
    if (!is_httplib_pseudo_header(name)) rec->headers.emplace_back(name, value);
  rec->body = cut(req.body, options.max_kept);
  rapidjson::Document body;
  body.Parse(req.body.c_str(), req.body.size());
  const bool parsed = !body.HasParseError();
  std::string unmarked;
  if (parsed) {
    rec->marker = find_marker(body);
    strip_markers(body, body.GetAllocator());
    unmarked = to_json(body);
    rec->body_unmarked = cut(unmarked, options.max_kept);
  }
  // Recorded on arrival: a gateway that gives up during a stall has answered its client while
  // this request is still being answered, and the case is judged then.
  UpstreamScript script;
  long nth = 0;
  {
    std::lock_guard<std::mutex> lock(mutex);
    auto slot = rec->marker.empty() ? slots.end() : slots.find(rec->marker);
    if (slot == slots.end()) {
      unmatched.push_back(rec);
    } else {
      slot->second.arrived.push_back(rec);
      nth = static_cast<long>(slot->second.arrived.size());
      script = slot->second.script;
    }
  }
  const UpstreamFaultScript& fault = script.fault;
  const bool faulted = fault.kind != FaultKind::none && (fault.times < 0 || nth <= fault.times);
  ForwardedExchange reply;  // filled here, copied into the record under the lock
  if (faulted && fault.kind == FaultKind::stall)
    sleep_unless_stopped(fault.stall_ms, *reference.stopping);  // then the reply, late
  if (faulted && fault.kind == FaultKind::unreachable) {
    // Noted first: the gateway answers its client as soon as the connection drops.
    note(rec, [](ForwardedExchange& r) { r.fault = "unreachable"; });
    drop_connection(req.local_port, req.remote_port);
    res.status = 500;  // never reaches the peer: the connection is gone
    return;
  }
  answer(req, res, script, faulted, read_asked(body, parsed), unmarked, reply);
  note(rec, [&](ForwardedExchange& r) {
    r.reply_status = reply.reply_status;
    r.fault = reply.fault;
    r.reply_body = cut(reply.reply_body, options.max_kept);
  });
}

void Upstream::Impl::answer(const httplib::Request& req, httplib::Response& res, const UpstreamScript& script,
                            bool faulted, const Asked& asked, const std::string& unmarked, ForwardedExchange& rec) {
  const UpstreamFaultScript& fault = script.fault;
  if (faulted) rec.fault = to_string(fault.kind);
  if (faulted && fault.kind == FaultKind::status) {
    UpstreamError e = upstream_error_for(dialect, fault.status ? fault.status : 500);
    auto named = dialect.named_errors.find(fault.error);
    if (named != dialect.named_errors.end()) e = named->second;
    if (fault.status) e.status = fault.status;
    return send_error_of(res, e, rec, fault.retry_after);
  }
  const bool openai = dialect.name == "openai";
  const bool chat = req.method == "POST" && listed(dialect.chat_paths, req.path);
  if (openai) {
    if (req.method == "GET" && listed(dialect.models_paths, req.path)) {
      rec.reply_status = 200;
      rec.reply_body =
          R"({"object":"list","data":[{"id":"gpt-4o","object":"model","created":1715367049,"owned_by":"system"}]})";
      return res.set_content(rec.reply_body, "application/json");
    }
    if (!chat) return send_error_of(res, upstream_error_for(dialect, 404), rec);
    auto auth = req.get_header_value("authorization");
    if (auth.size() <= 7 || auth.compare(0, 7, "Bearer ") != 0)
      if (req.get_header_value("api-key").empty()) return send_error_of(res, upstream_error_for(dialect, 401), rec);
    if (!asked.problem.empty()) {
      UpstreamError e = upstream_error_for(dialect, 400);
      e.message = asked.problem;
      return send_error_of(res, e, rec);
    }
  } else if (!chat || (!script.has_reply && !faulted)) {
    // The reference answers: validation, count_tokens, models, its deterministic reply.
    httplib::Request plain = req;
    if (!unmarked.empty()) plain.body = unmarked;
    // httplib would gzip a stream for a client that accepts it (zlib buffers); see endpoint_messages.cpp.
    const_cast<httplib::Request&>(req).headers.erase("Accept-Encoding");
    handle_request(reference, plain, res);
    rec.reply_status = res.status;
    rec.reply_body = res.body.empty() ? "(an event stream from the reference simulator)" : res.body;
    return;
  }
  UpstreamScript answered = script;
  if (!script.has_reply && !asked.forced_tool.empty()) {  // default answer to a forced tool: call it
    answered.has_reply = true;
    answered.reply.tool_name = asked.forced_tool;
    answered.reply.tool_arguments = tool_input_json(asked.forced_schema.empty() ? "{}" : asked.forced_schema);
  }
  UpstreamAnswer a = answer_of(answered, dialect, asked.model, reference.ids);
  UpstreamBody body;
  if (openai) {
    const std::string id = reference.ids.next("chatcmpl-");
    body = asked.stream ? openai_chunks(a, id, asked.include_usage) : openai_completion(a, id);
  } else {
    Reply reply = anthropic_reply_of(a, reference.ids);
    if (asked.stream) {
      StreamSettings settings;
      for (auto& w : plan_stream(reply, settings).writes) body.writes.push_back(std::move(w.bytes));
      body.content_type = "text/event-stream; charset=utf-8";
    } else {
      body = {"application/json", {render_message(reply)}};
    }
  }
  if (faulted && fault.kind == FaultKind::malformed) {
    // A body that stops being JSON: the second write (a stream's second chunk), or half the body.
    std::string& victim = body.writes.size() > 1 ? body.writes[1] : body.writes[0];
    const std::size_t brace = victim.find('{');
    victim = brace == std::string::npos ? "{" : victim.substr(0, brace + (victim.size() - brace) / 2);
    if (asked.stream) victim += "\n\n";
  }
  send_body(res, body, asked.stream, faulted && fault.kind == FaultKind::cut ? &fault : nullptr, rec);
}

void Upstream::Impl::send_error_of(httplib::Response& res, const UpstreamError& e, ForwardedExchange& rec,
                                   std::optional<double> retry_after) {
  rec.reply_status = e.status;
  if (dialect.name == "openai") {
    rec.reply_body = openai_error_body(e);
  } else {
    rec.reply_body = error_body(reference.surface, ApiError{e.status, e.type, e.message}, reference.ids.next("req_"));
  }
  if (retry_after) {
    std::string seconds = std::to_string(*retry_after);
    seconds.erase(seconds.find_last_not_of('0') + 1);
    if (!seconds.empty() && seconds.back() == '.') seconds.pop_back();
    res.set_header("retry-after", seconds);
  }
  res.status = e.status;
  res.set_content(rec.reply_body, "application/json");
}

void Upstream::Impl::send_body(httplib::Response& res, const UpstreamBody& body, bool stream,
                               const UpstreamFaultScript* cut_at, ForwardedExchange& rec) {
  rec.reply_status = 200;
  if (!stream) {
    const std::string& whole = body.writes.front();
    if (!cut_at) {
      rec.reply_body = whole;
      return res.set_content(whole, body.content_type.c_str());
    }
    // Content-Length announces the whole body; half of it arrives, then the connection ends.
    rec.reply_body = whole.substr(0, whole.size() / 2);
    auto sent = std::make_shared<std::string>(rec.reply_body);
    res.set_content_provider(whole.size(), body.content_type.c_str(),
                             [sent](std::size_t offset, std::size_t, httplib::DataSink& sink) {
                               if (offset >= sent->size()) return false;
                               return sink.write(sent->data() + offset, sent->size() - offset);
                             });
    return;
  }
  StreamPlan plan;
  plan.content_type = body.content_type;
  const std::size_t count =
      cut_at ? std::min<std::size_t>(body.writes.size(), cut_at->after_chunks) : body.writes.size();
  for (std::size_t i = 0; i < count; ++i) {
    plan.writes.push_back(StreamWrite{body.writes[i], i == 0 ? 0 : options.pace_ms});
    rec.reply_body += body.writes[i];
  }
  plan.end = cut_at ? StreamEnd::cut : StreamEnd::finish;
  send_stream(res, std::move(plan), reference.stopping, 200);
}

Upstream::Upstream(UpstreamOptions options) : impl_(std::make_unique<Impl>(std::move(options))) {}

Upstream::~Upstream() { stop(); }

const std::string& Upstream::dialect() const { return impl_->dialect.name; }

bool Upstream::start(const std::string& host, int port, std::string& error) {
  Impl& m = *impl_;
  if (auto problem = resolve_upstream_dialect(m.options.dialect, m.dialect)) {
    error = "upstream: " + *problem;
    return false;
  }
  if (auto problem = resolve_dialect("reference", "", m.reference.surface)) {
    error = "upstream: " + *problem;
    return false;
  }
  m.reference.options.api_key = m.options.api_key;
  m.reference.options.pace_ms = m.options.pace_ms;
  if (host != "127.0.0.1") {
    error = "upstream: listens on 127.0.0.1 only, not " + host;
    return false;
  }
  const std::size_t workers = std::max<std::size_t>(1, m.options.connections);
  m.server.new_task_queue = [workers] { return new httplib::ThreadPool(workers); };
  m.server.set_tcp_nodelay(true);
  m.server.set_socket_options([](int sock) {  // no SO_REUSEPORT: a busy port must be an error
    int yes = 1;
    setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
  });
  auto handler = [&m](const httplib::Request& req, httplib::Response& res) { m.handle(req, res); };
  m.server.Get(".*", handler);
  m.server.Post(".*", handler);
  m.server.Put(".*", handler);
  m.server.Delete(".*", handler);
  if (!m.server.bind_to_port(host.c_str(), port)) {
    error = "upstream: cannot listen on " + host + ":" + std::to_string(port) +
            " (port in use? pick another with --upstream-listen)";
    return false;
  }
  m.port = port;
  m.thread = std::thread([&m] {
    m.server.listen_after_bind();
    m.listen_returned = true;
  });
  while (!m.server.is_running() && !m.listen_returned) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  return true;
}

void Upstream::stop() {
  if (!impl_ || !impl_->thread.joinable()) return;
  impl_->reference.stopping->store(true);
  // A gateway keeps its connections to the upstream open; httplib's workers would each wait out
  // the keep-alive timeout (5 s) on them before stop() returns.
  drop_connection(impl_->port, -1);
  impl_->server.stop();
  impl_->thread.join();
}

std::optional<std::string> Upstream::expect(const std::string& marker, const std::string& script_json) {
  UpstreamScript script;
  auto error = parse_upstream_script(script_json, script);
  if (error) script = UpstreamScript{};
  std::lock_guard<std::mutex> lock(impl_->mutex);
  impl_->slots[marker].script = script;
  return error;
}

std::vector<ForwardedExchange> Upstream::take(const std::string& marker) {
  std::vector<ForwardedExchange> out;
  std::lock_guard<std::mutex> lock(impl_->mutex);
  auto slot = impl_->slots.find(marker);
  if (slot == impl_->slots.end()) return out;
  for (const auto& rec : slot->second.arrived) out.push_back(*rec);
  impl_->slots.erase(slot);
  return out;
}

std::vector<ForwardedExchange> Upstream::take_unmatched() {
  std::vector<ForwardedExchange> out;
  std::lock_guard<std::mutex> lock(impl_->mutex);
  for (const auto& rec : impl_->unmatched) out.push_back(*rec);
  impl_->unmatched.clear();
  return out;
}

bool parse_listen_address(const std::string& text, std::string& host, int& port, std::string& error) {
  const auto colon = text.rfind(':');
  const std::string digits = colon == std::string::npos ? "" : text.substr(colon + 1);
  if (colon == std::string::npos || digits.empty() || digits.size() > 5 ||
      digits.find_first_not_of("0123456789") != std::string::npos) {
    error = "expected 127.0.0.1:PORT, got '" + text + "'";
    return false;
  }
  host = text.substr(0, colon);
  port = std::stoi(digits);
  if (host != "127.0.0.1") {
    error = "the upstream listens on 127.0.0.1 only (got '" + host + "'): write 127.0.0.1:" + digits;
    return false;
  }
  if (port < 1 || port > 65535) {
    error = "the port must be 1-65535, not " + digits + " (a fixed port: the gateway is configured with it)";
    return false;
  }
  return true;
}

}  // namespace ac::sim
