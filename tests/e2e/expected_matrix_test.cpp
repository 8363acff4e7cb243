// User story (issue 5): the demo matrix says, for each provider and feature, what the provider's
// own document says: conformant, a deviation (breaking or cosmetic), or unsupported. The
// expectations in tests/expected/<provider>.yaml were written from the documents, not from
// this tool's output.
#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include <filesystem>
#include <map>
#include <set>

#include "e2e_helpers.hpp"

namespace ac::test {
namespace {

struct CellFacts {
  int pass = 0, fail = 0, error = 0, known = 0, unsupported = 0, skip = 0;
  // The worst severity of each failing or known case: a cell can hold a documented cosmetic
  // deviation beside cases declared known for another reason (an endpoint the provider lacks).
  std::set<Severity> severities;
  std::vector<std::string> failing;  // case ids, for messages
};

std::map<std::string, CellFacts> facts_by_feature(const ResultsFile& file, const std::string& provider) {
  std::map<std::string, CellFacts> out;
  for (const auto& r : file.results) {
    if (r.provider != provider) continue;
    CellFacts& c = out[r.feature];
    switch (r.verdict) {
      case Verdict::Pass: ++c.pass; break;
      case Verdict::Fail: ++c.fail; break;
      case Verdict::Error: ++c.error; break;
      case Verdict::Known: ++c.known; break;
      case Verdict::Unsupported: ++c.unsupported; break;
      case Verdict::Skip:
      case Verdict::NotRun: ++c.skip; break;
    }
    if (r.verdict == Verdict::Fail || r.verdict == Verdict::Known || r.verdict == Verdict::Error) {
      c.failing.push_back(r.case_id + " (" + to_string(r.verdict) + ")");
      bool breaking = false, lenient = false, cosmetic = false;
      for (const auto& f : r.findings) {
        breaking = breaking || f.severity == Severity::Breaking;
        lenient = lenient || f.severity == Severity::Lenient;
        cosmetic = cosmetic || f.severity == Severity::Cosmetic;
      }
      // An error (no verdict) or a failure without findings counts as breaking.
      c.severities.insert(breaking || !(cosmetic || lenient) ? Severity::Breaking
                                                             : lenient ? Severity::Lenient : Severity::Cosmetic);
    }
  }
  return out;
}

std::string describe(const CellFacts& c) {
  std::string s = "pass " + std::to_string(c.pass) + ", fail " + std::to_string(c.fail) + ", error " +
                  std::to_string(c.error) + ", known " + std::to_string(c.known) + ", unsupported " +
                  std::to_string(c.unsupported) + ", skip " + std::to_string(c.skip) + "; failing:";
  for (const auto& id : c.failing) s += " " + id;
  return s;
}

class ExpectedMatrix : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    std::vector<std::string> args{"run", "--simulate"};
    for (const auto& entry : std::filesystem::directory_iterator(source_dir() + "/tests/expected"))
      if (entry.path().extension() == ".yaml") args.insert(args.end(), {"--provider", entry.path().stem().string()});
    out_ = new TempDir;
    args.insert(args.end(), {"--out", out_->path(), "--no-progress"});
    ProcessResult r = run_apiconform(args);
    ASSERT_TRUE(r.exit_code == 0 || r.exit_code == 1) << r.out << r.err;
    file_ = new ResultsFile(read_results_or_fail(out_->file("results.json")));
  }
  static void TearDownTestSuite() {
    delete file_;
    delete out_;
  }
  static TempDir* out_;
  static ResultsFile* file_;
};

TempDir* ExpectedMatrix::out_ = nullptr;
ResultsFile* ExpectedMatrix::file_ = nullptr;

TEST_F(ExpectedMatrix, EveryCellSaysWhatTheProvidersDocumentSays) {
  ASSERT_NE(file_, nullptr);
  for (const auto& entry : std::filesystem::directory_iterator(source_dir() + "/tests/expected")) {
    if (entry.path().extension() != ".yaml") continue;
    YAML::Node doc = YAML::LoadFile(entry.path().string());
    std::string provider = doc["provider"].as<std::string>();
    auto facts = facts_by_feature(*file_, provider);
    ASSERT_FALSE(facts.empty()) << provider << " produced no results";
    for (const auto& kv : doc["features"]) {
      std::string feature = kv.first.as<std::string>();
      std::string expect = kv.second["expect"].as<std::string>();
      std::string why = kv.second["why"] ? kv.second["why"].as<std::string>() : "";
      const CellFacts& c = facts[feature];
      std::string where = provider + " / " + feature + " (expected " + expect + ": " + why + ")\n  got " + describe(c);
      if (expect == "conformant") {
        // Nothing the document promises may fail; cases declared known (for another feature's
        // missing endpoint) are allowed.
        EXPECT_EQ(c.fail + c.error, 0) << where;
        EXPECT_GT(c.pass + c.known + c.skip, 0) << where;
      } else if (expect == "unsupported") {
        EXPECT_EQ(c.pass + c.fail + c.error, 0) << where;
      } else if (expect == "deviation") {
        EXPECT_GT(c.fail + c.known, 0) << where;
        std::string severity = kv.second["severity"] ? kv.second["severity"].as<std::string>() : "breaking";
        Severity wanted = Severity::Breaking;
        ASSERT_TRUE(parse_severity(severity, wanted)) << where << ": unknown severity " << severity;
        EXPECT_TRUE(c.severities.count(wanted)) << where << "\n  (no failing case whose worst finding is " << severity << ")";
      } else {
        ADD_FAILURE() << entry.path() << ": unknown expectation '" << expect << "' for " << feature;
      }
    }
  }
}

}  // namespace
}  // namespace ac::test
