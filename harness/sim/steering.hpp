#pragma once
#include <optional>

#include <httplib.h>

#include "sim/api_error.hpp"
#include "sim/stream_plan.hpp"

namespace ac::sim {

struct SimContext;

// Per-request steering through `x-sim-*` headers, so one server can serve many scenarios:
//   x-sim-fault: a,b          faults added to the server's own (SimOptions::faults)
//   x-sim-pace-ms: 25         delay between stream events (overrides SimOptions::pace_ms)
//   x-sim-error: overloaded   stream: an in-band error event; otherwise that HTTP error
//   x-sim-error-after: 3      stream events sent before the error event
//   x-sim-stall-ms / x-sim-buffer-ms   durations for the "stall" and "buffered" faults
//   x-sim-batch-ms: 0         how long a batch created by this request stays in_progress
struct Steering {
  StreamSettings stream;
  std::optional<ApiError> error;  // from x-sim-error
  double batch_ms = 1000;         // x-sim-batch-ms: how long a new batch stays in_progress
};

// Reads the steering headers; a malformed value is a 400 naming the header.
std::optional<ApiError> read_steering(const httplib::Request& request, const SimContext& context,
                                      Steering& out);

}  // namespace ac::sim
