#include <gtest/gtest.h>

#include "load/case_loader.hpp"
#include "model/case.hpp"

namespace ac {
namespace {

// `expect.stream: true` means the default checks: the Anthropic stream grammar (it used to mean
// none, so a plain JSON 200 passed a streaming case).
TEST(StreamDefault, StreamTrueAndAMappingWithoutGrammarJudgeByTheAnthropicGrammar) {
  for (const char* stream : {"true", "{incremental: false}"}) {
    const std::string text = std::string("id: a.b\nfeature: streaming\nrequest: {endpoint: messages, json: {stream: true}}\n"
                                         "expect: {status: 200, stream: ") + stream + "}\n";
    std::vector<Case> cases;
    Diagnostics diags = load_cases_from_string(text, "cases/x.yaml", cases);
    ASSERT_TRUE(diags.empty()) << diags.front().message;
    ASSERT_EQ(cases.size(), 1u);
    ASSERT_TRUE(cases[0].expect.stream);
    EXPECT_EQ(cases[0].expect.stream->grammar, kDefaultStreamGrammar) << stream;
  }
}

}  // namespace
}  // namespace ac
