#include <gtest/gtest.h>

#include <cstdlib>

#include "plan/variable_check.hpp"

namespace ac {
namespace {

Target target(const std::string& name) {
  Target t;
  t.provider.name = name;
  t.provider.paths = {{"messages", "/v1/messages"}};
  t.provider.vars = {{"model", "\"m\""}};
  t.base_url = "http://127.0.0.1:9";
  return t;
}

Case case_using(std::vector<std::string> names) {
  Case c;
  c.id = "a";
  c.feature = "f";
  c.request.endpoint = "messages";
  c.request.json = "{}";
  int line = 1;
  for (auto& n : names) c.placeholders.push_back({n, SourceLocation{"case.yaml", line++, 5}});
  return c;
}

Job job_of(const Case& c, const Target& t) {
  Job j;
  j.test = &c;
  j.target = &t;
  return j;
}

TEST(VariableCheck, DefinedVariablesPathsVersionAndCapturesPass) {
  Target t = target("acme");
  Case c = case_using({"model", "paths.messages", "api_version", "batch_id"});
  c.captures.push_back(Capture{"batch_id", "/id", "", {}});
  EXPECT_TRUE(unknown_variables({job_of(c, t)}).empty());
}

TEST(VariableCheck, AnUnknownVariableIsLocatedNamesItsProvidersAndSuggests) {
  Target a = target("acme"), b = target("beta");
  Case c = case_using({"model", "modle"});
  Diagnostics d = unknown_variables({job_of(c, a), job_of(c, b)});
  ASSERT_EQ(d.size(), 1u);  // one place, both providers
  EXPECT_EQ(d[0].where.file, "case.yaml");
  EXPECT_EQ(d[0].where.line, 2);
  EXPECT_EQ(d[0].message, "unknown variable `{{modle}}` for providers acme, beta");
  EXPECT_NE(d[0].hint.find("did you mean `model`?"), std::string::npos) << d[0].hint;
}

TEST(VariableCheck, AVariableOnlyOneProviderLacksNamesThatOne) {
  Target a = target("acme"), b = target("beta");
  b.provider.vars["thinking_model"] = "\"t\"";
  Case c = case_using({"thinking_model"});
  Diagnostics d = unknown_variables({job_of(c, a), job_of(c, b)});
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].message, "unknown variable `{{thinking_model}}` for provider acme");
}

// A skipped or unsupported job never builds its request: its variables do not matter.
TEST(VariableCheck, JobsDecidedWithoutSendingAreNotChecked) {
  Target t = target("acme");
  Case c = case_using({"modle"});
  Job skipped = job_of(c, t);
  skipped.decided = true;
  skipped.verdict = Verdict::Unsupported;
  EXPECT_TRUE(unknown_variables({skipped}).empty());
}

TEST(VariableCheck, AnUnsetEnvironmentVariableIsReportedUnlessLinting) {
  Target t = target("acme");
  unsetenv("APICONFORM_TEST_UNSET_VARIABLE");
  setenv("APICONFORM_TEST_SET_VARIABLE", "x", 1);
  Case c = case_using({"env.APICONFORM_TEST_UNSET_VARIABLE", "env.APICONFORM_TEST_SET_VARIABLE"});
  Diagnostics d = unknown_variables({job_of(c, t)});
  ASSERT_EQ(d.size(), 1u);
  EXPECT_NE(d[0].message.find("`APICONFORM_TEST_UNSET_VARIABLE`"), std::string::npos) << d[0].message;
  EXPECT_TRUE(unknown_variables({job_of(c, t)}, false).empty());
}

}  // namespace
}  // namespace ac
