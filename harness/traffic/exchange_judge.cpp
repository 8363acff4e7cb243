#include "traffic/exchange_judge.hpp"

#include "check/judge.hpp"
#include "check/settle.hpp"
#include "stream/stream_judge.hpp"
#include "traffic/content_decoding.hpp"
#include "traffic/endpoint_rules.hpp"
#include "traffic/request_check.hpp"
#include "traffic/request_summary.hpp"
#include "util/utf8.hpp"

namespace ac {

namespace {

constexpr std::size_t kRequestBodyKept = 16 * 1024;  // as a run keeps of what it sent

HeaderExpectation header_rule(const char* name, HeaderMatch match, const char* value) {
  HeaderExpectation h;
  h.name = name;
  h.match = match;
  h.value = value;
  return h;
}

JsonExpectation json_rule(const char* pointer, JsonCheckKind kind, std::string value) {
  JsonExpectation j;
  j.pointer = pointer;
  j.kind = kind;
  j.value = std::move(value);
  return j;
}

// What the API would have answered, as a case's `expect:` (reference §1.3, §4, §5): an error
// status in the error envelope with the documented error.type; a success in the endpoint's
// schema, or as an event stream when the request asked for one. A request the API refuses
// expects its 400. `where` says the expectation is the traffic rules', not a case file's.
Expectation reply_expectation(const EndpointRule* rule, int status, bool streamed, bool client_invalid,
                              const JudgeContext& context, const std::string& endpoint) {
  Expectation e;
  e.where.file = "traffic " + endpoint;
  if (status >= 300 || client_invalid) {
    e.status = {client_invalid ? 400 : status};
    if (status < 400) return e;  // a success to a refused request: the status finding says it
    e.schema = status == 413 ? "anthropic/error-413-edge.json" : "anthropic/error.json";
    e.schema_where.file = "schemas/" + e.schema;
    e.headers.push_back(header_rule("content-type", HeaderMatch::Matches, "^application/json"));
    if (const char* type = documented_error_type(status); *type)
      e.json.push_back(json_rule("/error/type", JsonCheckKind::Equals, std::string("\"") + type + "\""));
    e.headers.push_back(header_rule("request-id", HeaderMatch::Present, ""));
    return e;
  }
  e.headers.push_back(header_rule("request-id", HeaderMatch::Present, ""));
  if (!rule) return e;
  if (streamed && rule->may_stream) {
    StreamExpectation s;
    s.expected = true;
    s.grammar = kDefaultStreamGrammar;
    s.folded_schema = context.grammar->folded_schema;
    s.timing_max_ms = context.timing_max_ms;
    s.where.file = "schemas/" + s.grammar;
    e.stream = std::move(s);
    e.headers.push_back(header_rule("content-type", HeaderMatch::Matches, "^text/event-stream"));
  } else if (rule->lines) {
    LinesExpectation lines;
    lines.schema = rule->reply_schema;
    lines.schema_where.file = std::string("schemas/") + rule->reply_schema;
    e.lines = std::move(lines);
  } else {
    e.schema = rule->reply_schema;
    e.schema_where.file = "schemas/" + e.schema;
    e.headers.push_back(header_rule("content-type", HeaderMatch::Matches, "^application/json"));
  }
  return e;
}

// Feeds the recorded body to a stream judge as it arrived (chunk by chunk, at its times), or in
// one piece at the first byte when the arrival times are unknown (no chunks, or a decoded body).
void feed_stream(StreamJudge& judge, const std::string& body, const std::vector<ReplyChunk>& chunks, double first_byte_ms) {
  if (chunks.empty()) {
    judge.feed(body.data(), body.size(), first_byte_ms);
    return;
  }
  for (std::size_t i = 0; i < chunks.size(); ++i) {
    const std::size_t begin = std::min(chunks[i].offset, body.size());
    const std::size_t end = i + 1 < chunks.size() ? std::min(chunks[i + 1].offset, body.size()) : body.size();
    if (end > begin) judge.feed(body.data() + begin, end - begin, chunks[i].at_ms);
  }
}

struct StreamOutcome {
  std::unique_ptr<StreamJudge> judge;
  StreamExpectation expect;
};

// Judges the reply as an event stream. A stream that ends with an in-band error is judged again
// expecting that error (reference §4.4: the API's own way to fail after the 200), so only a
// wrong envelope or a wrong ending is a finding, not the error itself.
StreamOutcome judge_stream(const std::string& body, const std::vector<ReplyChunk>& chunks, const ExchangeRecord& r,
                           const Expectation& expect, const JudgeContext& context) {
  StreamJudgeOptions options;
  options.judge_timing = !chunks.empty();
  StreamOutcome out;
  out.expect = *expect.stream;
  out.expect.require_incremental = !chunks.empty();
  for (int pass = 0; pass < 2; ++pass) {
    out.judge = std::make_unique<StreamJudge>(*context.grammar, *context.schemas, out.expect, options);
    feed_stream(*out.judge, body, chunks, r.first_byte_ms);
    out.judge->finish(r.error.empty());
    if (pass == 1 || out.judge->error_type().empty()) break;
    out.expect.error = out.judge->error_type();
  }
  return out;
}

}  // namespace

Diagnostics load_judge_data(const std::string& schemas_dir, JudgeData& owner, JudgeContext& context,
                            const SchemaLoadOptions& options) {
  Diagnostics diags;
  owner.schemas = SchemaRegistry::load(schemas_dir, diags, options);
  owner.request_schemas = SchemaRegistry::load(schemas_dir + "/requests", diags);
  Diagnostics g = load_grammar(schemas_dir + "/" + kDefaultStreamGrammar, owner.grammar);
  diags.insert(diags.end(), g.begin(), g.end());
  if (owner.grammar && owner.schemas) {
    Diagnostics s = check_grammar_schemas(*owner.grammar, *owner.schemas);
    diags.insert(diags.end(), s.begin(), s.end());
  }
  context.schemas = owner.schemas.get();
  context.request_schemas = owner.request_schemas.get();
  context.grammar = owner.grammar.get();
  return diags;
}

Result judge_exchange(const ExchangeRecord& r, const JudgeContext& context) {
  const EndpointRule* rule = endpoint_rule(r.method, r.path);
  const std::string endpoint = endpoint_name(r.method, r.path);
  rapidjson::Document request;
  if (!r.request_body.empty()) request.Parse(r.request_body.c_str(), r.request_body.size());
  if (request.HasParseError()) request.SetNull();
  const RequestSummary asked = summarise_request(request);

  Result result;
  result.feature = endpoint;
  result.case_id = endpoint + (asked.model.empty() ? "" : " \xC2\xB7 " + asked.model) + " \xC2\xB7 #" +
                   std::to_string(r.sequence);
  result.title = asked.text.empty() ? endpoint : asked.text;
  result.provider = context.provider;
  result.tags = {"traffic"};
  if (asked.streamed) result.tags.push_back("stream");

  const Redactor redactor = record_redactor(r, context.secrets);
  Exchange& x = result.exchange;
  x.request.method = r.method;
  x.request.url = redactor.apply(r.target + r.path);
  x.request.headers = mask_secret_headers(r.request_headers, context.secrets);
  x.request.body = redactor.apply(cut_utf8(valid_utf8(r.request_body), kRequestBodyKept));
  x.request.body_size = r.request_body.size();
  x.status = r.status;
  x.response_headers = mask_secret_headers(r.response_headers, context.secrets);
  x.timings.first_byte_ms = r.first_byte_ms;
  x.timings.total_ms = r.total_ms;

  Findings findings = rule ? check_request(r, *rule, request, *context.request_schemas, context.strict) : Findings{};
  bool client_invalid = false;
  for (const auto& f : findings) client_invalid = client_invalid || fails_case(f.severity);
  if (r.status == 0) {
    result.verdict = Verdict::Error;
    result.reason = r.error.empty() ? "no reply" : r.error;
    settle_findings(Expectation{}, findings);
    result.findings = std::move(findings);
    return result;
  }

  const Expectation expect = reply_expectation(rule, r.status, asked.streamed, client_invalid, context, endpoint);
  std::string body, decode_error;
  const auto encoding = find_header(r.response_headers, "content-encoding");
  const bool decoded = decode_content(encoding.value_or(""), r.response_body, body, decode_error);
  const bool encoded = decoded && encoding && !encoding->empty() && *encoding != "identity";
  StreamOutcome stream;
  const rapidjson::Value* folded = nullptr;
  if (decoded && expect.stream) {
    stream = judge_stream(body, encoded ? std::vector<ReplyChunk>{} : r.chunks, r, expect, context);
    findings.insert(findings.end(), stream.judge->findings().begin(), stream.judge->findings().end());
    x.events = stream.judge->recorded_events();
    x.event_count = stream.judge->event_count();
    x.timings.first_event_ms = stream.judge->first_event_ms();
    x.timings.first_content_ms = stream.judge->first_content_ms();
    x.timings.max_gap_ms = stream.judge->max_gap_ms();
    folded = &stream.judge->folded();
  }
  x.body = std::move(body);
  x.body_size = x.body.size();
  if (!decoded) {
    Finding f{"body", "", "a body its Content-Encoding decodes", "undecodable", decode_error};
    f.rule = "encoding";
    findings.push_back(std::move(f));
  } else if (!r.error.empty() && !expect.stream) {
    result.verdict = Verdict::Error;  // a reply cut short: nothing to judge but that it was cut
    result.reason = r.error;
  } else {
    Findings checks = ac::judge_exchange(expect, x, *context.schemas, folded, context.strict, r.request_body);
    findings.insert(findings.end(), checks.begin(), checks.end());
  }
  if (expect.stream) x.body.clear();  // as in a run: a stream is kept as its events, not its bytes
  settle_findings(expect, findings);
  result.findings = std::move(findings);
  if (result.verdict != Verdict::Error) result.verdict = verdict_of(result.findings);
  // Only the kept excerpt leaves: results stay small, and never hold the client's key.
  x.body = redactor.apply(cut_utf8(valid_utf8(x.body), context.max_body_kept));
  x.body_truncated = x.body.size() < x.body_size;
  return result;
}

}  // namespace ac
