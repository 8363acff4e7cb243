#include "sim/header_checks.hpp"

#include <algorithm>
#include <cctype>
#include <regex>

#include "util/trim.hpp"

namespace ac::sim {
namespace {

bool starts_with_ci(const std::string& text, const std::string& prefix) {
  if (text.size() < prefix.size()) return false;
  return std::equal(prefix.begin(), prefix.end(), text.begin(), [](char a, char b) {
    return std::tolower(static_cast<unsigned char>(a)) ==
           std::tolower(static_cast<unsigned char>(b));
  });
}

}  // namespace

std::optional<ApiError> check_key(const httplib::Request& request, const ApiSurface& surface,
                                  const std::string& expected_key) {
  for (const auto& header : surface.key_headers) {
    if (!request.has_header(header.name.c_str())) continue;
    std::string value = request.get_header_value(header.name.c_str());
    if (!header.prefix.empty()) {
      // An Authorization header of another scheme (Basic ...) carries no API key.
      if (!starts_with_ci(value, header.prefix)) continue;
      value = value.substr(header.prefix.size());
    }
    value = std::string(trim(value));
    if (value.empty()) continue;
    if (value != expected_key) return authentication_failed(surface.bad_key_message);
    return std::nullopt;
  }
  return authentication_failed(surface.missing_key_message);
}

std::optional<ApiError> check_version(const httplib::Request& request, const ApiSurface& surface,
                                      std::string& version) {
  version.clear();
  if (surface.version_header.empty() || surface.version_policy == VersionPolicy::ignored) {
    return std::nullopt;
  }
  if (!request.has_header(surface.version_header.c_str())) {
    if (surface.version_policy == VersionPolicy::optional) return std::nullopt;
    return invalid_request(surface.version_header + ": header is required");
  }
  version = std::string(trim(request.get_header_value(surface.version_header.c_str())));
  if (std::find(surface.versions.begin(), surface.versions.end(), version) ==
      surface.versions.end()) {
    return invalid_request(surface.version_header + ": unknown version '" + version + "'");
  }
  return std::nullopt;
}

std::optional<ApiError> check_required_headers(const httplib::Request& request,
                                               const ApiSurface& surface) {
  for (const auto& header : surface.required_headers) {
    if (!request.has_header(header.name.c_str())) {
      return invalid_request(header.name + ": header is required");
    }
  }
  return std::nullopt;
}

std::optional<ApiError> check_beta(const httplib::Request& request, const ApiSurface& surface) {
  // A dialect that does not read anthropic-version knows nothing of its betas either.
  if (surface.version_policy == VersionPolicy::ignored) return std::nullopt;
  static const std::regex kBetaName("^[a-z0-9]+(-[a-z0-9]+)*-[0-9]{4}-[0-9]{2}-[0-9]{2}$");
  auto count = request.get_header_value_count("anthropic-beta");
  for (std::size_t i = 0; i < count; ++i) {
    std::string values = request.get_header_value("anthropic-beta", i);
    std::size_t start = 0;
    while (start <= values.size()) {
      auto comma = values.find(',', start);
      if (comma == std::string::npos) comma = values.size();
      std::string name(trim(std::string_view(values).substr(start, comma - start)));
      if (!name.empty() && !std::regex_match(name, kBetaName)) {
        return invalid_request("Unexpected value(s) `" + name +
                               "` for the `anthropic-beta` header. Please consult our "
                               "documentation at platform.claude.com/docs or try again without "
                               "the header.");
      }
      start = comma + 1;
    }
  }
  return std::nullopt;
}

}  // namespace ac::sim
