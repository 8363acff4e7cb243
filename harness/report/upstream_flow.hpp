#pragma once
#include <string>
#include <vector>

#include "model/result.hpp"

namespace ac {

// A case run through a gateway in upstream mode (docs/upstream.md), as four hops: what the client
// sent, what the gateway forwarded, what the upstream answered, what the gateway answered. Each
// finding sits on the arrow where the translation went wrong: a check on the forwarded request
// (check "upstream") on the way in, every other check on the way back. Shared by the HTML and
// Markdown reports so both tell the same story.
struct UpstreamFlow {
  std::vector<const Finding*> inbound;   // client request -> what the gateway forwarded
  std::vector<const Finding*> outbound;  // upstream reply -> what the gateway answered
  std::string client;                    // "POST /v1/messages", " · stream" when streamed
  std::string forwarded;                 // "POST /v1/chat/completions", "×N" when retried, or "nothing"
  std::string reply;                     // the upstream's status(es) and fault, or "none"
  std::string answer;                    // the gateway's status, or the transport error
};

// Only meaningful when `r.upstream` is set.
UpstreamFlow upstream_flow(const Result& r);

// "429 (fault status)", "no reply (fault unreachable)": one upstream answer.
std::string upstream_reply_label(const ForwardedRequest& f);

}  // namespace ac
