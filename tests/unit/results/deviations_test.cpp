#include <gtest/gtest.h>

#include "results/deviations.hpp"
#include "results/results_reader.hpp"
#include "results/results_writer.hpp"
#include "unit/results/make_result.hpp"
#include "unit/results/scratch_dir.hpp"

namespace ac {
namespace {

using testing::make_file;
using testing::make_result;
using V = Verdict;

Result failing(const std::string& provider, const std::string& feature, const std::string& id,
               std::vector<std::pair<std::string, Severity>> codes) {
  Result r = make_result(provider, feature, id, V::Fail);
  r.findings.clear();
  for (const auto& [code, severity] : codes) {
    Finding f{"json", "/x", "1", "2", code + " differs", severity};
    f.code = code;
    f.where = {"cases/x.yaml", 7, 1};
    r.findings.push_back(f);
  }
  r.exchange.request.curl = "curl " + id;
  return r;
}

TEST(Deviations, OneCodeOnOneProviderIsOneDeviationWhateverTheCases) {
  ResultsFile file = make_file({failing("p", "streaming", "s1", {{"a", Severity::Cosmetic}}),
                                failing("p", "streaming", "s2", {{"a", Severity::Cosmetic}, {"b", Severity::Breaking}}),
                                failing("p", "messages", "m1", {{"a", Severity::Cosmetic}}),
                                failing("q", "messages", "m1", {{"a", Severity::Cosmetic}}),
                                make_result("p", "messages", "m2", V::Pass)});
  const auto all = find_deviations(file);
  ASSERT_EQ(all.size(), 3u);
  const Deviation* a = find_deviation(all, "p", "a");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(a->cases, (std::vector<std::string>{"m1", "s1", "s2"}));
  EXPECT_EQ(a->features, (std::vector<std::string>{"messages", "streaming"}));
  EXPECT_EQ(a->owner, "streaming") << "2 of 2 streaming cases, 1 of 2 messages cases";
  EXPECT_EQ(a->example.case_id, "m1") << "the first case by id";
  EXPECT_EQ(a->example.at, "cases/x.yaml:7");
  EXPECT_EQ(a->example.curl, "curl m1");
  EXPECT_EQ(a->title, "a differs");
  // Breaking first, then by reach; ids per provider.
  EXPECT_EQ(all[0].code, "b");
  EXPECT_EQ(all[0].id, "D1");
  EXPECT_EQ(all[1].code, "a");
  EXPECT_EQ(all[1].id, "D2");
  EXPECT_EQ(all[2].provider, "q");
  EXPECT_EQ(all[2].id, "D1");
}

TEST(Deviations, RepeatsCountACaseOnceAndDeclaredOnesAreMarked) {
  Result known = failing("p", "f", "k", {{"c", Severity::Breaking}});
  known.verdict = V::Known;
  Result warning = make_result("p", "f", "w", V::Pass);
  warning.findings.push_back({"unknown-field", "/z", "", "", "unknown", Severity::Warning});
  warning.findings.back().code = "unknown-field:/z";
  ResultsFile file = make_file({failing("p", "f", "r", {{"a", Severity::Cosmetic}}),
                                failing("p", "f", "r", {{"a", Severity::Cosmetic}}), known, warning});
  file.results[1].repeat = 1;
  const auto all = find_deviations(file);
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(find_deviation(all, "p", "a")->cases.size(), 1u);
  EXPECT_TRUE(find_deviation(all, "p", "c")->declared);
  EXPECT_FALSE(find_deviation(all, "p", "a")->declared);
  EXPECT_EQ(find_deviation(all, "p", "unknown-field:/z"), nullptr) << "a warning is no deviation";
}

TEST(Deviations, PathAndAuthSchemeDifferingFromTheApiAreDeviations) {
  ResultsFile file = make_file({}, {{"odd", "", false, "run", "", "/messages", "bearer"},
                                    {"fine", "", false, "run", "", "/gateway/v1/messages", "either"},
                                    {"off", "", false, "not_run", "set KEY", "/messages", "bearer"}});
  const auto all = find_deviations(file);
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].code, "setup.auth:bearer");
  EXPECT_EQ(all[1].code, "setup.path:/messages");
  for (const auto& d : all) {
    EXPECT_EQ(d.provider, "odd");
    EXPECT_EQ(d.severity, Severity::Breaking);
    EXPECT_FALSE(d.reason.empty());
    EXPECT_TRUE(d.cases.empty());
  }
}

TEST(Deviations, AreWrittenToResultsJsonAndReadBack) {
  testing::ScratchDir dir;
  ResultsFile file = make_file({failing("p", "f", "a", {{"x", Severity::Lenient}})}, {{"p", "", false, "run", "", "/messages", "x-api-key"}});
  file.deviations = find_deviations(file);
  ResultsWriter w;
  std::string error;
  ASSERT_TRUE(w.open(dir.file("r.json"), file.run, error)) << error;
  for (const auto& r : file.results) w.add(r);
  w.close(file.summary, "", file.deviations);
  ASSERT_FALSE(w.failed()) << w.error();
  ResultsFile back;
  ASSERT_TRUE(read_results(dir.file("r.json"), back, error)) << error;
  ASSERT_EQ(back.deviations.size(), 2u);
  EXPECT_EQ(back.run.providers[0].messages_path, "/messages");
  EXPECT_EQ(back.run.providers[0].auth, "x-api-key");
  const Deviation& d = back.deviations[1];
  EXPECT_EQ(d.id, "D2");
  EXPECT_EQ(d.code, "x");
  EXPECT_EQ(d.severity, Severity::Lenient);
  EXPECT_EQ(d.cases, std::vector<std::string>{"a"});
  EXPECT_EQ(d.owner, "f");
  EXPECT_EQ(d.example.curl, "curl a");
  EXPECT_EQ(back.results[0].findings[0].code, "x");
  EXPECT_EQ(back.results[0].findings[0].where.line, 7);
}

}  // namespace
}  // namespace ac
