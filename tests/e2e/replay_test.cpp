// User story: a session captured once through the proxy (tests/recordings/session, the reference
// simulator's replies recorded by tests/recordings/record_from_simulator.py) is judged offline
// by `apiconform replay`, with the same results every time: golden reports, the right finding
// codes, exit codes as `run`.
#include <gtest/gtest.h>

#include <filesystem>
#include <regex>

#include "e2e_helpers.hpp"
#include "unit/report/golden.hpp"

namespace ac::test {
namespace {

namespace fs = std::filesystem;

std::string session() { return source_dir() + "/tests/recordings/session"; }

void replace_all(std::string& text, const std::string& from, const std::string& to) {
  for (std::size_t at; (at = text.find(from)) != std::string::npos;) text.replace(at, from.size(), to);
}

// The replay's own volatile parts: its duration on the console, the output folder, the source tree.
std::string normalised(std::string text, const std::string& out_dir) {
  static const std::regex took(R"( in \d+(\.\d+)? s\b)");
  text = std::regex_replace(text, took, " in @SECONDS@ s");
  replace_all(text, out_dir, "@OUT@");
  replace_all(text, source_dir(), "@SOURCE@");
  return testing::normalise_volatile(text);
}

const Finding* finding_with_code(const Result& r, const std::string& code) {
  for (const auto& f : r.findings)
    if (f.code == code) return &f;
  return nullptr;
}

TEST(Replay, JudgesTheRecordingWithTheChecksOfRunAndGoldenReports) {
  TempDir out;
  ProcessResult r = run_apiconform(
      {"replay", session(), "--out", out.path(), "--format", "html,md,junit", "--no-progress"});
  ASSERT_EQ(r.exit_code, 1) << r.out << r.err;  // findings: exit 1, as `run`
  EXPECT_TRUE(r.err.empty()) << r.err;
  testing::expect_golden("replay.console.txt", normalised(r.out, out.path()));
  testing::expect_golden("replay.md", normalised(read_file(out.file("report.md")), out.path()));
  testing::expect_golden("replay.junit.xml", normalised(read_file(out.file("junit.xml")), out.path()));
  testing::expect_golden("replay.html", normalised(read_file(out.file("report.html")), out.path()));

  ResultsFile file = read_results_or_fail(out.file("results.json"));
  ASSERT_EQ(file.results.size(), 8u);
  EXPECT_EQ(file.summary.pass, 6);
  EXPECT_EQ(file.summary.fail, 2);
  const Result* unnamed = find_result(file, "POST /v1/messages \xC2\xB7 claude-sonnet-4-5 \xC2\xB7 #3");
  ASSERT_NE(unnamed, nullptr);
  EXPECT_NE(finding_with_code(*unnamed, "stream.unnamed"), nullptr);
  const Result* client = find_result(file, "POST /v1/messages \xC2\xB7 claude-sonnet-4-5 \xC2\xB7 #4");
  ASSERT_NE(client, nullptr);
  const Finding* missing = finding_with_code(*client, "request.required:/max_tokens");
  ASSERT_NE(missing, nullptr) << "the client's request, not the reply, is what is wrong";
  EXPECT_EQ(missing->check, "request");
  EXPECT_EQ(find_result(file, "GET /v1/models \xC2\xB7 #8")->verdict, Verdict::Pass) << "its gzip body is decoded";
  EXPECT_EQ(file.run.providers.at(0).name, "http://127.0.0.1:18787") << "named by its target, as proxy names it";
}

TEST(Replay, ADamagedRecordIsAnErrorResultNamingItsFile) {
  TempDir dir;
  fs::copy(session(), dir.path() + "/rec");
  dir.write("rec/000009-POST-v1-messages.json", "{\"format\": \"apiconform-exchange/1\", \"sequence\": 9}");
  ProcessResult r = run_apiconform({"replay", dir.path() + "/rec", "--out", dir.path() + "/out", "--no-progress"});
  EXPECT_EQ(r.exit_code, 3) << r.out << r.err;  // a result without a verdict wins over findings
  EXPECT_NE(r.err.find("000009-POST-v1-messages.json"), std::string::npos) << r.err;
  ResultsFile file = read_results_or_fail(dir.path() + "/out/results.json");
  const Result* damaged = find_result(file, "000009-POST-v1-messages.json");
  ASSERT_NE(damaged, nullptr);
  EXPECT_EQ(damaged->verdict, Verdict::Error);
  EXPECT_NE(damaged->reason.find("/started_at: missing"), std::string::npos) << damaged->reason;
  EXPECT_EQ(file.results.size(), 9u) << "the readable records are judged all the same";
}

TEST(Replay, NothingToJudgeIsAnInputError) {
  TempDir dir;
  ProcessResult missing = run_apiconform({"replay", dir.path() + "/none", "--out", dir.path() + "/out"});
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_NE(missing.err.find("not a recording folder"), std::string::npos) << missing.err;
  ProcessResult empty = run_apiconform({"replay", dir.path(), "--out", dir.path() + "/out"});
  EXPECT_EQ(empty.exit_code, 2);
  EXPECT_NE(empty.err.find("no exchange records"), std::string::npos) << empty.err;
  ProcessResult bad = run_apiconform({"replay", session(), "--out", dir.path() + "/out", "--timing", "gap=5"});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("--timing gap=5: expected KEY=MS"), std::string::npos) << bad.err;
}

TEST(Replay, AStreamBoundFromTheCommandLineIsJudgedAgainstTheRecordedArrivalTimes) {
  TempDir out;
  // Every recorded stream took more than 0.001 ms to its first event: each is then a timing finding.
  ProcessResult r = run_apiconform({"replay", session(), "--out", out.path(), "--timing", "first_event=0.001",
                                    "--no-progress"});
  EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
  ResultsFile file = read_results_or_fail(out.file("results.json"));
  const Result* stream = find_result(file, "POST /v1/messages \xC2\xB7 claude-sonnet-4-5 \xC2\xB7 #2");
  ASSERT_NE(stream, nullptr);
  EXPECT_EQ(stream->verdict, Verdict::Fail);
  EXPECT_NE(finding_with_code(*stream, "stream.timing:timing:first_event"), nullptr);
}

}  // namespace
}  // namespace ac::test
