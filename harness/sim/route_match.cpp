#include "sim/route_match.hpp"

#include <algorithm>

namespace ac::sim {
namespace {

std::vector<std::string> split_path(const std::string& path) {
  std::vector<std::string> segments;
  std::string current;
  for (char c : path) {
    if (c == '/') {
      if (!current.empty()) segments.push_back(current);
      current.clear();
    } else {
      current += c;
    }
  }
  if (!current.empty()) segments.push_back(current);
  return segments;
}

bool is_param(const std::string& segment) {
  return segment.size() > 2 && segment.front() == '{' && segment.back() == '}';
}

// Literal segments must be equal; `{name}` captures one non-empty segment.
bool path_matches(const std::string& pattern, const std::string& path,
                  std::map<std::string, std::string>& params) {
  auto want = split_path(pattern);
  auto have = split_path(path);
  if (want.size() != have.size()) return false;
  std::map<std::string, std::string> captured;
  for (std::size_t i = 0; i < want.size(); ++i) {
    if (is_param(want[i])) {
      captured[want[i].substr(1, want[i].size() - 2)] = have[i];
    } else if (want[i] != have[i]) {
      return false;
    }
  }
  params = std::move(captured);
  return true;
}

}  // namespace

RouteMatch match_route(const ApiSurface& surface, const std::string& method,
                       const std::string& path) {
  RouteMatch result;
  const std::string effective = method == "HEAD" ? "GET" : method;
  for (const auto& route : surface.routes) {
    std::map<std::string, std::string> params;
    if (!path_matches(route.pattern, path, params)) continue;
    if (route.method == effective) {
      result.kind = RouteMatch::Kind::found;
      result.endpoint = route.endpoint;
      result.params = std::move(params);
      return result;
    }
    result.kind = RouteMatch::Kind::wrong_method;
    if (std::find(result.allowed.begin(), result.allowed.end(), route.method) ==
        result.allowed.end()) {
      result.allowed.push_back(route.method);
    }
  }
  return result;
}

}  // namespace ac::sim
