#include <cmath>
#include <cstdint>
#include <cstring>

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "model/finding_code.hpp"
#include "results/results_json.hpp"
#include "util/utf8.hpp"

namespace ac {
namespace {

// True when no byte of `s` is below 0x20, at or above 0x80, `"` or `\`: RapidJSON would write it
// unchanged. Eight bytes at a time (a byte below 0x20 or equal to one of the two shows as a zero
// byte of a masked word), since every header, id and body of every result goes through here.
bool needs_no_escape(const std::string& s) {
  constexpr std::uint64_t kOnes = 0x0101010101010101ULL, kHighs = 0x8080808080808080ULL;
  auto has_zero_byte = [](std::uint64_t x) { return ((x - kOnes) & ~x & kHighs) != 0; };
  std::size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    std::uint64_t x;
    std::memcpy(&x, s.data() + i, 8);
    if ((x & kHighs) || ((x - 0x20 * kOnes) & kHighs) || has_zero_byte(x ^ ('"' * kOnes)) ||
        has_zero_byte(x ^ ('\\' * kOnes)))
      return false;
  }
  for (; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x20 || c >= 0x80 || c == '"' || c == '\\') return false;
  }
  return true;
}

// RapidJSON's writer with one addition: a string that needs no escaping goes out as one copy,
// not through the escape loop per character (that loop was the largest cost of a result).
class JsonWriter : public rapidjson::Writer<rapidjson::StringBuffer> {
 public:
  using Writer::Writer;
  void PlainString(const char* text, std::size_t length) {
    Prefix(rapidjson::kStringType);
    char* out = os_->Push(length + 2);
    out[0] = '"';
    std::memcpy(out + 1, text, length);
    out[length + 1] = '"';
    EndValue(true);
  }
};

void put_string(JsonWriter& w, const std::string& s) {
  if (needs_no_escape(s)) {
    w.PlainString(s.data(), s.size());
    return;
  }
  if (is_valid_utf8(s)) {  // the common case writes without a cleaned copy
    w.String(s.data(), static_cast<rapidjson::SizeType>(s.size()));
    return;
  }
  const std::string clean = valid_utf8(s);
  w.String(clean.data(), static_cast<rapidjson::SizeType>(clean.size()));
}

void put(JsonWriter& w, const char* key, const std::string& value) {
  w.Key(key);
  put_string(w, value);
}

// JSON has no NaN or infinity; a broken clock must not make the file unreadable.
void put(JsonWriter& w, const char* key, double value) {
  w.Key(key);
  w.Double(std::isfinite(value) ? value : 0.0);
}

void put_int(JsonWriter& w, const char* key, long long value) {
  w.Key(key);
  w.Int64(value);
}

void put_bool(JsonWriter& w, const char* key, bool value) {
  w.Key(key);
  w.Bool(value);
}

void put_strings(JsonWriter& w, const char* key, const std::vector<std::string>& items) {
  w.Key(key);
  w.StartArray();
  for (const auto& s : items) put_string(w, s);
  w.EndArray();
}

void put_headers(JsonWriter& w, const char* key, const Headers& headers) {
  w.Key(key);
  w.StartArray();
  for (const auto& h : headers) {
    w.StartArray();
    put_string(w, h.name);
    put_string(w, h.value);
    w.EndArray();
  }
  w.EndArray();
}

bool same_request(const SentRequest& a, const SentRequest& b) {
  if (a.body_size != b.body_size || a.method != b.method || a.url != b.url || a.body != b.body || a.curl != b.curl ||
      a.headers.size() != b.headers.size())
    return false;
  for (std::size_t i = 0; i < a.headers.size(); ++i)
    if (a.headers[i].name != b.headers[i].name || a.headers[i].value != b.headers[i].value) return false;
  return true;
}

// Every repeat of a job sends the same request, and validating and escaping its text (the curl
// line holds it twice) was a third of the writer's work: the JSON of the last request written on
// this thread is kept and reused when the next is equal, compared field by field.
void put_request(JsonWriter& w, const SentRequest& r) {
  thread_local SentRequest last;
  thread_local rapidjson::StringBuffer last_json;
  if (last_json.GetSize() == 0 || !same_request(r, last)) {
    last_json.Clear();
    JsonWriter own(last_json);
    own.StartObject();
    put(own, "method", r.method);
    put(own, "url", r.url);
    put_headers(own, "headers", r.headers);
    put(own, "body", r.body);
    put_int(own, "body_size", static_cast<long long>(r.body_size));
    put(own, "curl", r.curl);
    own.EndObject();
    last = r;
  }
  w.Key("request");
  w.RawValue(last_json.GetString(), last_json.GetSize(), rapidjson::kObjectType);
}

// `key: [{...}, ...]`, each object written by `fields` (the writer's twin of the reader's list_from).
template <typename T, typename Fields>
void put_list(JsonWriter& w, const char* key, const std::vector<T>& items, Fields fields) {
  w.Key(key);
  w.StartArray();
  for (const auto& item : items) {
    w.StartObject();
    fields(item);
    w.EndObject();
  }
  w.EndArray();
}

