#include <gtest/gtest.h>

#include <rapidjson/document.h>

#include "results/results_reader.hpp"
#include "results/results_writer.hpp"
#include "unit/results/scratch_dir.hpp"

namespace ac {
namespace {

using testing::ScratchDir;
using testing::read_text;

RunInfo sample_run() {
  RunInfo run;
  run.started_at = "2026-11-22T10:00:00Z";
  run.command = "apiconform run --jobs 8";
  run.jobs = 8;
  run.repeat = 2;
  run.providers = {{"reference", "http://127.0.0.1:40123", true, "run", ""},
                   {"anthropic", "https://api.anthropic.com", false, "not_run", "set ANTHROPIC_API_KEY"}};
  return run;
}

Result sample_result() {
  Result r;
  r.case_id = "messages.basic-text";
  r.title = "A \"quoted\" title";
  r.provider = "reference";
  r.feature = "messages.basic";
  r.tags = {"smoke", "text"};
  r.verdict = Verdict::Fail;
  r.reason = "";
  r.repeat = 1;
  r.fixed = true;
  r.findings = {{"json", "/usage/output_tokens", "integer >= 1", "0", "must be above zero", Severity::Cosmetic},
                {"status", "", "200", "500", "wrong status", Severity::Breaking}};
  Exchange& x = r.exchange;
  x.request = {"POST", "http://127.0.0.1:40123/v1/messages",
               {{"x-api-key", "[REDACTED]"}, {"anthropic-version", "2023-06-01"}},
               "{\"model\":\"m\"}", 13, "curl -sS -H \"x-api-key: $KEY\""};
  x.status = 500;
  x.response_headers = {{"content-type", "text/event-stream"}};
  x.body = "event: ping\ndata: {}\n\n";
  x.body_size = 4096;
  x.body_truncated = true;
  x.events = {{"message_start", "{\"type\":\"message_start\"}", 12.5}, {"ping", "{}", 13.25}};
  x.event_count = 7;
  x.transport_error = "reset by peer";
  x.attempts = 3;
  x.timings = {0.1, 0.2, 0.3, 3.1, 3.4, 12.5, 14.0, 2.5};
  return r;
}

// Writes `results` to a results.json in a scratch folder and reads the file back.
void write_and_read(const std::vector<Result>& results, ResultsFile& file) {
  ScratchDir dir;
  const std::string path = dir.file("results.json");
  ResultsWriter writer;
  std::string error;
  ASSERT_TRUE(writer.open(path, sample_run(), error)) << error;
  Summary summary;
  for (const Result& r : results) {
    writer.add(r);
    summary.add(r.verdict);
  }
  writer.close(summary, "2026-11-22T10:00:03Z", {});
  ASSERT_FALSE(writer.failed()) << writer.error();
  ASSERT_TRUE(read_results(path, file, error)) << error;
}

// The writer reuses the JSON of an equal request (every repeat of a job sends the same one); a
// request that differs in any field, even only a header value or the body size, is written anew,
// and going back to an earlier request writes that one again.
TEST(ResultsRoundTrip, EachResultKeepsItsOwnRequest) {
  // Every other result is the base request; each one between differs from it in one field only.
  std::vector<Result> written(9, sample_result());
  written[1].exchange.request.headers[1].value = "2024-01-01";
  written[3].exchange.request.url += "?beta=true";
  written[5].exchange.request.body_size = 14;
  written[7].exchange.request.headers.pop_back();
  ResultsFile file;
  ASSERT_NO_FATAL_FAILURE(write_and_read(written, file));
  ASSERT_EQ(file.results.size(), written.size());
  for (std::size_t i = 0; i < written.size(); ++i) {
    const SentRequest& want = written[i].exchange.request;
    const SentRequest& got = file.results[i].exchange.request;
    EXPECT_EQ(got.url, want.url) << i;
    EXPECT_EQ(got.body_size, want.body_size) << i;
    ASSERT_EQ(got.headers.size(), want.headers.size()) << i;
    for (std::size_t h = 0; h < want.headers.size(); ++h) EXPECT_EQ(got.headers[h].value, want.headers[h].value) << i;
    EXPECT_EQ(got.curl, want.curl) << i;
  }
}

// Strings without anything to escape are copied as they are, checked eight bytes at a time: a
// quote, a backslash, a control or a non-ASCII byte anywhere (in a whole word or in the tail) must
// still be escaped, and the text must come back exactly.
TEST(ResultsRoundTrip, EveryByteThatNeedsEscapingIsEscapedWherever) {
  std::vector<std::string> texts = {"", "a", "plain ascii text, long enough for words ~/!", "0123456"};
  const std::vector<std::string> specials = {"\"", "\\", "\n", std::string(1, '\x01'), "\x7f", "\xc3\xa9"};
  for (const std::string& special : specials) {
    for (std::size_t at : {0, 3, 7, 8, 13, 16, 20}) {
      std::string t(21, 'x');
      t.insert(at, special);
      texts.push_back(t);
    }
  }
  std::vector<Result> written;
  for (const std::string& t : texts) {
    written.push_back(sample_result());
    written.back().reason = t;
    written.back().exchange.response_headers = {{"x-echo", t}};
  }
  ResultsFile file;
  ASSERT_NO_FATAL_FAILURE(write_and_read(written, file));
  ASSERT_EQ(file.results.size(), texts.size());
  for (std::size_t i = 0; i < texts.size(); ++i) {
    EXPECT_EQ(file.results[i].reason, texts[i]) << i;
    EXPECT_EQ(file.results[i].exchange.response_headers[0].value, texts[i]) << i;
  }
}

TEST(ResultsRoundTrip, EveryFieldComesBackAsWritten) {
  const Result written = sample_result();
  Result second = written;
  second.case_id = "messages.other";
  second.verdict = Verdict::Pass;
  second.findings.clear();
  ResultsFile file;
  ASSERT_NO_FATAL_FAILURE(write_and_read({written, second}, file));
  EXPECT_EQ(file.format, 1);
  EXPECT_FALSE(file.tool_version.empty());
  EXPECT_EQ(file.run.started_at, "2026-11-22T10:00:00Z");
  EXPECT_EQ(file.run.command, "apiconform run --jobs 8");
  EXPECT_EQ(file.run.jobs, 8);
  EXPECT_EQ(file.run.repeat, 2);
  ASSERT_EQ(file.run.providers.size(), 2u);
  EXPECT_EQ(file.run.providers[1].status, "not_run");
  EXPECT_EQ(file.run.providers[1].reason, "set ANTHROPIC_API_KEY");
  EXPECT_TRUE(file.run.providers[0].simulated);
  ASSERT_EQ(file.results.size(), 2u);

  const Result& r = file.results[0];
  EXPECT_EQ(r.case_id, written.case_id);
  EXPECT_EQ(r.title, written.title);
  EXPECT_EQ(r.tags, written.tags);
  EXPECT_EQ(r.verdict, Verdict::Fail);
  EXPECT_EQ(r.repeat, 1);
  EXPECT_TRUE(r.fixed);
  ASSERT_EQ(r.findings.size(), 2u);
  EXPECT_EQ(r.findings[0].pointer, "/usage/output_tokens");
  EXPECT_EQ(r.findings[0].severity, Severity::Cosmetic);
  EXPECT_EQ(r.findings[1].actual, "500");
  EXPECT_EQ(r.exchange.request.headers.size(), 2u);
  EXPECT_EQ(r.exchange.request.headers[0].value, "[REDACTED]");
  EXPECT_EQ(r.exchange.request.body_size, 13u);
  EXPECT_EQ(r.exchange.request.curl, written.exchange.request.curl);
  EXPECT_EQ(r.exchange.status, 500);
  EXPECT_EQ(r.exchange.body, written.exchange.body);
  EXPECT_EQ(r.exchange.body_size, 4096u);
  EXPECT_TRUE(r.exchange.body_truncated);
  ASSERT_EQ(r.exchange.events.size(), 2u);
  EXPECT_EQ(r.exchange.events[1].name, "ping");
  EXPECT_DOUBLE_EQ(r.exchange.events[1].at_ms, 13.25);
  EXPECT_EQ(r.exchange.event_count, 7u);
  EXPECT_EQ(r.exchange.transport_error, "reset by peer");
  EXPECT_EQ(r.exchange.attempts, 3);
  EXPECT_DOUBLE_EQ(r.exchange.timings.first_byte_ms, 3.1);
  EXPECT_DOUBLE_EQ(r.exchange.timings.max_gap_ms, 2.5);
  EXPECT_EQ(file.summary.total, 2);
  EXPECT_EQ(file.summary.fail, 1);
  EXPECT_EQ(file.summary.pass, 1);
  EXPECT_EQ(file.finished_at, "2026-11-22T10:00:03Z");
}

TEST(ResultsRoundTrip, FileHasTheDocumentedShapeWithSummaryAfterResults) {
  ScratchDir dir;
  const std::string path = dir.file("results.json");
  ResultsWriter writer;
  std::string error;
  ASSERT_TRUE(writer.open(path, sample_run(), error)) << error;
  writer.add(sample_result());
  writer.close(Summary{}, "2026-11-22T10:00:03Z", {});
  const std::string text = read_text(path);
  rapidjson::Document doc;
  doc.Parse(text.c_str());
  ASSERT_FALSE(doc.HasParseError());
  EXPECT_EQ(doc["format"].GetInt(), 1);
  EXPECT_STREQ(doc["tool"]["name"].GetString(), "apiconform");
  const auto& result = doc["results"][0];
  for (const char* key : {"case", "title", "provider", "feature", "tags", "verdict", "reason", "repeat", "fixed",
                          "findings", "exchange", "timings"}) {
    EXPECT_TRUE(result.HasMember(key)) << key;
  }
  for (const char* key : {"request", "status", "headers", "body", "body_size", "body_truncated", "events",
                          "event_count", "transport_error", "attempts"}) {
    EXPECT_TRUE(result["exchange"].HasMember(key)) << key;
  }
  EXPECT_STREQ(result["findings"][0]["severity"].GetString(), "cosmetic");
  EXPECT_STREQ(result["exchange"]["headers"][0][0].GetString(), "content-type");
  EXPECT_LT(text.find("\"results\""), text.find("\"summary\""));
}

TEST(ResultsRoundTrip, UnusualBytesStillMakeValidJson) {
  ScratchDir dir;
  const std::string path = dir.file("results.json");
  Result r = sample_result();
  const char raw[] = "ctl\x01\x1f nul\0 quote\" slash\\ bad\xFF\xC0 end";
  r.exchange.body = std::string(raw, sizeof(raw) - 1);
  r.title = "\x7f\xE2\x82";  // DEL and a cut sequence
  r.exchange.events[0].data = "line1\nline2\r\t";
  r.exchange.timings.total_ms = 0.0 / 0.0;  // NaN must not leak into JSON
  ResultsWriter writer;
  std::string error;
  ASSERT_TRUE(writer.open(path, sample_run(), error)) << error;
  writer.add(r);
  writer.close(Summary{}, "t", {});

  ResultsFile file;
  ASSERT_TRUE(read_results(path, file, error)) << error;
  const std::string& body = file.results[0].exchange.body;
  EXPECT_EQ(body.substr(0, 6), std::string("ctl\x01\x1f ", 6));
  EXPECT_NE(body.find(std::string("nul\0 quote\" slash\\ bad", 22)), std::string::npos);
  EXPECT_NE(body.find("\xEF\xBF\xBD"), std::string::npos) << "invalid bytes become U+FFFD";
  EXPECT_EQ(file.results[0].exchange.events[0].data, "line1\nline2\r\t");
  EXPECT_EQ(file.results[0].exchange.timings.total_ms, 0);
}

TEST(ResultsWriter, ReportsAnUnwritablePath) {
  ResultsWriter writer;
  std::string error;
  EXPECT_FALSE(writer.open("/nonexistent-dir/for/sure/results.json", RunInfo{}, error));
  EXPECT_NE(error.find("/nonexistent-dir/for/sure/results.json"), std::string::npos);
  EXPECT_NE(error.find("cannot write"), std::string::npos);
}

TEST(ResultsWriter, WritesAValidFileWithNoResults) {
  ScratchDir dir;
  ResultsWriter writer;
  std::string error;
  ASSERT_TRUE(writer.open(dir.file("r.json"), RunInfo{}, error));
  writer.close(Summary{}, "", {});
  ResultsFile file;
  ASSERT_TRUE(read_results(dir.file("r.json"), file, error)) << error;
  EXPECT_TRUE(file.results.empty());
}

// An interrupted run's file says so, and its not-run results keep their verdict and reason.
TEST(ResultsRoundTrip, AnInterruptedRunKeepsItsNotRunResultsAndSaysSo) {
  ScratchDir dir;
  ResultsWriter writer;
  std::string error;
  ASSERT_TRUE(writer.open(dir.file("r.json"), RunInfo{}, error));
  Result r;
  r.case_id = "c";
  r.provider = "p";
  r.verdict = Verdict::NotRun;
  r.reason = "interrupted";
  writer.add(r);
  Summary summary;
  summary.add(r.verdict);
  summary.interrupted = true;
  writer.close(summary, "", {});
  ResultsFile file;
  ASSERT_TRUE(read_results(dir.file("r.json"), file, error)) << error;
  ASSERT_EQ(file.results.size(), 1u);
  EXPECT_EQ(file.results[0].verdict, Verdict::NotRun);
  EXPECT_EQ(file.results[0].reason, "interrupted");
  EXPECT_TRUE(file.summary.interrupted);
  EXPECT_EQ(file.summary.not_run, 1);
  EXPECT_EQ(file.summary.skip, 0);  // counted apart from skipped cases
}

TEST(Summary, CountsEachVerdict) {
  Summary s;
  for (Verdict v : {Verdict::Pass, Verdict::Pass, Verdict::Fail, Verdict::Error, Verdict::Skip,
                    Verdict::Unsupported, Verdict::Known}) {
    s.add(v);
  }
  EXPECT_EQ(s.total, 7);
  EXPECT_EQ(s.pass, 2);
  EXPECT_EQ(s.fail, 1);
  EXPECT_EQ(s.error, 1);
  EXPECT_EQ(s.skip, 1);
  EXPECT_EQ(s.unsupported, 1);
  EXPECT_EQ(s.known, 1);
}

}  // namespace
}  // namespace ac
