#include "sim/pagination.hpp"

#include <algorithm>
#include <cstdlib>

namespace ac::sim {
namespace {

std::optional<ApiError> parse_limit(const std::string& text, std::size_t& limit) {
  limit = 20;
  if (text.empty()) return std::nullopt;
  char* end = nullptr;
  long value = std::strtol(text.c_str(), &end, 10);
  if (*end != '\0') return invalid_request("limit: Input should be a valid integer");
  if (value < 1) return invalid_request("limit: Input should be greater than or equal to 1");
  if (value > 1000) return invalid_request("limit: Input should be less than or equal to 1000");
  limit = static_cast<std::size_t>(value);
  return std::nullopt;
}

std::optional<std::size_t> position_of(const std::vector<std::string>& ids, const std::string& id) {
  auto it = std::find(ids.begin(), ids.end(), id);
  if (it == ids.end()) return std::nullopt;
  return static_cast<std::size_t>(it - ids.begin());
}

}  // namespace

std::optional<ApiError> page_ids(const std::vector<std::string>& ids, const std::string& limit_text,
                                 const std::string& after_id, const std::string& before_id,
                                 PageRange& page) {
  std::size_t limit = 0;
  if (auto error = parse_limit(limit_text, limit)) return error;
  std::size_t begin = 0;
  std::size_t end = ids.size();
  if (!after_id.empty()) {
    auto at = position_of(ids, after_id);
    if (!at) return invalid_request("after_id: no item with id '" + after_id + "'");
    begin = *at + 1;
  }
  if (!before_id.empty()) {
    auto at = position_of(ids, before_id);
    if (!at) return invalid_request("before_id: no item with id '" + before_id + "'");
    end = std::min(end, *at);
  }
  page = PageRange{};
  if (begin >= end) return std::nullopt;
  const bool backward = !before_id.empty() && after_id.empty();
  // Paging backwards takes the items closest to the cursor; forwards, those right after it.
  page.first = backward && end - begin > limit ? end - limit : begin;
  page.last = std::min(end, page.first + limit);
  page.has_more = backward ? page.first > begin : page.last < end;
  return std::nullopt;
}

}  // namespace ac::sim