void put_events(JsonWriter& w, const std::vector<EventRecord>& events) {
  put_list(w, "events", events, [&](const EventRecord& e) {
    put(w, "name", e.name);
    put(w, "data", e.data);
    put(w, "at_ms", e.at_ms);
  });
}

void put_attempts(JsonWriter& w, const std::vector<Attempt>& attempts) {
  put_list(w, "attempt_log", attempts, [&](const Attempt& a) {
    put_int(w, "status", a.status);
    put(w, "error", a.error);
    put(w, "waited_ms", a.waited_ms);
  });
}

// Only for multi-step cases, so one-request results stay as they were.
void put_steps(JsonWriter& w, const std::vector<StepRecord>& steps) {
  if (steps.empty()) return;
  put_list(w, "steps", steps, [&](const StepRecord& s) {
    put(w, "label", s.label);
    put(w, "request", s.request);
    put_int(w, "status", s.status);
    put(w, "total_ms", s.total_ms);
    put(w, "transport_error", s.transport_error);
    put(w, "curl", s.curl);
  });
}

// Upstream mode only, so other results stay as they were.
void put_upstream(JsonWriter& w, const std::optional<UpstreamRecord>& upstream) {
  if (!upstream) return;
  w.Key("upstream");
  w.StartObject();
  put(w, "marker", upstream->marker);
  put_list(w, "forwarded", upstream->forwarded, [&](const ForwardedRequest& f) {
    put(w, "method", f.method);
    put(w, "path", f.path);
    put_headers(w, "headers", f.headers);
    put(w, "body", f.body);
    w.Key("reply");
    w.StartObject();
    put_int(w, "status", f.reply_status);
    put(w, "fault", f.fault);
    put(w, "body", f.reply_body);
    w.EndObject();
  });
  w.EndObject();
}

void put_exchange(JsonWriter& w, const Exchange& x) {
  w.Key("exchange");
  w.StartObject();
  put_request(w, x.request);
  put_int(w, "status", x.status);
  put_headers(w, "headers", x.response_headers);
  put(w, "body", x.body);
  put_int(w, "body_size", static_cast<long long>(x.body_size));
  put_bool(w, "body_truncated", x.body_truncated);
  put_events(w, x.events);
  put_int(w, "event_count", static_cast<long long>(x.event_count));
  put(w, "transport_error", x.transport_error);
  put_int(w, "attempts", x.attempts);
  put_attempts(w, x.attempt_log);
  put(w, "retry_note", x.retry_note);
  put_steps(w, x.steps);
  w.EndObject();
}

void put_timings(JsonWriter& w, const Timings& t) {
  w.Key("timings");
  w.StartObject();
  put(w, "dns_ms", t.dns_ms);
  put(w, "connect_ms", t.connect_ms);
  put(w, "tls_ms", t.tls_ms);
  put(w, "first_byte_ms", t.first_byte_ms);
  put(w, "total_ms", t.total_ms);
  put(w, "first_event_ms", t.first_event_ms);
  put(w, "first_content_ms", t.first_content_ms);
  put(w, "max_gap_ms", t.max_gap_ms);
  w.EndObject();
}

void put_finding_fields(JsonWriter& w, const Finding& f) {
  put(w, "check", f.check);
  put(w, "pointer", f.pointer);
  put(w, "expected", f.expected);
  put(w, "actual", f.actual);
  put(w, "message", f.message);
  put(w, "severity", std::string(to_string(f.severity)));
  put(w, "code", f.code);
  put(w, "at", where_text(f.where));
}

void put_findings(JsonWriter& w, const Findings& findings) {
  put_list(w, "findings", findings, [&](const Finding& f) { put_finding_fields(w, f); });
}

void put_provider_run(JsonWriter& w, const ProviderRun& p) {
  w.StartObject();
  put(w, "name", p.name);
  put(w, "base_url", p.base_url);
  put_bool(w, "simulated", p.simulated);
  put(w, "status", p.status);
  put(w, "reason", p.reason);
  put(w, "messages_path", p.messages_path);
  put(w, "auth", p.auth);
  w.EndObject();
}

}  // namespace

std::string json_string(const std::string& text) {
  rapidjson::StringBuffer buf;
  JsonWriter w(buf);
  put_string(w, text);
  return std::string(buf.GetString(), buf.GetSize());
}

std::string findings_json(const Findings& findings) {
  rapidjson::StringBuffer buf;
  JsonWriter w(buf);
  w.StartArray();
  for (const auto& f : findings) {
    w.StartObject();
    put_finding_fields(w, f);
    w.EndObject();
  }
  w.EndArray();
  return std::string(buf.GetString(), buf.GetSize());
}

