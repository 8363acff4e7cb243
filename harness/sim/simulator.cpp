#include "sim/simulator.hpp"

#include <sys/socket.h>

#include <atomic>
#include <chrono>
#include <thread>

#include <httplib.h>

#include "sim/sim_context.hpp"

namespace ac::sim {

struct Simulator::Impl {
  SimContext context;
  httplib::Server server;
  std::thread thread;
  std::atomic<bool> listen_returned{false};
  bool configured = false;
  int port = -1;

  explicit Impl(SimOptions options) { context.options = std::move(options); }

  bool configure(std::string& error);
};

namespace {

// Stalled and paced streams each hold a worker; keep enough so other requests still get one.
constexpr std::size_t kWorkers = 32;

std::optional<std::string> load_faults(const SimOptions& options, FaultSet& faults) {
  for (const auto& name : options.faults) {
    if (auto error = faults.add_list(name)) return error;
  }
  return std::nullopt;
}

}  // namespace

bool Simulator::Impl::configure(std::string& error) {
  if (context.options.dialect != "reference") {
    error = "simulator: unknown dialect '" + context.options.dialect +
            "' (only 'reference' is available)";
    return false;
  }
  context.surface = reference_surface();
  if (auto problem = load_faults(context.options, context.faults)) {
    error = "simulator: " + *problem;
    return false;
  }
  if (context.options.pace_ms < 0) {
    error = "simulator: pace_ms must not be negative";
    return false;
  }
  server.new_task_queue = [] { return new httplib::ThreadPool(kWorkers); };
  server.set_payload_max_length(context.options.max_body_bytes);
  server.set_tcp_nodelay(true);
  // httplib's default sets SO_REUSEPORT, which would let a second server share a busy port and
  // split its traffic; SO_REUSEADDR alone still allows a quick restart on the same port.
  server.set_socket_options([](int sock) {
    int yes = 1;
    setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
  });
  SimContext* shared = &context;
  auto handler = [shared](const httplib::Request& req, httplib::Response& res) {
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
    // Our own error responses already have a body; only httplib's bare ones need one.
    if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
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

}  // namespace ac::sim
