#pragma once
#include <optional>
#include <string>

#include <httplib.h>

#include "sim/api_error.hpp"
#include "sim/api_surface.hpp"

namespace ac::sim {

// 401 when no key header is present or the key is not `expected_key`.
std::optional<ApiError> check_key(const httplib::Request& request, const ApiSurface& surface,
                                  const std::string& expected_key);

// 400 when the version header is missing (if required) or not one of the surface's versions; on success
// `version` holds the value sent (or "" when the surface requires none).
std::optional<ApiError> check_version(const httplib::Request& request, const ApiSurface& surface,
                                      std::string& version);

// 400 for an `anthropic-beta` value that is not shaped like `feature-name-YYYY-MM-DD`
// (comma-separated or repeated header), with the documented wording.
std::optional<ApiError> check_beta(const httplib::Request& request, const ApiSurface& surface);

// 400 "<name>: header is required" for a header the dialect requires that is absent.
std::optional<ApiError> check_required_headers(const httplib::Request& request,
                                               const ApiSurface& surface);

}  // namespace ac::sim
