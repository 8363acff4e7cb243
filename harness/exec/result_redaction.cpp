#include "exec/result_redaction.hpp"

#include <rapidjson/document.h>

namespace ac {

namespace {

// The text one stream event adds to the message: the string its `delta` carries (text,
// partial_json, thinking, signature...), empty for other events.
std::string delta_text(const std::string& data) {
  rapidjson::Document doc;
  doc.Parse(data.data(), data.size());
  if (doc.HasParseError() || !doc.IsObject()) return "";
  auto delta = doc.FindMember("delta");
  if (delta == doc.MemberEnd() || !delta->value.IsObject()) return "";
  for (const auto& m : delta->value.GetObject())
    if (m.value.IsString() && std::string(m.name.GetString()) != "type")
      return std::string(m.value.GetString(), m.value.GetStringLength());
  return "";
}

void replace_part(std::string& data, const std::string& part, bool at_end) {
  const std::size_t at = at_end ? data.rfind(part) : data.find(part);
  if (!part.empty() && at != std::string::npos) data.replace(at, part.size(), Redactor::kMark);
}

// A server can split a secret across two events, so that one half is shorter than a piece the
// redactor looks for. The texts the events add are joined in order and searched as one text;
// each part of a secret found across a join is removed from its own event, however short.
void redact_split_secrets(std::vector<EventRecord>& events, const Redactor& redactor) {
  std::string joined;
  std::vector<std::size_t> start, event_of;  // each text's offset in `joined`, and its event
  std::vector<std::string> texts;
  for (std::size_t i = 0; i < events.size(); ++i) {
    std::string text = delta_text(events[i].data);
    if (text.empty()) continue;
    start.push_back(joined.size());
    event_of.push_back(i);
    joined += text;
    texts.push_back(std::move(text));
  }
  if (texts.size() < 2) return;
  for (const Redactor::Range& r : redactor.find(joined)) {
    for (std::size_t k = 0; k < texts.size(); ++k) {
      const std::size_t from = std::max(r.begin, start[k]), to = std::min(r.end, start[k] + texts[k].size());
      const bool whole_in_one = r.begin >= start[k] && r.end <= start[k] + texts[k].size();
      if (from >= to || whole_in_one) continue;  // within one event the per-event pass finds it
      const std::string part = texts[k].substr(from - start[k], to - from);
      replace_part(events[event_of[k]].data, part, /*at_end=*/to == start[k] + texts[k].size());
    }
  }
}

}  // namespace

void redact_response(Exchange& x, const Redactor& redactor) {
  if (redactor.empty()) return;
  for (auto& h : x.response_headers) {
    redactor.apply_in_place(h.name);
    redactor.apply_in_place(h.value);
  }
  redactor.apply_in_place(x.body);
  redact_split_secrets(x.events, redactor);
  for (auto& e : x.events) {
    redactor.apply_in_place(e.name);
    redactor.apply_in_place(e.data);
  }
  redactor.apply_in_place(x.transport_error);
}

void redact_result(Result& r, const Redactor& redactor) {
  if (redactor.empty()) return;
  redact_response(r.exchange, redactor);
  redactor.apply_in_place(r.reason);
  for (auto& f : r.findings) {
    for (std::string* text : {&f.check, &f.pointer, &f.expected, &f.actual, &f.message, &f.rule, &f.code})
      redactor.apply_in_place(*text);
  }
  Exchange& x = r.exchange;
  redactor.apply_in_place(x.retry_note);
  for (auto& a : x.attempt_log) redactor.apply_in_place(a.error);
  for (auto& s : x.steps) {
    for (std::string* text : {&s.label, &s.request, &s.curl, &s.transport_error}) redactor.apply_in_place(*text);
  }
  // The request was built with secrets replaced; a captured echo may still carry one.
  SentRequest& q = x.request;
  for (std::string* text : {&q.url, &q.body, &q.curl}) redactor.apply_in_place(*text);
  for (auto& h : q.headers) redactor.apply_in_place(h.value);
  // What the gateway forwarded carries the client's request on (a pass-through proxy sends the key).
  if (r.upstream) {
    redactor.apply_in_place(r.upstream->marker);
    for (auto& f : r.upstream->forwarded) {
      for (std::string* text : {&f.path, &f.body, &f.body_unmarked, &f.fault, &f.reply_body}) redactor.apply_in_place(*text);
      for (auto& h : f.headers) redactor.apply_in_place(h.value);
    }
  }
}

}  // namespace ac
