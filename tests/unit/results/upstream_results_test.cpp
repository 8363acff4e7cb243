// Upstream mode in results.json: each result's forwarded requests and replies, the run's unmatched
// requests (docs/results-format.md), written and read back; absent without upstream mode.
#include <gtest/gtest.h>

#include "results/results_reader.hpp"
#include "results/results_writer.hpp"
#include "unit/results/scratch_dir.hpp"

namespace ac {
namespace {

using testing::read_text;
using testing::ScratchDir;

TEST(UpstreamResults, WrittenAndReadBack) {
  ScratchDir dir;
  const std::string path = dir.file("results.json");
  Result r;
  r.case_id = "gateway.stop";
  r.provider = "gw";
  ForwardedRequest f;
  f.method = "POST";
  f.path = "/v1/chat/completions";
  f.headers = {{"authorization", "Bearer [REDACTED]"}};
  f.body = R"({"stop":["END"],"messages":[{"role":"user","content":"Hi [ac:gateway.stop:1]"}]})";
  f.body_unmarked = "not written";
  f.reply_status = 429;
  f.fault = "status";
  f.reply_body = R"({"error":{"message":"slow down"}})";
  r.upstream = UpstreamRecord{"[ac:gateway.stop:1]", {f, f}};
  Result plain;
  plain.case_id = "messages.basic";
  plain.provider = "gw";
  ResultsWriter writer;
  std::string error;
  ASSERT_TRUE(writer.open(path, RunInfo{}, error)) << error;
  writer.add(r);
  writer.add(plain);
  writer.set_upstream(UpstreamRun{"openai", "127.0.0.1:8788", {{"POST", "/v1/chat/completions", "", "{}"}}});
  writer.close(Summary{}, "2026-12-05T00:00:00Z", {});
  ASSERT_FALSE(writer.failed()) << writer.error();

  ResultsFile file;
  ASSERT_TRUE(read_results(path, file, error)) << error;
  ASSERT_EQ(file.results.size(), 2u);
  const auto& u = file.results[0].upstream;
  ASSERT_TRUE(u.has_value());
  EXPECT_EQ(u->marker, "[ac:gateway.stop:1]");
  ASSERT_EQ(u->forwarded.size(), 2u);
  EXPECT_EQ(u->forwarded[0].path, "/v1/chat/completions");
  EXPECT_EQ(u->forwarded[0].headers.at(0).value, "Bearer [REDACTED]");
  EXPECT_EQ(u->forwarded[0].body, f.body);
  EXPECT_EQ(u->forwarded[0].body_unmarked, "") << "only the body as received is kept";
  EXPECT_EQ(u->forwarded[0].reply_status, 429);
  EXPECT_EQ(u->forwarded[0].fault, "status");
  EXPECT_EQ(u->forwarded[0].reply_body, f.reply_body);
  EXPECT_FALSE(file.results[1].upstream.has_value());
  ASSERT_TRUE(file.upstream.has_value());
  EXPECT_EQ(file.upstream->dialect, "openai");
  EXPECT_EQ(file.upstream->listen, "127.0.0.1:8788");
  ASSERT_EQ(file.upstream->unmatched.size(), 1u);
  EXPECT_EQ(file.upstream->unmatched[0].path, "/v1/chat/completions");
  EXPECT_EQ(read_text(path).find("not written"), std::string::npos);
}

TEST(UpstreamResults, AbsentWithoutUpstreamMode) {
  ScratchDir dir;
  const std::string path = dir.file("results.json");
  ResultsWriter writer;
  std::string error;
  ASSERT_TRUE(writer.open(path, RunInfo{}, error)) << error;
  Result plain;
  plain.case_id = "messages.basic";
  plain.provider = "p";
  writer.add(plain);
  writer.close(Summary{}, "2026-12-05T00:00:00Z", {});
  EXPECT_EQ(read_text(path).find("\"upstream\""), std::string::npos);
}

}  // namespace
}  // namespace ac
