// Every {{name}} a case uses is kept with where it is written, so a variable no provider defines
// can be reported at its file:line:col once the providers are known (plan/variable_check.hpp).
#include "case_file_test.hpp"

namespace ac {
namespace {

class PlaceholderUses : public testing::CaseFileTest {};

TEST_F(PlaceholderUses, EachUseOfRequestAndExpectIsLocated) {
  const Diagnostics d = load(
      "id: a\n"
      "title: \"{{not_expanded}}\"\n"
      "feature: f\n"
      "request:\n"
      "  endpoint: messages\n"
      "  json:\n"
      "    model: \"{{modle}}\"\n"
      "    system: \"x {{a}} and {{b}}\"\n"
      "expect:\n"
      "  json:\n"
      "    /model: \"{{model}}\"\n");
  ASSERT_TRUE(d.empty()) << testing::dump(d);
  const auto& uses = cases_.at(0).placeholders;
  ASSERT_EQ(uses.size(), 4u);  // the title is not expanded, so it is not a use
  EXPECT_EQ(uses[0].name, "modle");
  EXPECT_EQ(uses[0].where.file, file_);
  EXPECT_EQ(uses[0].where.line, 7);
  EXPECT_EQ(uses[0].where.column, 13);
  EXPECT_EQ(uses[1].name, "a");
  EXPECT_EQ(uses[2].name, "b");
  EXPECT_EQ(uses[2].where.line, 8);
  EXPECT_EQ(uses[2].where.column, 26);
  EXPECT_EQ(uses[3].name, "model");
  EXPECT_EQ(uses[3].where.line, 11);
}

TEST_F(PlaceholderUses, StepsAreCoveredToo) {
  const Diagnostics d = load(
      "id: a\nfeature: f\nsteps:\n"
      "  - request: {endpoint: batches}\n"
      "    capture: {batch_id: /id}\n"
      "  - request: {path: \"/v1/x/{{batch_id}}\"}\n");
  ASSERT_TRUE(d.empty()) << testing::dump(d);
  ASSERT_EQ(cases_.at(0).placeholders.size(), 1u);
  EXPECT_EQ(cases_[0].placeholders[0].name, "batch_id");
  EXPECT_EQ(cases_[0].placeholders[0].where.line, 6);
}

}  // namespace
}  // namespace ac
