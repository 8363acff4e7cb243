#pragma once
#include <optional>
#include <string>
#include <vector>

#include "sim/api_error.hpp"

namespace ac::sim {

// [first, last) positions of one page of a list, plus whether more items lie beyond it.
struct PageRange {
  std::size_t first = 0;
  std::size_t last = 0;
  bool has_more = false;
};

// The API's list pagination over `ids` (in list order): `limit` 1..1000 (default 20),
// `after_id` pages forward, `before_id` backward (the `limit` items just before it). An unknown
// cursor or a bad limit is a 400 naming the query parameter.
std::optional<ApiError> page_ids(const std::vector<std::string>& ids, const std::string& limit,
                                 const std::string& after_id, const std::string& before_id,
                                 PageRange& page);

}  // namespace ac::sim
