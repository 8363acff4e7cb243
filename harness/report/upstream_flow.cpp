#include "report/upstream_flow.hpp"

namespace ac {
namespace {

// The path of an absolute URL ("http://127.0.0.1:3456/v1/messages?x" -> "/v1/messages?x").
std::string path_of(const std::string& url) {
  const auto scheme = url.find("://");
  const auto slash = url.find('/', scheme == std::string::npos ? 0 : scheme + 3);
  return slash == std::string::npos ? "/" : url.substr(slash);
}

}  // namespace

std::string upstream_reply_label(const ForwardedRequest& f) {
  std::string label = f.reply_status ? std::to_string(f.reply_status) : std::string("no reply");
  if (!f.fault.empty()) label += " (fault " + f.fault + ")";
  return label;
}

UpstreamFlow upstream_flow(const Result& r) {
  UpstreamFlow flow;
  for (const Finding& f : r.findings) (f.check == "upstream" ? flow.inbound : flow.outbound).push_back(&f);
  const Exchange& x = r.exchange;
  flow.client = x.request.method + " " + path_of(x.request.url) + (x.events.empty() ? "" : " · stream");
  const std::vector<ForwardedRequest> none;
  const auto& forwarded = r.upstream ? r.upstream->forwarded : none;
  if (forwarded.empty()) {
    flow.forwarded = "nothing";
    flow.reply = "none";
  } else {
    flow.forwarded = forwarded.front().method + " " + forwarded.front().path;
    if (forwarded.size() > 1) flow.forwarded += " ×" + std::to_string(forwarded.size());
    for (const auto& f : forwarded) flow.reply += (flow.reply.empty() ? "" : ", ") + upstream_reply_label(f);
  }
  flow.answer = x.status ? std::to_string(x.status) : "none";
  if (!x.transport_error.empty()) flow.answer += ": " + x.transport_error;
  return flow;
}

}  // namespace ac
