#pragma once
// How a dialect reports a reply that the reference rules composed.
#include <string>

#include "sim/api_surface.hpp"
#include "sim/reply.hpp"

namespace ac::sim {

// The model id a dialect reports for the resolved model `id` (its answer_model map, else `id`).
std::string answered_model(const ApiSurface& surface, const std::string& id);

// The non-streaming body: the Message (minus the dialect's omitted fields), or the gateway
// envelope {"success":true,"code":"200","message":"successful","data":{id, model, choices}}.
std::string render_answer(const Reply& reply, const ApiSurface& surface);

}  // namespace ac::sim
