// `run --var NAME=VALUE` and `run --model NAME` over a profile's vars.
#include "load/var_override.hpp"

#include <gtest/gtest.h>

namespace ac {
namespace {

std::string value_of(const std::string& assignment) {
  std::string name, json, error;
  if (!parse_var_assignment(assignment, name, json, error)) return "error: " + error;
  return name + " -> " + json;
}

TEST(VarAssignment, ValuesKeepTheirYamlTypeLikeAProfile) {
  EXPECT_EQ(value_of("max_tokens=512"), "max_tokens -> 512");
  EXPECT_EQ(value_of("max_tokens=\"512\""), "max_tokens -> \"512\"");
  EXPECT_EQ(value_of("stream=true"), "stream -> true");
  EXPECT_EQ(value_of("model=openai/gpt-4o"), "model -> \"openai/gpt-4o\"");
  EXPECT_EQ(value_of("stop=[END, STOP]"), "stop -> [\"END\",\"STOP\"]");
}

TEST(VarAssignment, TextThatIsNotOneYamlValueStaysText) {
  EXPECT_EQ(value_of("prompt=say: hi"), "prompt -> \"say: hi\"");
  EXPECT_EQ(value_of("prompt=[unclosed"), "prompt -> \"[unclosed\"");
  EXPECT_EQ(value_of("suffix="), "suffix -> \"\"");
  EXPECT_EQ(value_of("url=http://x/?a=b"), "url -> \"http://x/?a=b\"");  // only the first `=` splits
}

TEST(VarAssignment, AMalformedAssignmentIsRefusedWithTheReason) {
  EXPECT_NE(value_of("model").find("NAME=VALUE"), std::string::npos);
  EXPECT_NE(value_of("=x").find("not a variable name"), std::string::npos);
  EXPECT_NE(value_of("env.HOME=x").find("not a variable name"), std::string::npos);
  EXPECT_NE(value_of("a b=x").find("not a variable name"), std::string::npos);
}

TEST(ModelOverride, SetsEveryModelVariableAndLeavesTheRest) {
  Provider p;
  p.vars = {{"model", "\"claude-sonnet-4-5\""},
            {"model_id", "\"claude-sonnet-4-5-20250929\""},
            {"small_model", "\"claude-haiku-4-5\""},
            {"max_tokens", "256"},
            {"modeling", "\"x\""}};
  apply_model_override(p, "vendor/claude");
  EXPECT_EQ(p.vars["model"], "\"vendor/claude\"");
  EXPECT_EQ(p.vars["model_id"], "\"vendor/claude\"");
  EXPECT_EQ(p.vars["small_model"], "\"vendor/claude\"");
  EXPECT_EQ(p.vars["max_tokens"], "256");
  EXPECT_EQ(p.vars["modeling"], "\"x\"");
}

TEST(ModelOverride, AddsModelToAProfileWithoutOne) {
  Provider p;
  apply_model_override(p, "m\"1");
  EXPECT_EQ(p.vars["model"], "\"m\\\"1\"");
}

}  // namespace
}  // namespace ac
