#pragma once
#include <atomic>
#include <memory>

#include <httplib.h>

#include "sim/stream_plan.hpp"

namespace ac::sim {

// Serves `plan` as a chunked response: each write is flushed on its own after its delay, so a
// client really receives the stream incrementally. `stopping` ends pauses and stalls early when
// the simulator shuts down.
// `status` is the success status of the dialect (200 in the reference).
void send_stream(httplib::Response& response, StreamPlan plan,
                 std::shared_ptr<const std::atomic<bool>> stopping, int status = 200);

// Sleeps `ms` in short slices; false if `stopping` was raised meanwhile.
bool sleep_unless_stopped(double ms, const std::atomic<bool>& stopping);

}  // namespace ac::sim
