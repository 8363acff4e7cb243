#include "sim/upstream_anthropic.hpp"

namespace ac::sim {

Reply anthropic_reply_of(const UpstreamAnswer& a, IdSource& ids) {
  Reply reply;
  reply.id = ids.next("msg_");
  reply.model = a.model;
  if (a.has_text) reply.blocks.push_back(ReplyBlock{"text", a.text, "", "", "", ""});
  if (!a.tool_id.empty())
    reply.blocks.push_back(ReplyBlock{"tool_use", "", a.tool_id, a.tool_name, a.tool_arguments, ""});
  reply.stop_reason = a.finish_reason;
  reply.input_tokens = a.prompt_tokens;
  reply.output_tokens = a.completion_tokens;
  return reply;
}

}  // namespace ac::sim
