// User story: Ctrl-C (or a CI runner's SIGTERM) in the middle of a run against a slow endpoint
// stops sending, lets the replies in flight finish for a short grace, and still leaves a valid
// results.json (every unsent case `not_run`, reason "interrupted") and the reports asked for;
// exit 130. A second Ctrl-C quits at once.
#include <gtest/gtest.h>
#include <signal.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <filesystem>
#include <thread>

#include "e2e_helpers.hpp"
#include "support/local_server.hpp"

namespace ac::test {
namespace {

const char* kReply =
    R"({"id":"msg_1","type":"message","role":"assistant","model":"m","content":[{"type":"text","text":"hi"}],"stop_reason":"end_turn","stop_sequence":null,"usage":{"input_tokens":3,"output_tokens":1}})";

// `n` copies of the basic case, probe.c1 ... probe.cN, in one file.
std::string cases(int n) {
  std::string all = "cases:\n";
  for (int i = 1; i <= n; ++i) {
    std::string one = kBasicCase;
    one.replace(one.find("probe.basic"), 11, "probe.c" + std::to_string(i));
    std::string indented;
    for (std::size_t start = 0; start < one.size();) {
      std::size_t end = one.find('\n', start);
      indented += (start == 0 ? "  - " : "    ") + one.substr(start, end - start + 1);
      start = end + 1;
    }
    all += indented;
  }
  return all;
}

// Without the preflight: each test scripts the server request by request for its cases.
struct InterruptFixture {
  TempDir dir;
  std::vector<std::string> args(const LocalServer& server, std::vector<std::string> extra) const {
    std::vector<std::string> a{"run", "--base-url", server.base_url(), "--key-env", "E2E_KEY", "--cases",
                               dir.file("cases"), "--out", dir.file("out"), "--no-progress", "--no-preflight"};
    a.insert(a.end(), extra.begin(), extra.end());
    return a;
  }
};

class Interrupt : public ::testing::TestWithParam<int> {};

// The first request is answered, the next ones never: after the signal one case has passed, two
// are cut in flight, the rest were never sent. All of it is in a valid results.json and the reports.
TEST_P(Interrupt, StopsSendingWritesValidResultsAndReportsAndExits130) {
  std::atomic<int> seen{0};
  LocalServer server([&seen](const RecordedRequest&) {
    return ++seen == 1 ? Script::json(200, kReply) : Script::never_answer();
  });
  InterruptFixture f;
  f.dir.write("cases/many.yaml", cases(8));
  StartedApiconform run(f.args(server, {"--jobs", "2", "--format", "html,md,junit", "--interrupt-grace", "0.2"}),
                        {{"E2E_KEY", "k-1"}});
  ASSERT_TRUE(eventually([&] { return server.request_count() >= 3; }));
  run.signal(GetParam());
  ProcessResult r = run.wait();
  EXPECT_EQ(r.exit_code, 130) << r.out << r.err;
  EXPECT_EQ(server.request_count(), 3);  // nothing was sent after the signal
  ResultsFile file = read_results_or_fail(f.dir.file("out/results.json"));
  ASSERT_EQ(file.results.size(), 8u);
  int pass = 0, not_run = 0;
  for (const auto& result : file.results) {
    if (result.verdict == Verdict::Pass) ++pass;
    if (result.verdict != Verdict::NotRun) continue;
    ++not_run;
    EXPECT_EQ(result.reason.rfind("interrupted", 0), 0u) << result.case_id << ": " << result.reason;
  }
  EXPECT_EQ(pass, 1);
  EXPECT_EQ(not_run, 7);
  EXPECT_TRUE(file.summary.interrupted);
  EXPECT_EQ(file.summary.not_run, 7);
  for (const char* report : {"out/report.html", "out/report.md", "out/junit.xml"})
    EXPECT_TRUE(std::filesystem::exists(f.dir.file(report))) << report;
  EXPECT_NE(read_file(f.dir.file("out/report.md")).find("interrupted: 7 of 8 results not run"), std::string::npos);
  EXPECT_NE(read_file(f.dir.file("out/report.html")).find("interrupted: 7 of 8 results not run"), std::string::npos);
  EXPECT_NE(r.out.find("interrupted: nothing more is sent; 2 replies in flight"), std::string::npos) << r.out;
  EXPECT_NE(r.err.find("interrupted: 7 of 8 results not run"), std::string::npos) << r.err;
}

INSTANTIATE_TEST_SUITE_P(SigintAndSigterm, Interrupt, ::testing::Values(SIGINT, SIGTERM),
                         [](const auto& info) { return info.param == SIGINT ? "Sigint" : "Sigterm"; });

// A reply on its way when Ctrl-C comes is still judged: the grace is for it. Its head arrives,
// the signal is sent, then its body.
TEST(InterruptGrace, AReplyInFlightFinishesWithinTheGraceAndIsJudged) {
  std::atomic<int> seen{0};
  std::atomic<bool> signalled{false};
  LocalServer server([&](const RecordedRequest&) {
    if (++seen > 1) return Script::never_answer();
    return Script::head(200, {{"Content-Type", "application/json"},
                              {"Content-Length", std::to_string(std::string(kReply).size())},
                              {"Connection", "close"}})
        .pause(300)
        .send(kReply);
  });
  InterruptFixture f;
  f.dir.write("cases/many.yaml", cases(4));
  StartedApiconform run(f.args(server, {"--jobs", "1", "--interrupt-grace", "30"}), {{"E2E_KEY", "k-1"}});
  ASSERT_TRUE(eventually([&] { return server.request_count() >= 1; }));
  run.signal(SIGINT);
  ProcessResult r = run.wait();
  EXPECT_EQ(r.exit_code, 130) << r.out << r.err;
  ResultsFile file = read_results_or_fail(f.dir.file("out/results.json"));
  ASSERT_EQ(file.results.size(), 4u);
  const Result* first = find_result(file, "probe.c1");
  ASSERT_NE(first, nullptr);
  EXPECT_EQ(first->verdict, Verdict::Pass) << first->reason;
  for (const char* id : {"probe.c2", "probe.c3", "probe.c4"}) {
    const Result* other = find_result(file, id);
    ASSERT_NE(other, nullptr) << id;
    EXPECT_EQ(other->verdict, Verdict::NotRun) << id;
  }
}

// Ctrl-C during the preflight: the cut preflight diagnoses nothing, so the cases are `not_run`,
// not setup errors of the provider.
TEST(InterruptPreflight, ACutPreflightLeavesTheCasesNotRun) {
  LocalServer server(Script::never_answer());
  InterruptFixture f;
  f.dir.write("cases/many.yaml", cases(2));
  std::vector<std::string> args = f.args(server, {"--interrupt-grace", "0.1"});
  args.erase(std::find(args.begin(), args.end(), "--no-preflight"));
  StartedApiconform run(args, {{"E2E_KEY", "k-1"}});
  ASSERT_TRUE(eventually([&] { return server.request_count() >= 1; }));
  run.signal(SIGINT);
  ProcessResult r = run.wait();
  EXPECT_EQ(r.exit_code, 130) << r.out << r.err;
  ResultsFile file = read_results_or_fail(f.dir.file("out/results.json"));
  ASSERT_EQ(file.results.size(), 2u);
  for (const auto& result : file.results) EXPECT_EQ(result.verdict, Verdict::NotRun) << result.reason;
  ASSERT_EQ(file.run.providers.size(), 1u);
  EXPECT_NE(file.run.providers[0].status, "setup_error");
}

// The second Ctrl-C does not wait for the grace (60 s here) nor write anything.
TEST(InterruptTwice, TheSecondSignalQuitsAtOnce) {
  LocalServer server(Script::never_answer());
  InterruptFixture f;
  f.dir.write("cases/many.yaml", cases(3));
  StartedApiconform run(f.args(server, {"--jobs", "1", "--interrupt-grace", "60"}), {{"E2E_KEY", "k-1"}});
  ASSERT_TRUE(eventually([&] { return server.request_count() >= 1; }));
  run.signal(SIGINT);
  // Standard signals do not queue: the second is sent once the first was handled.
  ASSERT_TRUE(eventually([&] { return run.output().find("Ctrl-C again") != std::string::npos; }));
  run.signal(SIGINT);
  ProcessResult r = run.wait();
  EXPECT_EQ(r.exit_code, 130);
  EXPECT_EQ(r.err.find("written"), std::string::npos) << r.err;  // it did not go on to write results
}

}  // namespace
}  // namespace ac::test
