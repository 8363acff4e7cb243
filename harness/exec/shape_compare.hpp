#pragma once
#include <string>

#include <rapidjson/document.h>

#include "model/finding.hpp"

namespace ac {

// Compares the message folded from a stream with the reply to the same request made without
// streaming. Model output varies between calls, so only the shape is compared: the same
// members at the top level and in usage, the same type/role/model/stop_reason, and the same
// sequence of content block types.
void compare_message_shapes(const rapidjson::Value& folded, const rapidjson::Value& plain, const std::string& partner_id,
                            Findings& out);

}  // namespace ac
