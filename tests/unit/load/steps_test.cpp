// Multi-step cases (`steps:`) and `expect.lines`: what the loader keeps, and every problem
// reported at its file:line:col.
#include "load/case_loader.hpp"

#include "case_file_test.hpp"

namespace ac {
namespace {

using testing::has_diag;

class CaseSteps : public testing::CaseFileTest {
 protected:
  // A case `a` whose `steps:` list is `steps` (indented by two).
  Diagnostics load_steps(const std::string& steps) { return load("id: a\nfeature: f\nsteps:\n" + steps); }
};

const char* kThreeSteps =
    "  - request: {endpoint: batches, json: {requests: []}}\n"
    "    expect: {status: 200}\n"
    "    capture: {batch_id: /id, rid: \"header:request-id\"}\n"
    "  - request: {path: \"{{paths.batches}}/{{batch_id}}\"}\n"
    "    expect: {json: {/id: \"{{batch_id}}\"}}\n"
    "    capture: {n: /request_counts/processing}\n"
    "  - request: {path: \"/v1/x/{{batch_id}}/{{n}}\"}\n"
    "    expect: {lines: {schema: anthropic/batch-result-line.json, count: {min: 1, max: 3}}}\n";

TEST_F(CaseSteps, KeepsEveryStepWithItsCaptures) {
  const Diagnostics d = load_steps(kThreeSteps);
  ASSERT_TRUE(d.empty()) << testing::dump(d);
  ASSERT_EQ(cases_.size(), 1u);
  const Case& c = cases_[0];
  EXPECT_TRUE(c.has_steps);
  EXPECT_EQ(c.step_count(), 3u);
  EXPECT_EQ(c.request.endpoint, "batches");
  ASSERT_EQ(c.captures.size(), 2u);
  EXPECT_EQ(c.captures[0].name, "batch_id");
  EXPECT_EQ(c.captures[0].pointer, "/id");
  EXPECT_EQ(c.captures[1].header, "request-id");
  EXPECT_EQ(c.later_steps[0].request.path, "{{paths.batches}}/{{batch_id}}");
  EXPECT_EQ(c.later_steps[0].request.method, "GET");
  ASSERT_TRUE(c.later_steps[1].expect.lines.has_value());
  EXPECT_EQ(c.later_steps[1].expect.lines->schema, "anthropic/batch-result-line.json");
  EXPECT_EQ(c.later_steps[1].expect.lines->min_count, 1);
  EXPECT_EQ(c.later_steps[1].expect.lines->max_count, 3);
  EXPECT_EQ(c.expectations().size(), 3u);
}

TEST_F(CaseSteps, ExactLineCount) {
  ASSERT_TRUE(load_steps("  - request: {endpoint: batches}\n    expect: {lines: {count: 2}}\n").empty());
  EXPECT_EQ(cases_[0].expect.lines->min_count, 2);
  EXPECT_EQ(cases_[0].expect.lines->max_count, 2);
}

TEST_F(CaseSteps, EmptyOrNotAList) {
  EXPECT_TRUE(has_diag(load("id: a\nfeature: f\nsteps: []\n"), file_, 3, 8, "`steps` must not be empty"));
  EXPECT_TRUE(has_diag(load("id: a\nfeature: f\nsteps: {request: {}}\n"), file_, 3, 8, "`steps` must be a list"));
}

TEST_F(CaseSteps, StepsWithRequestOrExpectIsAnError) {
  const Diagnostics d = load("id: a\nfeature: f\nrequest: {endpoint: models}\nexpect: {}\nsteps:\n"
                             "  - request: {endpoint: models}\n");
  EXPECT_TRUE(has_diag(d, file_, 3, 1, "`steps` replaces the case's `request`"));
  EXPECT_TRUE(has_diag(d, file_, 4, 1, "`steps` replaces the case's `expect`"));
}

TEST_F(CaseSteps, NeitherStepsNorRequest) {
  const Diagnostics d = load("id: a\nfeature: f\n");
  EXPECT_TRUE(has_diag(d, file_, 1, 1, "`case` needs `request`"));
}

TEST_F(CaseSteps, UnknownStepKeyHintsTheClosestOne) {
  const Diagnostics d = load_steps("  - request: {endpoint: models}\n    captrue: {x: /id}\n");
  EXPECT_TRUE(has_diag(d, file_, 5, 5, "unknown key `captrue` in `step`"));
  bool hinted = false;
  for (const auto& e : d) hinted = hinted || e.hint == "did you mean `capture`?";
  EXPECT_TRUE(hinted) << testing::dump(d);
}

TEST_F(CaseSteps, StepNeedsARequest) {
  EXPECT_TRUE(has_diag(load_steps("  - expect: {status: 200}\n"), file_, 4, 5, "`step` needs `request`"));
}

TEST_F(CaseSteps, BadCaptureNames) {
  EXPECT_TRUE(has_diag(load_steps("  - request: {endpoint: models}\n    capture: {1st: /id}\n"), file_, 5, 15,
                       "`1st` is not a capture name"));
  EXPECT_TRUE(has_diag(load_steps("  - request: {endpoint: models}\n    capture: {env.X: /id}\n"), file_, 5, 15,
                       "`env.X` is not a capture name"));
  EXPECT_TRUE(has_diag(load_steps("  - request: {endpoint: models}\n    capture: {x: /id}\n"
                                  "  - request: {endpoint: models}\n    capture: {x: /id}\n"),
                       file_, 7, 15, "`x` is captured twice"));
}

TEST_F(CaseSteps, BadCaptureSources) {
  EXPECT_TRUE(has_diag(load_steps("  - request: {endpoint: models}\n    capture: {x: id}\n"), file_, 5, 18,
                       "`id` is not a JSON pointer"));
  EXPECT_TRUE(has_diag(load_steps("  - request: {endpoint: models}\n    capture: {x: \"/a~2\"}\n"), file_, 5, 18,
                       "is not a JSON pointer"));
  EXPECT_TRUE(has_diag(load_steps("  - request: {endpoint: models}\n    capture: {x: \"\"}\n"), file_, 5, 18,
                       "cannot capture the whole body"));
  EXPECT_TRUE(has_diag(load_steps("  - request: {endpoint: models}\n    capture: {x: \"header:bad name\"}\n"), file_, 5,
                       18, "is not a valid HTTP header name"));
  EXPECT_TRUE(has_diag(load_steps("  - request: {endpoint: models}\n    capture: [x]\n"), file_, 5, 14,
                       "`capture` must be a mapping"));
}

TEST_F(CaseSteps, VariableUsedBeforeItsCaptureIsLocatedAtTheBraces) {
  const Diagnostics d = load_steps("  - request: {path: \"/v1/{{later}}\"}\n"
                                   "  - request: {endpoint: models}\n"
                                   "    capture: {later: /id}\n");
  EXPECT_TRUE(has_diag(d, file_, 4, 26, "`{{later}}` is captured by step 2, so step 1 cannot use it"));
}

TEST_F(CaseSteps, VariableUsedInItsOwnStepIsAnError) {
  const Diagnostics d = load_steps("  - request: {endpoint: models}\n"
                                   "    expect: {json: {/id: \"{{me}}\"}}\n"
                                   "    capture: {me: /id}\n");
  EXPECT_TRUE(has_diag(d, file_, 5, 27, "`{{me}}` is captured by this step itself"));
}

TEST_F(CaseSteps, CompareWithIsNotAllowed) {
  const Diagnostics d = load("id: s\nfeature: f\nrequest: {endpoint: messages}\nexpect: {stream: {compare_with: a}}\n"
                             "---\nid: a\nfeature: f\nsteps:\n  - request: {endpoint: models}\n"
                             "    expect: {stream: {compare_with: s}}\n");
  EXPECT_TRUE(has_diag(d, file_, 4, 33, "`compare_with` must name a single-request case; `a` has `steps`"));
  EXPECT_TRUE(has_diag(d, file_, 10, 37, "`compare_with` cannot be used in a case with `steps`"));
  EXPECT_EQ(d.size(), 2u) << testing::dump(d);  // the step's compare_with is reported once
}

TEST_F(CaseSteps, LinesDiagnostics) {
  auto with_expect = [&](const std::string& expect) {
    return load("id: a\nfeature: f\nrequest: {endpoint: batches}\nexpect: " + expect + "\n");
  };
  EXPECT_TRUE(has_diag(with_expect("{lines: {count: {min: 3, max: 1}}}"), file_, 4, 31, "`min` is above `max`"));
  EXPECT_TRUE(has_diag(with_expect("{lines: {count: {}}}"), file_, 4, 25, "needs `min` or `max`"));
  EXPECT_TRUE(has_diag(with_expect("{lines: {cuont: 2}}"), file_, 4, 18, "unknown key `cuont` in `expect.lines`"));
  EXPECT_TRUE(has_diag(with_expect("{lines: {count: -1}}"), file_, 4, 25, "expect.lines.count"));
  EXPECT_TRUE(has_diag(with_expect("{lines: 2}"), file_, 4, 17, "`expect.lines` must be a mapping"));
  EXPECT_TRUE(has_diag(with_expect("{schema: anthropic/message.json, lines: {count: 1}}"), file_, 4, 42,
                       "cannot be combined with `schema`"));
}

TEST_F(CaseSteps, PathMayStartWithAnEndpointPath) {
  EXPECT_TRUE(load("id: a\nfeature: f\nrequest: {path: \"{{paths.batches}}/x\"}\nexpect: {}\n").empty());
  EXPECT_TRUE(has_diag(load("id: a\nfeature: f\nrequest: {path: \"{{model}}/x\"}\nexpect: {}\n"), file_, 3, 17,
                       "must start with `/`"));
}

}  // namespace
}  // namespace ac
