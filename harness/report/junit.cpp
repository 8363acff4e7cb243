#include "report/cell_text.hpp"
#include "report/comparison_text.hpp"
#include "report/cost_text.hpp"
#include "report/escape.hpp"
#include "report/report.hpp"
#include "results/attempts_text.hpp"
#include "results/steps_text.hpp"
#include "results/matrix.hpp"

namespace ac {
namespace {

// JUnit XML as GitLab, Jenkins and the GitHub test-reporter actions read it: testsuites >
// testsuite (one per provider) > testcase (one per case and repeat), each with at most one of
// failure / error / skipped, then system-out.

std::string attr(const char* name, const std::string& value) {
  return std::string(" ") + name + "=\"" + xml_escape(value) + "\"";
}

std::string seconds(double ms) { return fixed(ms / 1000.0, 3); }

// JUnit's timestamp has no zone designator (the Ant schema's xs:dateTime without it).
std::string junit_timestamp(const std::string& rfc3339) {
  std::string t = rfc3339;
  if (!t.empty() && (t.back() == 'Z' || t.back() == 'z')) t.pop_back();
  return t;
}

std::string timestamp_attr(const std::string& timestamp) {
  return timestamp.empty() ? "" : attr("timestamp", timestamp);
}

std::string testcase_name(const Result& r, int repeat) {
  if (repeat <= 1) return r.case_id;
  return r.case_id + " [repeat " + std::to_string(r.repeat + 1) + "/" + std::to_string(repeat) + "]";
}

std::string finding_block(const Finding& f) {
  std::string text = "[" + std::string(to_string(f.severity)) + "] " + f.check;
  if (!f.pointer.empty()) text += " at " + f.pointer;
  text += "\n  expected: " + excerpt(f.expected, 2000) + "\n  actual:   " + excerpt(f.actual, 2000);
  if (!f.message.empty()) text += "\n  " + f.message;
  return text + "\n";
}

std::string failure_element(const Result& r) {
  const std::string message = r.findings.empty() ? "failed" : r.findings.front().message.empty()
                                                                 ? r.findings.front().check + " check failed"
                                                                 : r.findings.front().message;
  bool breaking = r.findings.empty();
  for (const auto& f : r.findings) breaking = breaking || f.severity == Severity::Breaking;
  std::string body;
  for (const auto& f : r.findings) body += finding_block(f);
  return "      <failure" + attr("message", excerpt(message, 500)) + attr("type", breaking ? "breaking" : "cosmetic") +
         ">" + xml_escape_text(body) + "</failure>\n";
}

std::string outcome_element(const Result& r) {
  switch (r.verdict) {
    case Verdict::Pass: return "";
    case Verdict::Fail: return failure_element(r);
    case Verdict::Error:
      return "      <error" + attr("message", excerpt(r.reason.empty() ? "no verdict" : r.reason, 500)) +
             attr("type", r.exchange.transport_error.empty() ? "error" : "transport") + ">" +
             xml_escape_text(r.exchange.transport_error) + "</error>\n";
    case Verdict::Skip:
    case Verdict::NotRun:
    case Verdict::Unsupported:
    case Verdict::Known: {
      const std::string why = std::string(to_string(r.verdict)) + (r.reason.empty() ? "" : ": " + r.reason);
      return "      <skipped" + attr("message", excerpt(why, 500)) + "/>\n";
    }
  }
  return "";
}

std::string testcase_properties(const Result& r) {
  std::string props;
  if (r.exchange.attempts > 1) {
    props += "        <property" + attr("name", "attempts") + attr("value", std::to_string(r.exchange.attempts)) + "/>\n";
    props += "        <property" + attr("name", "retried") + attr("value", "true") + "/>\n";
    std::string history = attempts_text(r.exchange);
    if (!history.empty()) props += "        <property" + attr("name", "attempt_history") + attr("value", history) + "/>\n";
  }
  if (r.fixed) props += "        <property" + attr("name", "fixed") + attr("value", "known deviation now passes") + "/>\n";
  return props.empty() ? "" : "      <properties>\n" + props + "      </properties>\n";
}

// Only for cases that did not pass: what a person needs to reproduce the failure.
std::string system_out(const Result& r) {
  if (r.verdict != Verdict::Fail && r.verdict != Verdict::Error) return "";
  std::string text = steps_text(r.exchange, "");
  if (text.empty() && !r.exchange.request.curl.empty()) text += r.exchange.request.curl + "\n";
  if (r.exchange.status) text += "status " + std::to_string(r.exchange.status) + "\n";
  if (!r.exchange.body.empty()) text += excerpt(r.exchange.body, 2000) + "\n";
  return text.empty() ? "" : "      <system-out>" + xml_escape_text(text) + "</system-out>\n";
}

std::string testcase(const Result& r, int repeat) {
  std::string out = "    <testcase" + attr("classname", r.feature.empty() ? "(no feature)" : r.feature) +
                    attr("name", testcase_name(r, repeat)) + attr("time", seconds(r.exchange.timings.total_ms));
  const std::string inner = testcase_properties(r) + outcome_element(r) + system_out(r);
  if (inner.empty()) return out + "/>\n";
  return out + ">\n" + inner + "    </testcase>\n";
}

struct Counts {
  int tests = 0, failures = 0, errors = 0, skipped = 0;
  double ms = 0;
  void add(const Result& r) {
    ++tests;
    failures += r.verdict == Verdict::Fail;
    errors += r.verdict == Verdict::Error;
    skipped += r.verdict == Verdict::Skip || r.verdict == Verdict::NotRun || r.verdict == Verdict::Unsupported || r.verdict == Verdict::Known;
    ms += r.exchange.timings.total_ms;
  }
  std::string attrs() const {
    return attr("tests", std::to_string(tests)) + attr("failures", std::to_string(failures)) +
           attr("errors", std::to_string(errors)) + attr("skipped", std::to_string(skipped)) + attr("time", seconds(ms));
  }
};

std::string suite_properties(const ProviderRun* run, const ProviderScore& score, const ProviderCost* cost) {
  std::string out = "    <properties>\n";
  if (cost) out += "      <property" + attr("name", "spent") + attr("value", cost_text(*cost)) + "/>\n";
  if (run) {
    out += "      <property" + attr("name", "base_url") + attr("value", run->base_url) + "/>\n";
    out += "      <property" + attr("name", "simulated") + attr("value", run->simulated ? "true" : "false") + "/>\n";
  }
  out += "      <property" + attr("name", "score") + attr("value", score_text(score)) + "/>\n";
  return out + "    </properties>\n";
}

// A provider that could not run still appears, as one skipped test that says why, so a CI page
// does not silently lose it.
std::string not_run_suite(const ProviderScore& s, const ProviderRun* run, const std::string& timestamp) {
  return "  <testsuite" + attr("name", s.provider) + attr("tests", "1") + attr("failures", "0") + attr("errors", "0") +
         attr("skipped", "1") + attr("time", "0.000") + timestamp_attr(timestamp) + ">\n" +
         suite_properties(run, s, nullptr) + "    <testcase" + attr("classname", "(provider)") + attr("name", "not run") +
         attr("time", "0.000") + ">\n      <skipped" + attr("message", "not run: " + s.reason) + "/>\n    </testcase>\n" +
         "  </testsuite>\n";
}

// With a baseline: one suite whose failing tests are the new breaking deviations (a CI page shows
// what the upgrade broke, whatever the cases' verdicts), plus one passing test when there is none.
std::string baseline_suite(const ResultsFile& r, Counts& all) {
  if (!r.comparison) return "";
  std::string cases;
  int failures = 0;
  for (const DeviationChange* d : all_deviation_changes(*r.comparison)) {
    const bool breaking = (d->kind == DeviationChangeKind::New || d->kind == DeviationChangeKind::SeverityChanged) &&
                          d->new_severity == Severity::Breaking;
    if (!breaking) continue;
    ++failures;
    cases += "    <testcase" + attr("classname", "baseline." + d->provider) + attr("name", "new breaking deviation " + d->code) +
             attr("time", "0.000") + ">\n      <failure" + attr("message", excerpt(d->title, 500)) +
             attr("type", "new-breaking-deviation") + ">" + xml_escape_text(deviation_change_text(*d)) +
             "</failure>\n    </testcase>\n";
  }
  if (failures == 0)
    cases = "    <testcase" + attr("classname", "baseline") + attr("name", "no new breaking deviation") +
            attr("time", "0.000") + "/>\n";
  const int tests = failures ? failures : 1;
  all.tests += tests;
  all.failures += failures;
  return "  <testsuite" + attr("name", "baseline") + attr("tests", std::to_string(tests)) +
         attr("failures", std::to_string(failures)) + attr("errors", "0") + attr("skipped", "0") + attr("time", "0.000") +
         ">\n    <properties>\n      <property" + attr("name", "baseline") + attr("value", r.comparison->baseline_path) +
         "/>\n      <property" + attr("name", "summary") + attr("value", diff_summary(*r.comparison, r.comparison->strict)) +
         "/>\n    </properties>\n" + cases + "  </testsuite>\n";
}

}  // namespace

std::string render_junit(const ResultsFile& results) {
  const Matrix m = build_matrix(results);
  const std::string timestamp = junit_timestamp(results.run.started_at);
  Counts all;
  std::string suites = baseline_suite(results, all);  // first: what the upgrade broke
  for (std::size_t p = 0; p < m.providers.size(); ++p) {
    const std::string& name = m.providers[p];
    const ProviderRun* run = results.run.provider(name);
    if (!m.scores[p].run) {
      suites += not_run_suite(m.scores[p], run, timestamp);
      ++all.tests;
      ++all.skipped;
      continue;
    }
    Counts counts;
    std::string cases;
    for (const auto& r : results.results) {
      if (r.provider != name) continue;
      counts.add(r);
      cases += testcase(r, m.repeat);
    }
    all.tests += counts.tests;
    all.failures += counts.failures;
    all.errors += counts.errors;
    all.skipped += counts.skipped;
    all.ms += counts.ms;
    suites += "  <testsuite" + attr("name", name) + counts.attrs() + timestamp_attr(timestamp) + ">\n" +
              suite_properties(run, m.scores[p], cost_of(results.cost, name)) + cases + "  </testsuite>\n";
  }
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites" + attr("name", "apiconform") + all.attrs() + ">\n" +
         suites + "</testsuites>\n";
}

}  // namespace ac
