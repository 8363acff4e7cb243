#pragma once
#include "sim/reply.hpp"
#include "sim/upstream_answer.hpp"

namespace ac::sim {

// A scripted answer as the reference simulator's Reply, to be written as a Message or its event
// stream by the reference's own writers (render_message, plan_stream).
Reply anthropic_reply_of(const UpstreamAnswer& answer, IdSource& ids);

}  // namespace ac::sim
