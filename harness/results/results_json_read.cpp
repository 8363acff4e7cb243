#include "model/finding_code.hpp"
#include "results/results_json.hpp"

namespace ac {
namespace {

// Reads the members of one JSON object, remembering the first problem with its path.
// Fields added by later versions are ignored; fields this version writes are optional when
// reading (defaults apply) unless marked required, but must have the right type when present.
class ObjectReader {
 public:
  ObjectReader(const rapidjson::Value& v, std::string where, std::string& error)
      : v_(v), where_(std::move(where)), error_(error) {
    if (!v_.IsObject()) fail_at(where_, "expected an object");
  }
  bool ok() const { return ok_; }
  const std::string& where() const { return where_; }

  const rapidjson::Value* member(const char* key, bool required = false) {
    if (!ok_) return nullptr;
    auto it = v_.FindMember(key);
    if (it == v_.MemberEnd() || it->value.IsNull()) {
      if (required) fail_at(path(key), "missing");
      return nullptr;
    }
    return &it->value;
  }
  void text(const char* key, std::string& out, bool required = false) {
    if (const auto* m = member(key, required)) {
      if (m->IsString()) out.assign(m->GetString(), m->GetStringLength());
      else fail_at(path(key), "expected a string");
    }
  }
  void number(const char* key, double& out) {
    if (const auto* m = member(key)) {
      if (m->IsNumber()) out = m->GetDouble();
      else fail_at(path(key), "expected a number");
    }
  }
  template <typename Int>
  void integer(const char* key, Int& out) {
    if (const auto* m = member(key)) {
      if (m->IsInt64()) out = static_cast<Int>(m->GetInt64());
      else fail_at(path(key), "expected an integer");
    }
  }
  void boolean(const char* key, bool& out) {
    if (const auto* m = member(key)) {
      if (m->IsBool()) out = m->GetBool();
      else fail_at(path(key), "expected true or false");
    }
  }
  const rapidjson::Value* array(const char* key, bool required = false) {
    const auto* m = member(key, required);
    if (m && !m->IsArray()) {
      fail_at(path(key), "expected an array");
      return nullptr;
    }
    return m;
  }
  std::string path(const char* key) const { return where_ + "." + key; }
  void fail_at(const std::string& where, const std::string& what) {
    if (ok_) error_ = where + ": " + what;
    ok_ = false;
  }
  void fail(bool bad) { ok_ = ok_ && !bad; }

