#include "sim/simulator.hpp"

#include <sys/socket.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <thread>

#include <httplib.h>

#include "sim/dialect_load.hpp"
#include "sim/sim_context.hpp"
#include "sim/stream_send.hpp"

namespace ac::sim {

struct Simulator::Impl {
  SimContext context;
  httplib::Server server;
  std::thread thread;
  std::atomic<bool> listen_returned{false};
  bool configured = false;
  int port = -1;
  int listen_fd = -1;  // remembered by the socket-options callback, to raise the backlog

  explicit Impl(SimOptions options) { context.options = std::move(options); }

  bool configure(std::string& error);
};

namespace {

constexpr std::size_t kKeepAliveRequests = 1000;
// httplib listens with a backlog of 5: with 8+ clients connecting at once the kernel drops SYNs
// and each dropped client waits for the 1 s SYN retransmit. Linux accepts a second listen() on
// a listening socket and just updates the backlog.
constexpr int kListenBacklog = 128;

std::optional<std::string> load_faults(const SimOptions& options, FaultSet& faults) {
  for (const auto& name : options.faults) {
    if (auto error = faults.add_list(name)) return error;
  }
  return std::nullopt;
}

}  // namespace

bool Simulator::Impl::configure(std::string& error) {
  if (auto problem = resolve_dialect(context.options.dialect, context.options.dialects_dir,
                                     context.surface)) {
    error = "simulator: " + *problem;
    return false;
  }
  for (const auto& extra : context.surface.extra_models) {
    context.extra_models.push_back({extra.id, extra.id, "2024-01-01T00:00:00Z", {}, extra.max_output_tokens});
  }
  if (auto problem = load_faults(context.options, context.faults)) {
    error = "simulator: " + *problem;
    return false;
  }
  if (context.options.pace_ms < 0) {
    error = "simulator: pace_ms must not be negative";
    return false;
  }
  // Stalled and paced streams each hold a worker too; `connections` must leave some for others.
  const std::size_t workers = std::max<std::size_t>(1, context.options.connections);
  server.new_task_queue = [workers] { return new httplib::ThreadPool(workers); };
  server.set_payload_max_length(context.options.max_body_bytes);
  server.set_tcp_nodelay(true);
  // httplib's default sets SO_REUSEPORT, which would let a second server share a busy port and
  // split its traffic; SO_REUSEADDR alone still allows a quick restart on the same port.
  server.set_socket_options([this](int sock) {
    int yes = 1;
    setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    listen_fd = sock;
  });
  // httplib closes a connection after 5 requests by default: a client reusing connections
  // would reconnect constantly (and pay the backlog problem below each time).
  server.set_keep_alive_max_count(kKeepAliveRequests);
  if (!context.options.replay.empty()) context.replay = std::make_unique<ReplayBook>(context.options.replay);
  SimContext* shared = &context;
  auto handler = [shared](const httplib::Request& req, httplib::Response& res) {
    if (shared->options.first_byte_ms > 0) sleep_unless_stopped(shared->options.first_byte_ms, *shared->stopping);
    if (shared->replay) {
      handle_replay(*shared, req, res);
      return;
    }
    handle_request(*shared, req, res);
  };
  // Every method and path reaches the pipeline, which does its own routing (404/405).
  server.Get(".*", handler);
  server.Post(".*", handler);
  server.Put(".*", handler);
  server.Patch(".*", handler);
  server.Delete(".*", handler);
  server.Options(".*", handler);
  httplib::Server::HandlerWithResponse on_error = [shared](const httplib::Request& req,
                                                           httplib::Response& res) {
    // Our own error responses already have a body; only httplib's bare ones need one. A replayed
    // error's body comes from its content provider, recorded.
    if (!res.body.empty() || shared->replay) return httplib::Server::HandlerResponse::Unhandled;
    handle_transport_error(*shared, req, res);
    return httplib::Server::HandlerResponse::Handled;
  };
  server.set_error_handler(on_error);
  return true;
}

Simulator::Simulator(SimOptions options) : impl_(std::make_unique<Impl>(std::move(options))) {}

Simulator::~Simulator() { stop(); }

int Simulator::start(int port, std::string& error) {
  if (impl_->thread.joinable()) {
    error = "simulator: already started on port " + std::to_string(impl_->port);
    return -1;
  }
  if (impl_->listen_returned) {
    // httplib cannot listen again once stopped; a fresh Simulator is cheap.
    error = "simulator: cannot be restarted after stop(); create a new one";
    return -1;
  }
  if (!impl_->configured) {
    if (!impl_->configure(error)) return -1;
    impl_->configured = true;  // a failed bind may be retried on another port
  }
  // Loopback only: the simulator is never reachable from the network.
  if (port == 0) {
    impl_->port = impl_->server.bind_to_any_port("127.0.0.1");
  } else {
    impl_->port = impl_->server.bind_to_port("127.0.0.1", port) ? port : -1;
  }
  if (impl_->port <= 0) {
    error = "simulator: cannot bind 127.0.0.1:" + std::to_string(port) +
            (port == 0 ? "" : " (port in use?)");
    impl_->port = -1;
    return -1;
  }
  if (impl_->listen_fd >= 0)
    ::listen(impl_->listen_fd, std::max<int>(kListenBacklog, static_cast<int>(impl_->context.options.connections)));
  impl_->thread = std::thread([impl = impl_.get()] {
    impl->server.listen_after_bind();
    impl->listen_returned = true;
  });
  // httplib's stop() is a no-op until the loop runs; waiting here makes stop() always effective.
  while (!impl_->server.is_running() && !impl_->listen_returned) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  return impl_->port;
}

void Simulator::stop() {
  if (!impl_ || !impl_->thread.joinable()) return;
  impl_->context.stopping->store(true);
  impl_->server.stop();
  impl_->thread.join();
}

std::string Simulator::base_url() const {
  return "http://127.0.0.1:" + std::to_string(impl_->port);
}

std::vector<std::pair<std::string, std::string>> list_dialects() {
  std::vector<std::pair<std::string, std::string>> out = {
      {"reference", reference_surface().description}};
  std::vector<DialectSource> sources;
  dialect_sources("", sources);  // built-in files only: they cannot be unreadable
  for (const auto& source : sources) {
    ApiSurface surface;
    if (auto error = load_dialect(source, surface)) {
      out.emplace_back(source.name, "(broken: " + *error + ")");
    } else {
      out.emplace_back(source.name, surface.description);
    }
  }
  return out;
}

}  // namespace ac::sim
