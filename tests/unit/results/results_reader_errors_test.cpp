#include <gtest/gtest.h>

#include "results/results_reader.hpp"
#include "unit/results/scratch_dir.hpp"

namespace ac {
namespace {

using testing::ScratchDir;
using testing::write_text;

std::string read_error(const std::string& text) {
  ScratchDir dir;
  const std::string path = dir.file("results.json");
  write_text(path, text);
  ResultsFile file;
  std::string error;
  EXPECT_FALSE(read_results(path, file, error));
  return error;
}

const char* kMinimalRun = R"("run":{"providers":[]})";

TEST(ResultsReader, MissingFileNamesThePath) {
  ResultsFile file;
  std::string error;
  EXPECT_FALSE(read_results("/no/such/results.json", file, error));
  EXPECT_NE(error.find("/no/such/results.json"), std::string::npos);
  EXPECT_NE(error.find("cannot read"), std::string::npos);
}

TEST(ResultsReader, InvalidJsonGivesLineColumnAndOffset) {
  const std::string error = read_error("{\"format\":1,\n  \"run\": {,}}");
  EXPECT_NE(error.find(":2:11:"), std::string::npos) << error;
  EXPECT_NE(error.find("byte 23"), std::string::npos) << error;
  EXPECT_NE(error.find("invalid JSON"), std::string::npos) << error;
}

TEST(ResultsReader, TruncatedFileSaysTheRunWasProbablyInterrupted) {
  const std::string error = read_error("{\"format\":1,\"run\":{},\"results\":[{\"case\":\"a\"");
  EXPECT_NE(error.find("interrupted"), std::string::npos) << error;
}

TEST(ResultsReader, UnknownFormatIsRefusedClearly) {
  const std::string error = read_error(std::string("{\"format\":2,") + kMinimalRun + ",\"results\":[]}");
  EXPECT_NE(error.find("format 2 is not supported"), std::string::npos) << error;
}

TEST(ResultsReader, AFileWithoutFormatIsNotAResultsFile) {
  EXPECT_NE(read_error("{\"foo\":1}").find("not an apiconform results file"), std::string::npos);
  EXPECT_NE(read_error("[1,2]").find("not an apiconform results file"), std::string::npos);
  EXPECT_NE(read_error("").find("empty file"), std::string::npos);
}

TEST(ResultsReader, BadFieldIsLocatedByPath) {
  const std::string base = std::string("{\"format\":1,") + kMinimalRun + ",\"results\":[";
  EXPECT_NE(read_error(base + R"({"case":"a","provider":"p","verdict":"maybe"}]})")
                .find("results[0].verdict: unknown verdict \"maybe\""),
            std::string::npos);
  EXPECT_NE(read_error(base + R"({"case":"a","provider":"p","verdict":"pass"},{"provider":"p","verdict":"pass"}]})")
                .find("results[1].case: missing"),
            std::string::npos);
  EXPECT_NE(read_error(base + R"({"case":"a","provider":"p","verdict":"pass","exchange":{"status":"200"}}]})")
                .find("results[0].exchange.status: expected an integer"),
            std::string::npos);
  EXPECT_NE(read_error(base + R"({"case":"a","provider":"p","verdict":"pass","findings":[{"severity":"awful"}]}]})")
                .find("results[0].findings[0].severity: unknown severity"),
            std::string::npos);
}

TEST(ResultsReader, SummaryIsRecountedWhenAbsent) {
  ScratchDir dir;
  write_text(dir.file("r.json"), std::string("{\"format\":1,") + kMinimalRun +
                                     R"(,"results":[{"case":"a","provider":"p","verdict":"pass","future_field":[1]}]})");
  ResultsFile file;
  std::string error;
  ASSERT_TRUE(read_results(dir.file("r.json"), file, error)) << error;
  EXPECT_EQ(file.summary.total, 1);
  EXPECT_EQ(file.summary.pass, 1);
}

}  // namespace
}  // namespace ac

namespace ac {
namespace {

TEST(ResultsReader, ResultsMustBeAnArrayOfObjects) {
  const std::string base = std::string("{\"format\":1,") + kMinimalRun;
  EXPECT_NE(read_error(base + ",\"results\":{}}").find("results: expected an array"), std::string::npos);
  EXPECT_NE(read_error(base + ",\"results\":[3]}").find("results[0]: expected an object"), std::string::npos);
  EXPECT_NE(read_error(std::string("{\"format\":1,\"results\":[]}")).find("run: missing"), std::string::npos);
  EXPECT_NE(read_error(std::string("{\"format\":1.5,") + kMinimalRun + ",\"results\":[]}").find("must be an integer"),
            std::string::npos);
}

TEST(ResultsReader, ReadsALargeFileResultByResult) {
  testing::ScratchDir dir;
  std::string text = std::string("{\"format\":1,") + kMinimalRun + ",\"results\":[";
  for (int i = 0; i < 5000; ++i) {
    text += std::string(i ? "," : "") + R"({"case":"c)" + std::to_string(i) +
            R"(","provider":"p","verdict":"pass","findings":[],"exchange":{"body":")" + std::string(200, 'x') +
            R"(","headers":[["a","b"]],"events":[{"name":"e","data":"{}","at_ms":1.5}]}})";
  }
  testing::write_text(dir.file("big.json"), text + "],\"finished_at\":\"end\"}");
  ResultsFile file;
  std::string error;
  ASSERT_TRUE(read_results(dir.file("big.json"), file, error)) << error;
  ASSERT_EQ(file.results.size(), 5000u);
  EXPECT_EQ(file.results[4999].case_id, "c4999");
  EXPECT_EQ(file.results[17].exchange.events[0].at_ms, 1.5);
  EXPECT_EQ(file.summary.pass, 5000);
  EXPECT_EQ(file.finished_at, "end");
}

}  // namespace
}  // namespace ac
