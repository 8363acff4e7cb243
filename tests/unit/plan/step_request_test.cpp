// Later steps of a `steps:` case are built at run time from a RequestSpec and the variables plus
// the captures: substituted like any variable, and the redacted copy stays secret-free.
#include <gtest/gtest.h>

#include "plan/job.hpp"
#include "plan/request_builder.hpp"

namespace ac {
namespace {

Target target() {
  Target t;
  t.provider.name = "acme";
  t.provider.key_env = "ACME_KEY";
  t.provider.auth = AuthStyle::Bearer;
  t.provider.paths = {{"batches", "/v1/messages/batches"}};
  t.provider.headers = {{"anthropic-version", "2023-06-01"}};
  t.provider.vars = {{"model", "\"claude-test\""}};
  t.base_url = "http://127.0.0.1:9";
  t.key = "sk-secret-key-value-123456";
  return t;
}

TEST(StepRequest, CapturesAreSubstitutedWithTheirTypes) {
  const Target t = target();
  Variables vars = variables_for(t, "2023-06-01");
  vars["batch_id"] = "\"msgbatch_01abc\"";  // a captured string
  vars["n"] = "2";                          // a captured number
  RequestSpec spec;
  spec.method = "POST";
  spec.path = "{{paths.batches}}/{{batch_id}}/cancel";
  spec.json = R"({"id":"{{batch_id}}","count":"{{n}}","note":"batch {{batch_id}}"})";
  PreparedRequest out;
  std::string error;
  ASSERT_TRUE(prepare_request(spec, t, vars, RequestOptions{}, out, error)) << error;
  EXPECT_EQ(out.url, "http://127.0.0.1:9/v1/messages/batches/msgbatch_01abc/cancel");
  EXPECT_EQ(out.body, R"({"id":"msgbatch_01abc","count":2,"note":"batch msgbatch_01abc"})");
  EXPECT_EQ(find_header(out.headers, "Authorization").value_or(""), "Bearer sk-secret-key-value-123456");

  EXPECT_EQ(out.sent.url, out.url);
  EXPECT_EQ(find_header(out.sent.headers, "Authorization").value_or(""), "Bearer [REDACTED]");
  EXPECT_EQ(out.sent.curl.find("sk-secret"), std::string::npos) << out.sent.curl;
  EXPECT_NE(out.sent.curl.find("\"$ACME_KEY\""), std::string::npos) << out.sent.curl;
}

TEST(StepRequest, AnUnknownVariableIsAnError) {
  const Target t = target();
  RequestSpec spec;
  spec.method = "GET";
  spec.path = "/v1/messages/batches/{{batch_id}}";
  PreparedRequest out;
  std::string error;
  EXPECT_FALSE(prepare_request(spec, t, variables_for(t, "2023-06-01"), RequestOptions{}, out, error));
  EXPECT_NE(error.find("batch_id"), std::string::npos) << error;
}

TEST(StepRequest, ExpectationsTakeCapturedValues) {
  Expectation e;
  JsonExpectation a;
  a.pointer = "/id";
  a.kind = JsonCheckKind::Equals;
  a.value = "\"{{batch_id}}\"";
  e.json.push_back(a);
  std::string error;
  ASSERT_TRUE(expand_expectation(e, {{"batch_id", "\"msgbatch_01abc\""}}, error)) << error;
  EXPECT_EQ(e.json[0].value, "\"msgbatch_01abc\"");
  ASSERT_TRUE(e.json[0].expected.read) << "the value is read once it is final";
  ASSERT_TRUE(e.json[0].expected.json);
  EXPECT_STREQ(e.json[0].expected.json->GetString(), "msgbatch_01abc");
}

TEST(StepRequest, PlannerKeepsWhatLaterStepsNeed) {
  Case c;
  c.id = "batches.seq";
  c.feature = "messages.batches";
  c.has_steps = true;
  c.request.endpoint = "batches";
  c.request.method = "GET";
  c.later_steps.push_back(Step{});
  std::vector<Case> cases{c};
  std::vector<Target> targets{target()};
  PlanOptions o;
  o.request.max_body_shown = 100;
  const Job j = plan_jobs(cases, targets, o)[0];
  ASSERT_FALSE(j.decided) << j.reason;
  EXPECT_EQ(j.vars.at("model"), "\"claude-test\"");
  EXPECT_EQ(j.request_options.max_body_shown, 100u);

  cases[0].request.path = "/{{nope}}";  // step 1 cannot be prepared: named in the reason
  cases[0].request.endpoint.clear();
  const Job bad = plan_jobs(cases, targets, o)[0];
  EXPECT_TRUE(bad.decided);
  EXPECT_NE(bad.reason.find("of step 1"), std::string::npos) << bad.reason;
}

}  // namespace
}  // namespace ac
