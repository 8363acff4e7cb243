#pragma once
#include <atomic>
#include <memory>

#include <httplib.h>

#include "sim/api_surface.hpp"
#include "sim/batch_store.hpp"
#include "sim/fault_catalog.hpp"
#include "sim/ids.hpp"
#include "sim/model_catalog.hpp"
#include "sim/simulator.hpp"

namespace ac::sim {

// What every request handler of one simulator shares. Owned by the Simulator; handlers only
// read it, except the thread-safe IdSource, BatchStore and stop flag.
struct SimContext {
  SimOptions options;
  ApiSurface surface;
  std::vector<ModelInfo> extra_models;  // the dialect's models beyond the catalog
  FaultSet faults;  // from options.faults, validated at start
  IdSource ids;
  BatchStore batches;  // Message Batches created on this simulator
  std::shared_ptr<std::atomic<bool>> stopping = std::make_shared<std::atomic<bool>>(false);
  std::unique_ptr<ReplayBook> replay;  // from options.replay, when serving a recording
};

// The whole request pipeline: route, key, version, steering headers, endpoint.
void handle_request(SimContext& context, const httplib::Request& request,
                    httplib::Response& response);

// `serve --replay`: answers from the recording, the recorded bytes in their recorded pieces.
void handle_replay(SimContext& context, const httplib::Request& request, httplib::Response& response);

// Answers requests httplib rejected before routing (body over the limit, malformed request).
void handle_transport_error(SimContext& context, const httplib::Request& request,
                            httplib::Response& response);

}  // namespace ac::sim