 private:
  const rapidjson::Value& v_;
  std::string where_;
  std::string& error_;
  bool ok_ = true;
};

std::string index_path(const std::string& base, std::size_t i) {
  return base + "[" + std::to_string(i) + "]";
}

bool string_list(const rapidjson::Value* arr, const std::string& where, std::vector<std::string>& out,
                 std::string& error) {
  if (!arr) return true;
  for (rapidjson::SizeType i = 0; i < arr->Size(); ++i) {
    if (!(*arr)[i].IsString()) {
      error = index_path(where, i) + ": expected a string";
      return false;
    }
    out.emplace_back((*arr)[i].GetString(), (*arr)[i].GetStringLength());
  }
  return true;
}

bool headers_from(const rapidjson::Value* arr, const std::string& where, Headers& out, std::string& error) {
  if (!arr) return true;
  for (rapidjson::SizeType i = 0; i < arr->Size(); ++i) {
    const auto& pair = (*arr)[i];
    if (!pair.IsArray() || pair.Size() != 2 || !pair[0].IsString() || !pair[1].IsString()) {
      error = index_path(where, i) + ": expected [name, value]";
      return false;
    }
    out.push_back({std::string(pair[0].GetString(), pair[0].GetStringLength()),
                   std::string(pair[1].GetString(), pair[1].GetStringLength())});
  }
  return true;
}

bool request_from(const rapidjson::Value& v, const std::string& where, SentRequest& out, std::string& error) {
  ObjectReader r(v, where, error);
  r.text("method", out.method);
  r.text("url", out.url);
  const auto* headers = r.array("headers");
  r.text("body", out.body);
  r.integer("body_size", out.body_size);
  r.text("curl", out.curl);
  return r.ok() && headers_from(headers, r.path("headers"), out.headers, error);
}

// Reads an optional array of objects, one element at a time, with a located error.
template <typename T, typename Fill>
bool list_from(const rapidjson::Value* arr, const std::string& where, std::vector<T>& out, std::string& error,
               Fill fill) {
  if (!arr) return true;
  for (rapidjson::SizeType i = 0; i < arr->Size(); ++i) {
    ObjectReader r((*arr)[i], index_path(where, i), error);
    T item;
    fill(r, item);
    if (!r.ok()) return false;
    out.push_back(std::move(item));
  }
  return true;
}

bool events_from(const rapidjson::Value* arr, const std::string& where, std::vector<EventRecord>& out,
                 std::string& error) {
  return list_from(arr, where, out, error, [](ObjectReader& r, EventRecord& e) {
    r.text("name", e.name);
    r.text("data", e.data);
    r.number("at_ms", e.at_ms);
  });
}

bool attempts_from(const rapidjson::Value* arr, const std::string& where, std::vector<Attempt>& out, std::string& error) {
  return list_from(arr, where, out, error, [](ObjectReader& r, Attempt& a) {
    r.integer("status", a.status);
    r.text("error", a.error);
    r.number("waited_ms", a.waited_ms);
  });
}

bool steps_from(const rapidjson::Value* arr, const std::string& where, std::vector<StepRecord>& out, std::string& error) {
  return list_from(arr, where, out, error, [](ObjectReader& r, StepRecord& s) {
    r.text("label", s.label);
    r.text("request", s.request);
    r.integer("status", s.status);
    r.number("total_ms", s.total_ms);
    r.text("transport_error", s.transport_error);
    r.text("curl", s.curl);
  });
}

bool exchange_from(const rapidjson::Value& v, const std::string& where, Exchange& out, std::string& error) {
  ObjectReader r(v, where, error);
  const auto* request = r.member("request");
  r.integer("status", out.status);
  const auto* headers = r.array("headers");
  r.text("body", out.body);
  r.integer("body_size", out.body_size);
  r.boolean("body_truncated", out.body_truncated);
  const auto* events = r.array("events");
  r.integer("event_count", out.event_count);
  r.text("transport_error", out.transport_error);
  r.integer("attempts", out.attempts);
  const auto* attempts = r.array("attempt_log");
  r.text("retry_note", out.retry_note);
  const auto* steps = r.array("steps");
  if (!r.ok()) return false;
  if (!attempts_from(attempts, r.path("attempt_log"), out.attempt_log, error)) return false;
  if (!steps_from(steps, r.path("steps"), out.steps, error)) return false;
  if (request && !request_from(*request, r.path("request"), out.request, error)) return false;
  return headers_from(headers, r.path("headers"), out.response_headers, error) &&
         events_from(events, r.path("events"), out.events, error);
}

bool timings_from(const rapidjson::Value& v, const std::string& where, Timings& t, std::string& error) {
  ObjectReader r(v, where, error);
  r.number("dns_ms", t.dns_ms);
  r.number("connect_ms", t.connect_ms);
  r.number("tls_ms", t.tls_ms);
  r.number("first_byte_ms", t.first_byte_ms);
  r.number("total_ms", t.total_ms);
  r.number("first_event_ms", t.first_event_ms);
  r.number("first_content_ms", t.first_content_ms);
  r.number("max_gap_ms", t.max_gap_ms);
  return r.ok();
}

bool findings_from(const rapidjson::Value* arr, const std::string& where, Findings& out, std::string& error) {
  if (!arr) return true;
  for (rapidjson::SizeType i = 0; i < arr->Size(); ++i) {
    ObjectReader r((*arr)[i], index_path(where, i), error);
    Finding f;
    std::string severity = "breaking";
    r.text("check", f.check);
    r.text("pointer", f.pointer);
    r.text("expected", f.expected);
    r.text("actual", f.actual);
    r.text("message", f.message);
    r.text("severity", severity);
    std::string at;
    r.text("code", f.code);
    r.text("at", at);
    if (!r.ok()) return false;
    if (!parse_severity(severity, f.severity)) {
      error = r.path("severity") + ": unknown severity \"" + severity +
              "\" (expected breaking, lenient, cosmetic or warning)";
      return false;
    }
    f.where = parse_where(at);
    // A file written before codes existed: the code is rebuilt from what it has.
    if (f.code.empty()) f.code = finding_code(f);
    out.push_back(std::move(f));
  }
  return true;
}

bool provider_run_from(const rapidjson::Value& v, const std::string& where, ProviderRun& p, std::string& error) {
  ObjectReader r(v, where, error);
  r.text("name", p.name, true);
  r.text("base_url", p.base_url);
  r.boolean("simulated", p.simulated);
  r.text("status", p.status);
  r.text("reason", p.reason);
  r.text("messages_path", p.messages_path);
  r.text("auth", p.auth);
  return r.ok();
}

}  // namespace

bool run_from_json(const rapidjson::Value& v, const std::string& where, RunInfo& out, std::string& error) {
  ObjectReader r(v, where, error);
  r.text("started_at", out.started_at);
  r.text("api_version", out.api_version);
  r.text("command", out.command);
  r.integer("jobs", out.jobs);
  r.integer("repeat", out.repeat);
  r.text("shard", out.shard);
  const auto* providers = r.array("providers");
  const auto* suite = r.member("suite");
  if (!r.ok()) return false;
  if (suite) {
    ObjectReader s(*suite, r.path("suite"), error);
    s.text("version", out.suite.version);
    s.text("hash", out.suite.hash);
    if (!s.ok()) return false;
  }
  if (providers) {
    for (rapidjson::SizeType i = 0; i < providers->Size(); ++i) {
      ProviderRun p;
      if (!provider_run_from((*providers)[i], index_path(r.path("providers"), i), p, error)) return false;
      out.providers.push_back(std::move(p));
    }
  }
  return true;
}

bool upstream_from(const rapidjson::Value& v, const std::string& where, UpstreamRecord& out, std::string& error) {
  ObjectReader r(v, where, error);
  r.text("marker", out.marker);
  const auto* forwarded = r.array("forwarded");
  if (!r.ok() || !forwarded) return r.ok();
  for (rapidjson::SizeType i = 0; i < forwarded->Size(); ++i) {
    ForwardedRequest f;
    ObjectReader fr((*forwarded)[i], index_path(r.path("forwarded"), i), error);
    fr.text("method", f.method);
    fr.text("path", f.path);
    const auto* headers = fr.array("headers");
    fr.text("body", f.body);
    const auto* reply = fr.member("reply");
    if (!fr.ok() || !headers_from(headers, fr.path("headers"), f.headers, error)) return false;
    if (reply) {
      ObjectReader rr(*reply, fr.path("reply"), error);
      rr.integer("status", f.reply_status);
      rr.text("fault", f.fault);
      rr.text("body", f.reply_body);
      if (!rr.ok()) return false;
    }
    out.forwarded.push_back(std::move(f));
  }
  return true;
}

bool result_from_json(const rapidjson::Value& v, const std::string& where, Result& out, std::string& error) {
  ObjectReader r(v, where, error);
  std::string verdict;
  r.text("case", out.case_id, true);
  r.text("title", out.title);
  r.text("provider", out.provider, true);
  r.text("feature", out.feature);
  const auto* tags = r.array("tags");
  r.text("verdict", verdict, true);
  r.text("reason", out.reason);
  r.integer("repeat", out.repeat);
  r.boolean("fixed", out.fixed);
  const auto* findings = r.array("findings");
  const auto* exchange = r.member("exchange");
  const auto* timings = r.member("timings");
  const auto* upstream = r.member("upstream");
  if (!r.ok()) return false;
  if (upstream) {
    out.upstream.emplace();
    if (!upstream_from(*upstream, r.path("upstream"), *out.upstream, error)) return false;
  }
  if (!parse_verdict(verdict, out.verdict)) {
    error = r.path("verdict") + ": unknown verdict \"" + verdict +
            "\" (expected pass, fail, error, skip, unsupported or known)";
    return false;
  }
  if (!string_list(tags, r.path("tags"), out.tags, error)) return false;
  if (!findings_from(findings, r.path("findings"), out.findings, error)) return false;
  if (exchange && !exchange_from(*exchange, r.path("exchange"), out.exchange, error)) return false;
  return !timings || timings_from(*timings, r.path("timings"), out.exchange.timings, error);
}

bool summary_from_json(const rapidjson::Value& v, const std::string& where, Summary& out, std::string& error) {
  ObjectReader r(v, where, error);
  r.integer("total", out.total);
  r.integer("pass", out.pass);
  r.integer("fail", out.fail);
  r.integer("error", out.error);
  r.integer("skip", out.skip);
  r.integer("unsupported", out.unsupported);
  r.integer("known", out.known);
  r.integer("not_run", out.not_run);
  r.boolean("interrupted", out.interrupted);
  return r.ok();
}

bool upstream_run_from_json(const rapidjson::Value& v, const std::string& where, UpstreamRun& out, std::string& error) {
  ObjectReader r(v, where, error);
  r.text("dialect", out.dialect);
  r.text("listen", out.listen);
  const auto* unmatched = r.array("unmatched");
  if (!r.ok()) return false;
  return list_from(unmatched, r.path("unmatched"), out.unmatched, error, [](ObjectReader& m, UnmatchedRequest& u) {
    m.text("method", u.method);
    m.text("path", u.path);
    m.text("marker", u.marker);
    m.text("body", u.body);
  });
}

bool cost_from_json(const rapidjson::Value& v, const std::string& where, RunCost& out, std::string& error) {
  ObjectReader r(v, where, error);
  r.integer("token_budget", out.token_budget);
  r.boolean("budget_reached", out.budget_reached);
  r.integer("not_run", out.not_run);
  const auto* providers = r.array("providers");
  if (!r.ok()) return false;
  for (rapidjson::SizeType i = 0; providers && i < providers->Size(); ++i) {
    ProviderCost p;
    ObjectReader pr((*providers)[i], index_path(r.path("providers"), i), error);
    pr.text("name", p.provider, true);
    pr.integer("requests", p.requests);
    pr.integer("input_tokens", p.input_tokens);
    pr.integer("output_tokens", p.output_tokens);
    pr.integer("batches_canceled", p.batches_canceled);
    pr.integer("cleanup_failed", p.cleanup_failed);
    if (!pr.ok()) return false;
    out.providers.push_back(std::move(p));
  }
  return true;
}

bool deviations_from_json(const rapidjson::Value& v, const std::string& where, std::vector<Deviation>& out,
                          std::string& error) {
  if (!v.IsArray()) {
    error = where + ": expected an array";
    return false;
  }
  for (rapidjson::SizeType i = 0; i < v.Size(); ++i) {
    const std::string at = index_path(where, i);
    ObjectReader r(v[i], at, error);
    Deviation d;
    std::string severity = "breaking";
    r.text("id", d.id);
    r.text("provider", d.provider, true);
    r.text("code", d.code, true);
    r.text("severity", severity);
    r.text("title", d.title);
    r.text("reason", d.reason);
    r.text("owner", d.owner);
    r.boolean("declared", d.declared);
    const rapidjson::Value* cases = r.array("cases");
    const rapidjson::Value* features = r.array("features");
    const rapidjson::Value* example = r.member("example");
    if (!r.ok() || !string_list(cases, at + ".cases", d.cases, error) ||
        !string_list(features, at + ".features", d.features, error))
      return false;
    if (!parse_severity(severity, d.severity)) {
      error = r.path("severity") + ": unknown severity \"" + severity + "\" (expected breaking, lenient, cosmetic or warning)";
      return false;
    }
    if (example) {
      ObjectReader e(*example, at + ".example", error);
      e.text("case", d.example.case_id);
      e.text("pointer", d.example.pointer);
      e.text("expected", d.example.expected);
      e.text("actual", d.example.actual);
      e.text("message", d.example.message);
      e.text("at", d.example.at);
      e.text("curl", d.example.curl);
      if (!e.ok()) return false;
    }
    out.push_back(std::move(d));
  }
  return true;
}

}  // namespace ac
