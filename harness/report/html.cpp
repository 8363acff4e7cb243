#include <algorithm>

#include "model/finding_code.hpp"
#include "report/cell_text.hpp"
#include "report/comparison_text.hpp"
#include "report/cost_text.hpp"
#include "report/deviation_text.hpp"
#include "report/escape.hpp"
#include "report/html_latency.hpp"
#include "report/html_upstream.hpp"
#include "report/report.hpp"
#include "results/attempts_text.hpp"
#include "util/join.hpp"
#include "util/utf8.hpp"

namespace ac {
namespace {

// The page is one file with no script at all: drill-down uses <details>, and the CSP forbids
// scripts and every external load, so even an escaping mistake could not run provider text.
// Every string from results.json goes through h(); element ids are built from indexes only.

constexpr std::size_t kBodyBytes = 4096;      // for cases that did not pass
constexpr std::size_t kPassingBodyBytes = 1024;  // keeps a 10,000-case report a sensible size
constexpr std::size_t kEventBytes = 300;
constexpr std::size_t kEventsShown = 60;

std::string h(const std::string& text) { return html_escape(text); }

const char* kStyle = R"(
:root{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1b1b1b;background:#fff}
body{margin:0 auto;max-width:1200px;padding:1rem 1.5rem 4rem}
h1{font-size:1.5rem;margin:.5rem 0}h2{font-size:1.2rem;margin-top:2rem;border-bottom:1px solid #ddd}
h3{font-size:1.05rem;margin:1.2rem 0 .4rem}
.meta{color:#555;font-size:.9rem}
table{border-collapse:collapse;margin:.5rem 0}
th,td{border:1px solid #d0d0d0;padding:.25rem .5rem;text-align:left;vertical-align:top;font-size:.9rem}
th{background:#f3f3f3}
table.matrix td{text-align:center;white-space:nowrap}
table.matrix td a{color:inherit;text-decoration:none;display:block}
.s-pass{background:#c8e6c9;color:#1b5e20}.s-partial{background:#fff59d;color:#5d4a00}
.s-fail{background:#ef9a9a;color:#7f0000;font-weight:600}.s-cosmetic{background:#ffe0b2;color:#8a4b00}
.s-unsupported{background:#e0e0e0;color:#424242}.s-known{background:#d1c4e9;color:#311b92}
.s-error{background:#90a4ae;color:#fff}.s-notrun{background:#fafafa;color:#9e9e9e}
.s-except{background:#e6f4e7;color:#1b5e20}
.badge{display:inline-block;border-radius:3px;padding:0 .35rem;font-size:.8rem;margin-right:.3rem}
.v-pass{background:#c8e6c9}.v-fail{background:#ef9a9a}.v-error{background:#90a4ae;color:#fff}
.v-skip,.v-unsupported{background:#e0e0e0}.v-known{background:#d1c4e9}
.sev-breaking{color:#b71c1c;font-weight:600}.sev-cosmetic{color:#8a4b00}.sev-warning{color:#555}
.sev-lenient{color:#4a148c}
.legend span{margin-right:.8rem;white-space:nowrap}
details{margin:.3rem 0 .3rem .5rem}summary{cursor:pointer}
details.cell>summary{font-weight:600}
details.case{border-left:3px solid #ddd;padding-left:.6rem}
details:target,details:target>summary{outline:2px solid #1976d2}
pre{background:#f7f7f7;border:1px solid #e2e2e2;padding:.5rem;overflow:auto;max-height:24rem;
white-space:pre-wrap;word-break:break-all;font-size:.8rem}
.note,.none{color:#777;font-size:.85rem}.flag{color:#6a1b9a;font-size:.8rem;margin-left:.4rem}
.bar{background:#ffcc80;height:.6rem;display:inline-block}
svg.latency text{font-size:12px;fill:#333}svg.latency text.label{font-weight:600}
svg.latency .byte{fill:#1976d2}svg.latency .event{fill:#f57c00}
svg.latency .whisker{stroke:#333;stroke-width:1.5}
)";

std::string cell_id(std::size_t f, std::size_t p) { return "cell-" + std::to_string(f) + "-" + std::to_string(p); }

std::string head(bool upstream) {
  return std::string("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n") +
         "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
         "img-src data:; base-uri 'none'; form-action 'none'\">\n"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
         "<title>apiconform compatibility report</title>\n<style>" +
         kStyle + (upstream ? kUpstreamFlowStyle : "") + "</style>\n</head>\n";
}

std::string run_meta(const ResultsFile& r, const Matrix& m) {
  std::string out = "<p class=\"meta\">Run started " + h(r.run.started_at) + ", finished " + h(r.finished_at) +
                    " · Anthropic API version " + h(r.run.api_version) + " · apiconform " + h(r.tool_version);
  if (m.repeat > 1) out += " · every case repeated " + std::to_string(m.repeat) + " times";
  out += "<br>Command: <code>" + h(r.run.command) + "</code></p>\n";
  out += "<p class=\"meta\">" + std::to_string(r.summary.total) + " results: " + std::to_string(r.summary.pass) +
         " pass, " + std::to_string(r.summary.fail) + " fail, " + std::to_string(r.summary.error) + " error, " +
         std::to_string(r.summary.skip) + " skip, " + std::to_string(r.summary.unsupported) + " unsupported, " +
         std::to_string(r.summary.known) + " known</p>\n";
  if (r.summary.interrupted) out += "<p class=\"meta\"><strong>" + h(interrupted_note(r.summary)) + "</strong></p>\n";
  return out;
}

std::string legend() {
  std::string out = "<p class=\"legend\">";
  for (CellState s : {CellState::Pass, CellState::Except, CellState::Partial, CellState::Fail}) {
    Cell c;
    c.state = s;
    out += "<span><span class=\"badge " + cell_css_class(c) + "\">" + to_string(s) + "</span>" + state_meaning(s) +
           "</span> ";
  }
  out += "<span><span class=\"badge s-cosmetic\">fail* / partial*</span>every failure is cosmetic: clients keep "
         "working</span> ";
  for (CellState s : {CellState::Unsupported, CellState::Known, CellState::Error, CellState::NotRun}) {
    Cell c;
    c.state = s;
    out += "<span><span class=\"badge " + cell_css_class(c) + "\">" + to_string(s) + "</span>" + state_meaning(s) +
           "</span> ";
  }
  return out + "<br>A cell shows passing / applicable cases. Features an SDK client can use: features with no "
               "breaking deviation in any case and no error. Deviations: one per finding code, however many cases "
               "show it.</p>\n";
}

std::string matrix_table(const Matrix& m) {
  std::string out = "<table class=\"matrix\">\n<thead><tr><th>Feature</th>";
  for (const auto& p : m.providers) out += "<th>" + h(p) + "</th>";
  out += "</tr></thead>\n<tbody>\n";
  for (std::size_t f = 0; f < m.features.size(); ++f) {
    out += "<tr><th scope=\"row\">" + h(m.features[f]) + "</th>";
    for (std::size_t p = 0; p < m.providers.size(); ++p) {
      const Cell& c = m.cell(f, p);
      const std::string count = cell_count(c);
      std::string text = h(cell_label(c)) + (count.empty() ? "" : " " + count);
      if (m.repeat > 1 && c.applicable() > 0) {
        text += "<br><small>pass@" + std::to_string(m.repeat) + " " + percent(c.pass_at_k) + " · pass^" +
                std::to_string(m.repeat) + " " + percent(c.pass_hat_k) + "</small>";
      }
      const std::string title = c.reason.empty() ? "" : " title=\"" + h(c.reason) + "\"";
      out += "<td class=\"" + cell_css_class(c) + "\"" + title + ">";
      out += c.cases > 0 ? "<a href=\"#" + cell_id(f, p) + "\">" + text + "</a>" : text;
      out += "</td>";
    }
    out += "</tr>\n";
  }
  out += "<tr><th scope=\"row\">Features an SDK client can use</th>";
  for (const auto& s : m.scores) out += "<td><strong>" + score_text(s) + "</strong></td>";
  out += "</tr>\n<tr><th scope=\"row\">Deviations</th>";
  for (const auto& s : m.scores) out += "<td>" + std::string(s.run ? deviation_counts_text(s) : "-") + "</td>";
  return out + "</tr>\n</tbody>\n</table>\n";
}

std::string provider_table(const ResultsFile& r, const Matrix& m) {
  std::string out =
      "<table>\n<thead><tr><th>Provider</th><th>Base URL</th><th>Endpoint · auth</th><th>Features usable</th>"
      "<th>Deviations</th><th>Cases passing</th><th>Pass</th><th>Fail (breaking / cosmetic)</th><th>Error</th>"
      "<th>Known</th><th>Unsupported</th><th>Skipped</th>";
  if (m.repeat > 1) out += "<th>pass@" + std::to_string(m.repeat) + "</th><th>pass^" + std::to_string(m.repeat) + "</th>";
  out += "<th>Notes</th></tr></thead>\n<tbody>\n";
  for (const auto& s : m.scores) {
    std::string base_url, setup, notes;
    for (const auto& p : r.run.providers) {
      if (p.name != s.provider) continue;
      base_url = p.base_url + (p.simulated ? " (simulated)" : "");
      setup = setup_text(p);
    }
    if (!s.run) notes = "not run: " + s.reason;
    if (s.retried) append_joined(notes, "; ", std::to_string(s.retried) + " retried");
    if (s.flaky) append_joined(notes, "; ", std::to_string(s.flaky) + " flaky");
    if (s.fixed) append_joined(notes, "; ", std::to_string(s.fixed) + " known deviation(s) now pass");
    out += "<tr><th>" + h(s.provider) + "</th><td>" + h(base_url) + "</td><td>" + h(setup) + "</td><td><strong>" +
           score_text(s) + "</strong></td><td>" + (s.run ? deviation_counts_text(s) : "-") + "</td><td>" +
           cases_passing_text(s) + "</td><td>" + std::to_string(s.pass) + "</td><td>" + std::to_string(s.fail) + " (" +
           std::to_string(s.breaking) + " / " + std::to_string(s.cosmetic) + ")</td><td>" + std::to_string(s.error) +
           "</td><td>" + std::to_string(s.known) + "</td><td>" + std::to_string(s.unsupported) + "</td><td>" +
           std::to_string(s.skip) + "</td>";
    if (m.repeat > 1) out += "<td>" + percent(s.pass_at_k) + "</td><td>" + percent(s.pass_hat_k) + "</td>";
    out += "<td>" + h(notes) + "</td></tr>\n";
  }
  return out + "</tbody>\n</table>\n<p class=\"note\">The official API: " + h(official_setup_text()) +
         " (a difference is a set-up deviation).</p>\n";
}

std::string deviation_row(const Deviation& d) {
  const std::string sev = to_string(d.severity);
  const std::string cases = join(d.cases, ", ", [](const std::string& c) { return h(c); });
  std::string out = "<tr><td>" + h(d.id) + "</td><td class=\"sev-" + sev +
                    "\">" + sev + "</td><td><code>" + h(excerpt(d.code, 300)) + "</code><br>" + h(excerpt(d.title, 500));
  if (!d.reason.empty()) out += "<br><span class=\"note\">" + h(d.reason) + "</span>";
  out += "</td><td>" + h(reach_text(d));
  if (!d.cases.empty()) out += "<details><summary>cases</summary>" + cases + "</details>";
  out += "</td><td>";
  if (!d.cases.empty()) {
    out += h(d.example.case_id) + ": " + h(example_text(d, 300));
    if (!d.example.at.empty()) out += "<br><span class=\"note\">" + h(d.example.at) + "</span>";
    if (!d.example.curl.empty()) out += "<pre class=\"curl\">" + h(excerpt(d.example.curl, 2000)) + "</pre>";
  }
  return out + "</td></tr>\n";
}

// Each provider's deviations, breaking first, then by reach: what breaks its clients, on one screen.
std::string deviations_section(const ResultsFile& r, const Matrix& m) {
  std::string out;
  for (const auto& s : m.scores) {
    const auto list = deviations_of(r, s.provider);
    if (list.empty()) continue;
    out += "<h3>" + h(s.provider) + " <small>" + score_text(s) + " features usable · " + deviation_counts_text(s) +
           "</small></h3>\n<table>\n<thead><tr><th>#</th><th>Severity</th><th>Deviation</th><th>Reach</th>"
           "<th>Example</th></tr></thead>\n<tbody>\n";
    for (const Deviation* d : list) out += deviation_row(*d);
    out += "</tbody>\n</table>\n";
  }
  return out.empty() ? "<p class=\"none\">No deviations.</p>\n" : out;
}

std::string verdict_badge(Verdict v) {
  return "<span class=\"badge v-" + std::string(to_string(v)) + "\">" + to_string(v) + "</span>";
}

std::string headers_table(const Headers& headers) {
  if (headers.empty()) return "<p class=\"note\">no headers</p>\n";
  std::string out = "<table>\n";
  for (const auto& hd : headers) out += "<tr><th>" + h(hd.name) + "</th><td>" + h(excerpt(hd.value, 500)) + "</td></tr>\n";
  return out + "</table>\n";
}

std::string body_block(const std::string& raw, std::size_t size, bool truncated, std::size_t limit) {
  if (raw.empty()) return "<p class=\"note\">no body</p>\n";
  // Counted as written to results.json (invalid bytes already replaced), so a report rendered
  // from the file says the same as one rendered at the end of the run.
  const std::string body = valid_utf8(raw);
  std::string out = "<pre>" + h(excerpt(body, limit)) + "</pre>\n";
  if (truncated || body.size() > limit || size > body.size()) {
    out += "<p class=\"note\">excerpt: " + std::to_string(std::min(body.size(), limit)) + " of " +
           std::to_string(std::max(size, body.size())) + " bytes</p>\n";
  }
  return out;
}

std::string findings_table(const Findings& findings) {
  if (findings.empty()) return "";
  std::string out = "<table>\n<thead><tr><th>Severity</th><th>Check</th><th>Pointer</th><th>Expected</th>"
                    "<th>Actual</th><th>Message</th><th>Code · expectation</th></tr></thead>\n<tbody>\n";
  for (const auto& f : findings) {
    const std::string sev = to_string(f.severity);
    out += "<tr><td class=\"sev-" + sev + "\">" + sev + "</td><td>" + h(f.check) + "</td><td><code>" +
           h(excerpt(f.pointer, 300)) + "</code></td><td>" + h(excerpt(f.expected, 1000)) + "</td><td>" +
           h(excerpt(f.actual, 1000)) + "</td><td>" + h(excerpt(f.message, 1000)) + "</td><td><code>" +
           h(excerpt(f.code, 300)) + "</code><br>" + h(where_text(f.where)) + "</td></tr>\n";
  }
  return out + "</tbody>\n</table>\n";
}

std::string timeline(const Exchange& x) {
  if (x.events.empty()) return "";
  double last = 0;
  for (const auto& e : x.events) last = std::max(last, e.at_ms);
  std::string out = "<h5>Stream timeline</h5>\n<table>\n<thead><tr><th>#</th><th>at (ms)</th><th></th><th>event</th>"
                    "<th>data</th></tr></thead>\n<tbody>\n";
  for (std::size_t i = 0; i < x.events.size() && i < kEventsShown; ++i) {
    const auto& e = x.events[i];
    const double share = last > 0 ? 100.0 * e.at_ms / last : 0;
    out += "<tr><td>" + std::to_string(i) + "</td><td>" + fixed(e.at_ms, 1) +
           "</td><td><span class=\"bar\" style=\"width:" + fixed(share, 1) + "px\"></span></td><td>" + h(e.name) +
           "</td><td><code>" + h(excerpt(e.data, kEventBytes)) + "</code></td></tr>\n";
  }
  out += "</tbody>\n</table>\n";
  const std::size_t total = std::max(x.event_count, x.events.size());
  if (total > std::min(x.events.size(), kEventsShown)) {
    out += "<p class=\"note\">" + std::to_string(std::min(x.events.size(), kEventsShown)) + " of " +
           std::to_string(total) + " events shown</p>\n";
  }
  return out;
}

// A `steps:` case: every request of the sequence, so the one shown in full below (the last that
// ran) is not mistaken for the whole story.
std::string steps_table(const Exchange& x) {
  if (x.steps.empty()) return "";
  std::string out = "<h5>Steps</h5>\n<table>\n<thead><tr><th>step</th><th>request</th><th>status</th><th>ms</th>"
                    "<th>reproduce</th></tr></thead>\n<tbody>\n";
  for (const auto& s : x.steps) {
    std::string status = s.status ? std::to_string(s.status) : std::string("none");
    if (!s.transport_error.empty()) status += ": " + s.transport_error;
    out += "<tr><td>" + h(s.label) + "</td><td><code>" + h(excerpt(s.request, 300)) + "</code></td><td>" + h(status) +
           "</td><td>" + fixed(s.total_ms, 1) + "</td><td><code>" + h(excerpt(s.curl, 1000)) + "</code></td></tr>\n";
  }
  return out + "</tbody>\n</table>\n<p class=\"note\">the last step that ran is shown in full below</p>\n";
}

std::string timings_line(const Timings& t) {
  std::string out = "<p class=\"note\">Timings (ms): DNS " + fixed(t.dns_ms, 1) + " · connect " + fixed(t.connect_ms, 1) +
                    " · TLS " + fixed(t.tls_ms, 1) + " · first byte " + fixed(t.first_byte_ms, 1);
  if (t.first_event_ms > 0) {
    out += " · first event " + fixed(t.first_event_ms, 1) + " · first content " + fixed(t.first_content_ms, 1) +
           " · longest gap " + fixed(t.max_gap_ms, 1);
  }
  return out + " · total " + fixed(t.total_ms, 1) + "</p>\n";
}

std::string result_detail(const Result& r, int repeat) {
  const Exchange& x = r.exchange;
  std::string out;
  if (repeat > 1) out += "<h4>Repeat " + std::to_string(r.repeat + 1) + " of " + std::to_string(repeat) + " " +
                         verdict_badge(r.verdict) + "</h4>\n";
  if (!r.reason.empty()) out += "<p><strong>Reason:</strong> " + h(r.reason) + "</p>\n";
  if (x.attempts > 1) {
    out += "<p class=\"flag\">retried: " + std::to_string(x.attempts) + " attempts, the last one judged";
    std::string history = attempts_text(x);
    if (!history.empty()) out += " (" + h(history) + ")";
    out += "</p>\n";
  }
  if (!x.transport_error.empty()) out += "<p><strong>Transport error:</strong> " + h(x.transport_error) + "</p>\n";
  out += findings_table(r.findings);
  // Unsupported and skipped cases were never sent: there is nothing more to show.
  if (x.request.method.empty() && x.status == 0 && x.transport_error.empty()) return out;
  out += steps_table(x);
  const std::size_t limit = r.verdict == Verdict::Pass ? kPassingBodyBytes : kBodyBytes;
  out += html_upstream_flow(r, limit);
  out += "<h5>Request</h5>\n<p><code>" + h(x.request.method) + " " + h(x.request.url) + "</code></p>\n";
  out += headers_table(x.request.headers) + body_block(x.request.body, x.request.body_size, false, limit);
  out += "<h5>Response: " + (x.status ? std::to_string(x.status) : std::string("none")) + "</h5>\n";
  if (x.status) out += headers_table(x.response_headers) + body_block(x.body, x.body_size, x.body_truncated, limit);
  out += timeline(x) + timings_line(x.timings);
  if (!x.request.curl.empty()) out += "<h5>Reproduce</h5>\n<pre class=\"curl\">" + h(x.request.curl) + "</pre>\n";
  return out;
}

std::string case_detail(const ResultsFile& r, const CaseOutcome& c, std::size_t index, int repeat) {
  std::string flags;
  if (c.verdict == Verdict::Fail) flags += c.breaking ? "breaking" : "cosmetic only";
  if (c.runs > 1) {
    const std::string k = std::to_string(c.runs);
    append_joined(flags, " · ",
                  std::string(c.flaky ? "flaky: " : "") + std::to_string(c.passes) + "/" + k + " repeats passed (pass@" +
                      k + " " + (pass_at_k(c) ? "yes" : "no") + ", pass^" + k + " " + (pass_hat_k(c) ? "yes" : "no") +
                      ")");
  }
  if (c.retried) append_joined(flags, " · ", "retried, up to " + std::to_string(c.max_attempts) + " attempts");
  if (c.fixed) append_joined(flags, " · ", "fixed: a known deviation that now passes");
  std::string out = "<details class=\"case\" id=\"case-" + std::to_string(index) + "\"><summary>" +
                    verdict_badge(c.verdict) + "<code>" + h(c.case_id) + "</code> " + h(c.title);
  if (!flags.empty()) out += "<span class=\"flag\">" + h(flags) + "</span>";
  out += "</summary>\n";
  for (std::size_t i : c.results) out += result_detail(r.results[i], repeat);
  return out + "</details>\n";
}

std::string details(const ResultsFile& r, const Matrix& m) {
  std::string out;
  for (std::size_t p = 0; p < m.providers.size(); ++p) {
    out += "<h3>" + h(m.providers[p]) + " <small>score " + score_text(m.scores[p]) + "</small></h3>\n";
    if (!m.scores[p].run) {
      out += "<p class=\"note\">Not run: " + h(m.scores[p].reason) + "</p>\n";
      continue;
    }
    for (std::size_t f = 0; f < m.features.size(); ++f) {
      const Cell& c = m.cell(f, p);
      if (c.cases == 0) continue;
      const std::string count = cell_count(c);
      out += "<details class=\"cell\" id=\"" + cell_id(f, p) + "\"><summary><span class=\"badge " + cell_css_class(c) +
             "\">" + h(cell_label(c)) + "</span>" + h(m.features[f]) + (count.empty() ? "" : " — " + count + " pass") +
             "</summary>\n";
      for (std::size_t i : c.outcomes) out += case_detail(r, m.outcomes[i], i, m.repeat);
      out += "</details>\n";
    }
  }
  return out;
}

// What the run spent, when results.json says (files of older runs do not).
std::string cost_section(const RunCost& cost) {
  if (cost.providers.empty()) return "";
  std::string out = "<h2 id=\"cost\">Cost</h2>\n<ul>\n";
  for (const auto& p : cost.providers) out += "<li>" + h(p.provider) + ": " + h(cost_text(p)) + "</li>\n";
  const std::string budget = budget_text(cost);
  if (!budget.empty()) out += "<li>" + h(budget) + "</li>\n";
  return out + "</ul>\n";
}

// With a baseline, the first section: what changed, and the gate's verdict.
std::string comparison_section(const ResultsFile& r) {
  if (!r.comparison) return "";
  const BaselineDiff& d = *r.comparison;
  std::string out = "<h2 id=\"comparison\">Changes since the baseline</h2>\n<p><code>" + h(d.baseline_path) +
                    "</code>: " + h(diff_summary(d, d.strict)) + "</p>\n<ul>\n";
  for (const DeviationChange* c : all_deviation_changes(d)) {
    const char* cls = c->kind == DeviationChangeKind::Fixed ? "v-pass" : c->kind == DeviationChangeKind::New ? "v-fail" : "v-skip";
    out += "<li><span class=\"badge " + std::string(cls) + "\">" + to_string(c->kind) + "</span>" +
           h(deviation_change_text(*c)) + "</li>\n";
  }
  out += "</ul>\n";
  const auto cases = all_case_changes(d);
  if (!cases.empty()) {
    out += "<details><summary>" + std::to_string(cases.size()) + " cases changed</summary>\n<ul>\n";
    for (const auto& [c, provider] : cases) out += "<li>" + h(case_change_text(*c, *provider)) + "</li>\n";
    out += "</ul>\n</details>\n";
  }
  return out;
}

}  // namespace

std::string render_html(const ResultsFile& results) {
  const Matrix m = build_matrix(results);
  std::string out =
      head(results.upstream.has_value()) + "<body>\n<h1>API compatibility report</h1>\n" + run_meta(results, m) + comparison_section(results);
  out += "<h2 id=\"matrix\">Compatibility matrix</h2>\n";
  if (m.providers.empty()) return out + "<p>No results.</p>\n</body>\n</html>\n";
  out += matrix_table(m) + legend();
  out += "<h2 id=\"providers\">Providers</h2>\n" + provider_table(results, m);
  out += cost_section(results.cost);
  out += "<h2 id=\"deviations\">Deviations</h2>\n<p class=\"note\">One per finding code and provider, however many "
         "cases show it (docs/reports.md).</p>\n" + deviations_section(results, m);
  out += "<h2 id=\"latency\">Latency</h2>\n" + html_latency_chart(results, m);
  out += html_upstream_section(results);
  out += "<h2 id=\"details\">Details</h2>\n<p class=\"note\">Open a feature, then a case: request as sent (secrets "
         "redacted), response excerpt, findings, stream timeline and a curl line to reproduce.</p>\n";
  out += details(results, m);
  return out + "</body>\n</html>\n";
}

}  // namespace ac
