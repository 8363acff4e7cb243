#pragma once
#include <map>
#include <string>
#include <vector>

#include "sim/api_surface.hpp"

namespace ac::sim {

struct RouteMatch {
  enum class Kind { found, wrong_method, unknown_path } kind = Kind::unknown_path;
  Endpoint endpoint = Endpoint::messages;
  std::map<std::string, std::string> params;  // `{id}` segments, by name
  std::vector<std::string> allowed;           // methods the path accepts (wrong_method)
};

// Finds the route for `method` + `path` (no query string). HEAD matches GET routes.
RouteMatch match_route(const ApiSurface& surface, const std::string& method,
                       const std::string& path);

}  // namespace ac::sim
