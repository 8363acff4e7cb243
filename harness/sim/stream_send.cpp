#include "sim/stream_send.hpp"

#include <chrono>
#include <thread>

namespace ac::sim {

bool sleep_unless_stopped(double ms, const std::atomic<bool>& stopping) {
  using clock = std::chrono::steady_clock;
  auto until = clock::now() + std::chrono::microseconds(static_cast<long long>(ms * 1000));
  while (clock::now() < until) {
    if (stopping.load()) return false;
    auto left = std::chrono::duration_cast<std::chrono::microseconds>(until - clock::now());
    std::this_thread::sleep_for(std::min(left, std::chrono::microseconds(20000)));
  }
  return !stopping.load();
}

namespace {

struct StreamState {
  StreamPlan plan;
  std::size_t next = 0;
  std::shared_ptr<const std::atomic<bool>> stopping;
};

// Returning false makes httplib drop the connection without the chunked terminator.
bool finish(StreamState& state, httplib::DataSink& sink) {
  switch (state.plan.end) {
    case StreamEnd::finish:
      sink.done();
      return true;
    case StreamEnd::cut:
      return false;
    case StreamEnd::stall:
      sleep_unless_stopped(state.plan.stall_ms, *state.stopping);
      return false;
  }
  return false;
}

}  // namespace

void send_stream(httplib::Response& response, StreamPlan plan,
                 std::shared_ptr<const std::atomic<bool>> stopping, int status) {
  auto state = std::make_shared<StreamState>();
  state->plan = std::move(plan);
  state->stopping = std::move(stopping);
  response.status = status;
  response.set_header("cache-control", "no-cache");
  const std::string content_type = state->plan.content_type;
  response.set_chunked_content_provider(content_type, [state](std::size_t, httplib::DataSink& sink) {
    if (state->next >= state->plan.writes.size()) return finish(*state, sink);
    const StreamWrite& write = state->plan.writes[state->next++];
    if (write.delay_ms > 0 && !sleep_unless_stopped(write.delay_ms, *state->stopping)) return false;
    return sink.write(write.bytes.data(), write.bytes.size());
  });
}

}  // namespace ac::sim