std::string tool_json(const std::string& version) {
  rapidjson::StringBuffer buf;
  JsonWriter w(buf);
  w.StartObject();
  put(w, "name", std::string("apiconform"));
  put(w, "version", version);
  w.EndObject();
  return buf.GetString();
}

std::string run_json(const RunInfo& run) {
  rapidjson::StringBuffer buf;
  JsonWriter w(buf);
  w.StartObject();
  put(w, "started_at", run.started_at);
  put(w, "api_version", run.api_version);
  put(w, "command", run.command);
  put_int(w, "jobs", run.jobs);
  put_int(w, "repeat", run.repeat);
  if (!run.shard.empty()) put(w, "shard", run.shard);
  if (!run.suite.empty()) {
    w.Key("suite");
    w.StartObject();
    put(w, "version", run.suite.version);
    put(w, "hash", run.suite.hash);
    w.EndObject();
  }
  w.Key("providers");
  w.StartArray();
  for (const auto& p : run.providers) put_provider_run(w, p);
  w.EndArray();
  w.EndObject();
  return buf.GetString();
}

std::string_view result_json(const Result& r) {
  // Reused from result to result: its capacity settles after the first few instead of growing
  // from 256 bytes every time.
  thread_local rapidjson::StringBuffer buf;
  buf.Clear();
  JsonWriter w(buf);
  w.StartObject();
  put(w, "case", r.case_id);
  put(w, "title", r.title);
  put(w, "provider", r.provider);
  put(w, "feature", r.feature);
  put_strings(w, "tags", r.tags);
  put(w, "verdict", std::string(to_string(r.verdict)));
  put(w, "reason", r.reason);
  put_int(w, "repeat", r.repeat);
  put_bool(w, "fixed", r.fixed);
  put_findings(w, r.findings);
  put_exchange(w, r.exchange);
  put_timings(w, r.exchange.timings);
  put_upstream(w, r.upstream);
  w.EndObject();
  return std::string_view(buf.GetString(), buf.GetSize());
}

std::string deviations_json(const std::vector<Deviation>& deviations) {
  rapidjson::StringBuffer buf;
  JsonWriter w(buf);
  w.StartArray();
  for (const auto& d : deviations) {
    w.StartObject();
    put(w, "id", d.id);
    put(w, "provider", d.provider);
    put(w, "code", d.code);
    put(w, "severity", std::string(to_string(d.severity)));
    put(w, "title", d.title);
    put(w, "reason", d.reason);
    put_strings(w, "cases", d.cases);
    put_strings(w, "features", d.features);
    put(w, "owner", d.owner);
    put_bool(w, "declared", d.declared);
    w.Key("example");
    w.StartObject();
    put(w, "case", d.example.case_id);
    put(w, "pointer", d.example.pointer);
    put(w, "expected", d.example.expected);
    put(w, "actual", d.example.actual);
    put(w, "message", d.example.message);
    put(w, "at", d.example.at);
    put(w, "curl", d.example.curl);
    w.EndObject();
    w.EndObject();
  }
  w.EndArray();
  return buf.GetString();
}

std::string cost_json(const RunCost& cost) {
  rapidjson::StringBuffer buf;
  JsonWriter w(buf);
  w.StartObject();
  put_int(w, "token_budget", cost.token_budget);
  put_bool(w, "budget_reached", cost.budget_reached);
  put_int(w, "not_run", cost.not_run);
  w.Key("providers");
  w.StartArray();
  for (const auto& p : cost.providers) {
    w.StartObject();
    put(w, "name", p.provider);
    put_int(w, "requests", p.requests);
    put_int(w, "input_tokens", p.input_tokens);
    put_int(w, "output_tokens", p.output_tokens);
    put_int(w, "batches_canceled", p.batches_canceled);
    put_int(w, "cleanup_failed", p.cleanup_failed);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  return buf.GetString();
}

std::string upstream_run_json(const UpstreamRun& u) {
  rapidjson::StringBuffer buf;
  JsonWriter w(buf);
  w.StartObject();
  put(w, "dialect", u.dialect);
  put(w, "listen", u.listen);
  put_list(w, "unmatched", u.unmatched, [&](const UnmatchedRequest& m) {
    put(w, "method", m.method);
    put(w, "path", m.path);
    put(w, "marker", m.marker);
    put(w, "body", m.body);
  });
  w.EndObject();
  return buf.GetString();
}

std::string summary_json(const Summary& s) {
  rapidjson::StringBuffer buf;
  JsonWriter w(buf);
  w.StartObject();
  put_int(w, "total", s.total);
  put_int(w, "pass", s.pass);
  put_int(w, "fail", s.fail);
  put_int(w, "error", s.error);
  put_int(w, "skip", s.skip);
  put_int(w, "unsupported", s.unsupported);
  put_int(w, "known", s.known);
  put_int(w, "not_run", s.not_run);
  if (s.interrupted) {
    w.Key("interrupted");
    w.Bool(true);
  }
  w.EndObject();
  return buf.GetString();
}

}  // namespace ac
