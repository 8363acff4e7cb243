#pragma once
// JSON pieces of a reply, shared by the non-streaming body and the stream events.
#include <rapidjson/document.h>

#include "sim/reply.hpp"

namespace ac::sim {

// A content block; `empty` gives the form a stream's content_block_start carries
// (text "", thinking ""/signature "", tool_use input {}).
rapidjson::Value block_json(const ReplyBlock& block, bool empty,
                            rapidjson::Document::AllocatorType& alloc);
rapidjson::Value usage_json(long input_tokens, long output_tokens,
                            rapidjson::Document::AllocatorType& alloc);
// The Message; `streaming_start` gives message_start's form (no content, null stop fields).
rapidjson::Value message_json(const Reply& reply, bool streaming_start,
                              rapidjson::Document::AllocatorType& alloc);
rapidjson::Value stop_sequence_json(const Reply& reply, rapidjson::Document::AllocatorType& alloc);

}  // namespace ac::sim
