#pragma once
#include <string>

#include "model/finding_code.hpp"
#include "results/baseline_diff.hpp"
#include "results/deviations.hpp"
#include "results/results_file.hpp"

namespace ac::testing {

// Hostile provider text. The data-pwned / PWNED markers let a browser test see whether any of
// it ran: the page must keep its <body> attributes and its title.
inline const std::string kScriptAlert = "<script>alert(1)</script>";
inline const std::string kImgOnerror = "\"><img src=x onerror=alert(1)>";
inline const std::string kMarkerScript =
    "<script>document.body.setAttribute('data-pwned','1');document.title='PWNED'</script>";
inline const std::string kMarkerImg = "'\"><img src=x onerror=\"document.body.setAttribute('data-pwned','1')\">";

// As a run leaves them: every finding with its code, the deviations found over the results.
inline void settle_fixture(ResultsFile& f) {
  for (auto& r : f.results)
    for (auto& finding : r.findings)
      if (finding.code.empty()) finding.code = finding_code(finding);
  for (const auto& r : f.results) f.summary.add(r.verdict);
  f.deviations = find_deviations(f);
}

// A results file's run header, as every fixture starts.
inline ResultsFile fixture_file(const std::string& started, const std::string& finished, const std::string& command,
                                int jobs, int repeat, std::vector<ProviderRun> providers) {
  ResultsFile f;
  f.tool_version = "0.1.0";
  f.run.started_at = started;
  f.run.command = command;
  f.run.jobs = jobs;
  f.run.repeat = repeat;
  f.run.providers = std::move(providers);
  f.finished_at = finished;
  return f;
}

inline Result fixture_result(const std::string& provider, const std::string& feature, const std::string& id,
                             Verdict verdict) {
  Result r;
  r.provider = provider;
  r.feature = feature;
  r.case_id = id;
  r.title = "Case " + id;
  r.tags = {"smoke"};
  r.verdict = verdict;
  Exchange& x = r.exchange;
  x.request.method = "POST";
  x.request.url = provider == "reference" ? "http://127.0.0.1:40123/v1/messages" : "https://gw.example/v1/messages";
  x.request.headers = {
      {"x-api-key", "[REDACTED]"}, {"anthropic-version", "2023-06-01"}, {"content-type", "application/json"}};
  x.request.body = R"({"model":"claude-test","max_tokens":16,"messages":[{"role":"user","content":"Hi"}]})";
  x.request.body_size = x.request.body.size();
  x.request.curl = "curl -sS -X POST '" + x.request.url +
                   "' -H \"x-api-key: $API_KEY\" -H 'anthropic-version: 2023-06-01' --data-binary @body.json";
  x.status = 200;
  x.response_headers = {{"content-type", "application/json"}, {"request-id", "req_fixture"}};
  x.body = R"({"id":"msg_01","type":"message","role":"assistant","content":[{"type":"text","text":"Hello"}]})";
  x.body_size = x.body.size();
  x.timings = {0.1, 0.4, 0.0, 3.0, 4.0, 0, 0, 0};
  return r;
}

inline void add_stream(Result& r, const std::string& hostile_data) {
  r.exchange.response_headers = {{"content-type", "text/event-stream"}};
  r.exchange.body = "event: message_start\ndata: {...}\n\n";
  r.exchange.events = {{"message_start", R"({"type":"message_start"})", 12.5},
                       {"content_block_start", R"({"type":"content_block_start","index":0})", 13.0},
                       {"content_block_delta", hostile_data, 20.25},
                       {"message_stop", R"({"type":"message_stop"})", 31.0}};
  r.exchange.event_count = 9;  // more than recorded: the report says how many are shown
  r.exchange.timings.first_event_ms = 12.5;
  r.exchange.timings.first_content_ms = 20.25;
  r.exchange.timings.max_gap_ms = 10.75;
  r.exchange.timings.total_ms = 31.5;
}

// Two providers that ran and one that did not; every verdict, both severities, a stream, a
// retried case, a fixed known deviation, a sequence of steps, provider text that tries to run
// script.
inline ResultsFile report_fixture() {
  ResultsFile f = fixture_file("2026-11-22T10:00:00Z", "2026-11-22T10:00:03Z",
                               "apiconform run --provider reference --provider hostile-gw --provider anthropic", 8, 1,
                               {{"reference", "http://127.0.0.1:40123", true, "run", ""},
                                {"hostile-gw", "https://gw.example", false, "run", "", "/v1/messages", "bearer"},
                                {"anthropic", "https://api.anthropic.com", false, "not_run", "set ANTHROPIC_API_KEY"}});

  // reference: mostly conformant.
  f.results.push_back(fixture_result("reference", "messages.basic", "messages.basic-text", Verdict::Pass));
  f.results.push_back(fixture_result("reference", "messages.basic", "messages.system-string", Verdict::Pass));
  Result ref_stream = fixture_result("reference", "messages.stream", "stream.basic", Verdict::Pass);
  add_stream(ref_stream, R"({"type":"content_block_delta","delta":{"type":"text_delta","text":"Hello"}})");
  f.results.push_back(ref_stream);
  Result ref_error = fixture_result("reference", "errors", "errors.missing-key", Verdict::Fail);
  ref_error.findings = {{"status", "", "401", "400", "a missing key must be rejected with 401", Severity::Breaking}};
  ref_error.exchange.status = 400;
  f.results.push_back(ref_error);
  f.results.push_back(fixture_result("reference", "errors", "errors.bad-json", Verdict::Pass));
  Result ref_known = fixture_result("reference", "tools", "tools.choice-none", Verdict::Known);
  ref_known.reason = "tool_choice none is not implemented yet (issue #12)";
  ref_known.findings = {
      {"json", "/stop_reason", "\"end_turn\"", "\"tool_use\"", "tool used anyway", Severity::Breaking}};
  f.results.push_back(ref_known);
  Result ref_unsupported = fixture_result("reference", "batches", "batches.create", Verdict::Unsupported);
  ref_unsupported.reason = "the simulator has no batches endpoint";
  ref_unsupported.exchange = Exchange{};
  f.results.push_back(ref_unsupported);

  // hostile-gw: a gateway whose responses try to inject markup.
  Result basic = fixture_result("hostile-gw", "messages.basic", "messages.basic-text", Verdict::Fail);
  basic.title = "Title from a case file " + kScriptAlert;
  basic.exchange.body = "{\"content\":\"" + kScriptAlert + kMarkerScript + "\",\"bad\":\"\x01\xFF\"}";
  basic.exchange.body_size = 70000;
  basic.exchange.body_truncated = true;
  basic.exchange.response_headers = {{"content-type", "application/json"}, {"x-evil" + kImgOnerror, kMarkerImg}};
  basic.findings = {
      {"json", "/content", "array", kImgOnerror, "content must be an array " + kScriptAlert, Severity::Breaking},
      {"schema", "/id" + kMarkerImg, "string matching ^msg_", "null", "id | missing", Severity::Breaking},
      {"header", "", "request-id present", "absent", "no request-id header", Severity::Cosmetic},
      {"json", "/usage", "object", "absent", "usage missing", Severity::Breaking}};
  // As if it were a `steps:` case: the sequence is listed above the last step's exchange.
  basic.exchange.steps = {
      {"step 1 (POST {{paths.messages}})", "POST https://gw.example/v1/messages",
       "curl -sS -X POST 'https://gw.example/v1/messages' -H \"x-api-key: $API_KEY\"", 200, 12.5, ""},
      {"step 2 (GET /v1/x/{{id}}) " + kScriptAlert, "GET https://gw.example/v1/x/" + kMarkerImg,
       "curl -sS -X GET 'https://gw.example/v1/x/1'", 0, 3.25, "connection reset " + kImgOnerror}};
  f.results.push_back(basic);
  f.results.push_back(fixture_result("hostile-gw", "messages.basic", "messages.system-string", Verdict::Pass));
  Result stream = fixture_result("hostile-gw", "messages.stream", "stream.basic", Verdict::Fail);
  add_stream(stream, "{\"text\":\"" + kScriptAlert + kMarkerImg + "\"}");
  stream.exchange.events[1].name = "content_block_start" + kImgOnerror;
  stream.exchange.timings.first_byte_ms = 45;
  stream.exchange.timings.first_event_ms = 60;
  stream.findings = {{"stream-grammar", "/events/1", "content_block_start", "content_block_start" + kImgOnerror,
                      "extra text after the event name", Severity::Cosmetic}};
  f.results.push_back(stream);
  Result transport = fixture_result("hostile-gw", "errors", "errors.missing-key", Verdict::Error);
  transport.reason = "connection reset by peer " + kScriptAlert;
  transport.exchange.status = 0;
  transport.exchange.response_headers.clear();
  transport.exchange.body.clear();
  transport.exchange.body_size = 0;
  transport.exchange.transport_error = "recv failure: connection reset by peer";
  f.results.push_back(transport);
  Result skipped = fixture_result("hostile-gw", "errors", "errors.bad-json", Verdict::Skip);
  skipped.reason = "filtered by --tag smoke";
  skipped.exchange = Exchange{};
  f.results.push_back(skipped);
  Result retried = fixture_result("hostile-gw", "tools", "tools.choice-any", Verdict::Pass);
  retried.exchange.attempts = 3;
  f.results.push_back(retried);
  Result fixed = fixture_result("hostile-gw", "tools", "tools.choice-none", Verdict::Pass);
  fixed.fixed = true;
  f.results.push_back(fixed);
  Result unsupported = fixture_result("hostile-gw", "batches", "batches.create", Verdict::Unsupported);
  unsupported.reason = "declared unsupported: " + kImgOnerror;
  unsupported.exchange = Exchange{};
  f.results.push_back(unsupported);

  settle_fixture(f);
  return f;
}

// Three repeats of three cases on one provider: always passing, flaky, always failing.
inline ResultsFile repeats_fixture() {
  ResultsFile f = fixture_file("2026-11-22T11:00:00Z", "2026-11-22T11:00:09Z", "apiconform run --repeat 3", 4, 3,
                               {{"reference", "http://127.0.0.1:40999", true, "run", ""}});
  const Verdict plan[3][3] = {{Verdict::Pass, Verdict::Pass, Verdict::Pass},
                              {Verdict::Pass, Verdict::Fail, Verdict::Pass},
                              {Verdict::Fail, Verdict::Fail, Verdict::Fail}};
  const char* ids[3] = {"messages.steady", "messages.flaky", "messages.broken"};
  for (int k = 0; k < 3; ++k) {
    for (int c = 0; c < 3; ++c) {
      Result r = fixture_result("reference", "messages.basic", ids[c], plan[c][k]);
      r.repeat = k;
      if (r.verdict == Verdict::Fail) {
        r.findings = {{"json", "/content/0/text", "non-empty string", "\"\"", "empty text", Severity::Cosmetic}};
      }
      f.results.push_back(r);
    }
  }
  settle_fixture(f);
  return f;
}

// report_fixture() compared with an older run of the same providers: there hostile-gw's
// messages.basic-text passed, and reference's errors.missing-key also had a wrong error type,
// since fixed. Every report then opens with the comparison.
inline ResultsFile baseline_fixture() {
  ResultsFile old_run = report_fixture();
  for (auto& r : old_run.results) {
    if (r.provider == "hostile-gw" && r.case_id == "messages.basic-text") {
      r.verdict = Verdict::Pass;
      r.findings.clear();
      r.exchange.steps.clear();
    }
    if (r.provider == "reference" && r.case_id == "errors.missing-key") {
      r.findings.push_back({"json", "/error/type", "\"authentication_error\"", "\"invalid_request_error\"",
                            "wrong error type", Severity::Breaking});
      r.findings.back().rule = "equals";
    }
  }
  old_run.summary = Summary{};
  settle_fixture(old_run);
  ResultsFile now = report_fixture();
  auto comparison = std::make_shared<BaselineDiff>(diff_results(old_run, now));
  comparison->baseline_path = "reports/v1/results.json";
  now.comparison = comparison;
  return now;
}

// Upstream mode (docs/upstream.md): one gateway in front of the OpenAI upstream. A translation
// finding on the way in, an answer finding on the way back, a fault retried twice, an unreachable
// upstream, a case the gateway never forwarded, and a forwarded request no case claimed, with
// hostile text in the forwarded body and in the upstream's reply.
inline ResultsFile upstream_fixture() {
  ResultsFile f =
      fixture_file("2026-12-04T23:00:00Z", "2026-12-04T23:00:07Z",
                   "apiconform run --base-url http://127.0.0.1:3456 --upstream openai --upstream-listen 127.0.0.1:8711",
                   8, 1, {{"custom", "http://127.0.0.1:3456", false, "run", ""}});
  f.upstream = UpstreamRun{"openai", "127.0.0.1:8711", {{"POST", "/v1/chat/completions", "", kScriptAlert}}};
  auto gateway_case = [](const std::string& feature, const std::string& id, Verdict v, int n) {
    Result r = fixture_result("custom", feature, id, v);
    r.exchange.request.url = "http://127.0.0.1:3456/v1/messages";
    r.upstream = UpstreamRecord{"[ac:" + id + ":" + std::to_string(n) + "]", {}};
    return r;
  };
  auto forwarded = [](int status, const std::string& fault, const std::string& body, const std::string& reply) {
    ForwardedRequest fr;
    fr.method = "POST";
    fr.path = "/v1/chat/completions";
    fr.headers = {{"authorization", "Bearer [REDACTED]"}, {"content-type", "application/json"}};
    fr.body_unmarked = body;
    fr.body = body;
    fr.reply_status = status;
    fr.fault = fault;
    fr.reply_body = reply;
    return fr;
  };
  const std::string ok_reply =
      R"({"id":"chatcmpl-1","object":"chat.completion","choices":[{"index":0,"message":{"role":"assistant","content":"Hello"},"finish_reason":"stop"}]})";

  Result stop = gateway_case("gateway.request", "gateway.openai.stop-sequences", Verdict::Fail, 1);
  stop.upstream->forwarded.push_back(forwarded(
      200, "",
      R"({"model":"gpt-upstream","max_tokens":64,"messages":[{"role":"user","content":")" + kImgOnerror + R"("}]})",
      ok_reply));
  stop.findings = {{"upstream", "/upstream/body/stop", "[\"END\",\"STOP\"]", "absent", "the forwarded body has no stop",
                    Severity::Breaking}};
  stop.findings[0].rule = "equals";
  f.results.push_back(stop);

  Result rate = gateway_case("gateway.faults", "gateway.openai.fault-429-type", Verdict::Fail, 2);
  rate.upstream->forwarded.push_back(forwarded(
      429, "status", R"({"model":"gpt-upstream","max_tokens":64,"messages":[{"role":"user","content":"Hello."}]})",
      R"({"error":{"message":"Rate limit reached )" + kScriptAlert +
          R"(","type":"requests","param":null,"code":"rate_limit_exceeded"}})"));
  rate.exchange.status = 429;
  rate.exchange.body = R"({"error":{"message":"Error from provider","type":"api_error"}})";
  rate.exchange.body_size = rate.exchange.body.size();
  rate.findings = {{"json", "/error/type", "rate_limit_error", "api_error", "error type differs", Severity::Breaking},
                   {"json", "/type", "error", "absent", "the envelope has no type", Severity::Breaking}};
  rate.findings[0].rule = "equals";
  rate.findings[1].rule = "equals";
  f.results.push_back(rate);

  Result retried = gateway_case("gateway.faults", "gateway.openai.fault-retry-bounded", Verdict::Pass, 3);
  for (int i = 0; i < 2; ++i)
    retried.upstream->forwarded.push_back(forwarded(503, "status", R"({"model":"gpt-upstream"})",
                                                    R"({"error":{"message":"overloaded","type":"server_error"}})"));
  retried.exchange.status = 503;
  f.results.push_back(retried);

  Result unreachable = gateway_case("gateway.faults", "gateway.openai.fault-unreachable", Verdict::Pass, 4);
  unreachable.upstream->forwarded.push_back(forwarded(0, "unreachable", R"({"model":"gpt-upstream"})", ""));
  unreachable.exchange.status = 502;
  f.results.push_back(unreachable);

  Result rejected = gateway_case("gateway.tools", "gateway.openai.tool-choice-any", Verdict::Fail, 5);
  rejected.exchange.status = 400;
  rejected.findings = {{"upstream", "/upstream/count", "1", "0",
                        "the gateway forwarded the request 0 times, expected 1", Severity::Breaking}};
  rejected.findings[0].rule = "count";
  f.results.push_back(rejected);

  settle_fixture(f);
  return f;
}

}  // namespace ac::testing
