#pragma once
#include <vector>

#include "sim/fault_catalog.hpp"
#include "sim/stream_script.hpp"

namespace ac::sim {

// Faults that need a second content block ("interleaved") split a single text block in two,
// so the deviation is visible whatever the request; other replies are returned unchanged.
Reply prepare_reply_for_faults(Reply reply, const FaultSet& faults);

// Applies the event-level faults (everything but framing, timing and connection faults) and
// returns the events in sending order.
std::vector<SseEvent> apply_event_faults(StreamScript script, const FaultSet& faults);

}  // namespace ac::sim
