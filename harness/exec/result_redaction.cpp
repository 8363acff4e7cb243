#include "exec/result_redaction.hpp"

namespace ac {

void redact_response(Exchange& x, const Redactor& redactor) {
  if (redactor.empty()) return;
  for (auto& h : x.response_headers) {
    redactor.apply_in_place(h.name);
    redactor.apply_in_place(h.value);
  }
  redactor.apply_in_place(x.body);
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
    for (std::string* text : {&f.check, &f.pointer, &f.expected, &f.actual, &f.message}) redactor.apply_in_place(*text);
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
}

}  // namespace ac
