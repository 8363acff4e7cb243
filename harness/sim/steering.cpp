#include "sim/steering.hpp"

#include <cstdlib>

#include "sim/sim_context.hpp"

namespace ac::sim {
namespace {

std::optional<ApiError> read_number(const httplib::Request& request, const char* header,
                                    double& out, const char* unit = "milliseconds") {
  if (!request.has_header(header)) return std::nullopt;
  std::string text = request.get_header_value(header);
  char* end = nullptr;
  double value = std::strtod(text.c_str(), &end);
  if (text.empty() || *end != '\0' || value < 0 || value > 3600000) {
    return invalid_request(std::string(header) + ": expected a number of " + unit + " (0..3600000), got '" + text + "'");
  }
  out = value;
  return std::nullopt;
}

}  // namespace

std::optional<ApiError> read_steering(const httplib::Request& request, const SimContext& context,
                                      Steering& out) {
  out = Steering{};
  out.stream.faults = context.faults;
  out.stream.pace_ms = context.options.pace_ms;
  if (request.has_header("x-sim-fault")) {
    if (auto error = out.stream.faults.add_list(request.get_header_value("x-sim-fault"))) {
      return invalid_request("x-sim-fault: " + *error);
    }
  }
  if (auto error = read_number(request, "x-sim-pace-ms", out.stream.pace_ms)) return error;
  if (auto error = read_number(request, "x-sim-stall-ms", out.stream.stall_ms)) return error;
  if (auto error = read_number(request, "x-sim-buffer-ms", out.stream.buffer_ms)) return error;
  if (auto error = read_number(request, "x-sim-batch-ms", out.batch_ms)) return error;
  double after = -1;
  if (auto error = read_number(request, "x-sim-error-after", after, "events")) return error;
  out.stream.error_after = static_cast<long>(after);
  if (request.has_header("x-sim-error")) {
    std::string name = request.get_header_value("x-sim-error");
    out.error = named_error(name);
    if (!out.error) {
      return invalid_request("x-sim-error: unknown error '" + name + "' (known: " +
                             named_error_names() + ")");
    }
    out.stream.error_event = out.error;
  }
  return std::nullopt;
}

}  // namespace ac::sim
