// {{variables}}: typed when a string is exactly one placeholder, textual otherwise, env, errors.
#include "load/variables.hpp"

#include <cstdlib>

#include "load_test_util.hpp"

namespace ac {
namespace {

const Variables kVars = {{"model", "\"claude-sonnet-4-5\""}, {"max_tokens", "1024"}, {"stream", "true"},
                         {"stop", "[\"END\",\"STOP\"]"},      {"none", "null"},       {"temp", "0.25"}};

std::string json(const std::string& in) {
  std::string out, error;
  return expand_json(in, kVars, out, error) ? out : "error: " + error;
}

std::string text(const std::string& in) {
  std::string out, error;
  return expand_text(in, kVars, out, error) ? out : "error: " + error;
}

TEST(ExpandJson, WholeStringTakesTheVariablesType) {
  EXPECT_EQ(json(R"({"model":"{{model}}","max_tokens":"{{max_tokens}}","stream":"{{stream}}"})"),
            R"({"model":"claude-sonnet-4-5","max_tokens":1024,"stream":true})");
  EXPECT_EQ(json(R"({"stop":"{{stop}}","x":"{{none}}","t":"{{ temp }}"})"),
            R"({"stop":["END","STOP"],"x":null,"t":0.25})");
  EXPECT_EQ(json(R"("{{max_tokens}}")"), "1024");
}

TEST(ExpandJson, InsideALongerStringTheValueIsText) {
  EXPECT_EQ(json(R"({"a":"model={{model}} n={{max_tokens}}","b":"{{stream}}!"})"),
            R"({"a":"model=claude-sonnet-4-5 n=1024","b":"true!"})");
}

TEST(ExpandJson, NumbersAndOtherValuesPassThroughUnchanged) {
  EXPECT_EQ(json(R"({"big":123456789012345678901234567890,"f":1.50,"e":-2.5e-3,"n":null,"t":[true,false]})"),
            R"({"big":123456789012345678901234567890,"f":1.50,"e":-2.5e-3,"n":null,"t":[true,false]})");
}

TEST(ExpandJson, KeysAreExpandedAsText) {
  EXPECT_EQ(json(R"({"{{model}}":1})"), R"({"claude-sonnet-4-5":1})");
}

TEST(ExpandJson, ExpandedTextIsEscaped) {
  std::string out, error;
  ASSERT_TRUE(expand_json(R"({"a":"x {{q}}"})", {{"q", R"("say \"hi\"\n")"}}, out, error)) << error;
  EXPECT_EQ(out, R"({"a":"x say \"hi\"\n"})");
}

TEST(ExpandJson, Environment) {
  setenv("AC_LOAD_TEST_VAR", "from-env", 1);
  EXPECT_EQ(json(R"({"a":"{{env.AC_LOAD_TEST_VAR}}","b":"x-{{env.AC_LOAD_TEST_VAR}}"})"),
            R"({"a":"from-env","b":"x-from-env"})");
  unsetenv("AC_LOAD_TEST_VAR");
  EXPECT_EQ(json(R"({"a":"{{env.AC_LOAD_TEST_VAR}}"})"),
            "error: environment variable `AC_LOAD_TEST_VAR` (from `{{env.AC_LOAD_TEST_VAR}}`) is not set");
}

TEST(ExpandJson, UnknownVariableIsNamed) {
  EXPECT_EQ(json(R"({"a":"{{modle}}"})"),
            "error: unknown variable `{{modle}}` (defined: max_tokens, model, none, stop, stream, temp)");
  std::string out, error;
  EXPECT_FALSE(expand_json(R"("{{x}}")", {}, out, error));
  EXPECT_EQ(error, "unknown variable `{{x}}` (none are defined)");
}

TEST(ExpandJson, BrokenPlaceholdersAndBrokenJson) {
  EXPECT_EQ(json(R"({"a":"{{model"})"), "error: unbalanced `{{` at character 1: no `}}` closes it");
  EXPECT_EQ(json(R"({"a":1)"), "error: not valid JSON: Missing a comma or '}' after an object member. (at character 7)");
  EXPECT_EQ(json(R"({"a":1} x)"), "error: not valid JSON: The document root must not be followed by other values. (at character 9)");
  std::string out, error;
  EXPECT_FALSE(expand_json(R"("{{v}}")", {{"v", "not json"}}, out, error));
  EXPECT_EQ(error, "variable `v` does not hold a JSON value: not json");
}

TEST(ExpandText, ReplacesEveryPlaceholder) {
  EXPECT_EQ(text("/v1/models/{{model}}?n={{max_tokens}}&s={{stream}}"),
            "/v1/models/claude-sonnet-4-5?n=1024&s=true");
  EXPECT_EQ(text("no variables {here}"), "no variables {here}");
  EXPECT_EQ(text(""), "");
  EXPECT_EQ(text("}} stray closers are text"), "}} stray closers are text");
}

TEST(ExpandText, Errors) {
  EXPECT_EQ(text("a {{b"), "error: unbalanced `{{` at character 3: no `}}` closes it");
  EXPECT_EQ(text("{{}}"), "error: empty placeholder `{{}}`");
  EXPECT_EQ(text("{{a b}}"), "error: `{{a b}}` is not a variable name (letters, digits, `_`, `.`, `-`)");
  EXPECT_EQ(text("{{nope}}"),
            "error: unknown variable `{{nope}}` (defined: max_tokens, model, none, stop, stream, temp)");
}

TEST(Placeholders, CheckAndBlank) {
  std::string error;
  EXPECT_TRUE(check_placeholders("^{{model}}-{{env.X}}$", error));
  EXPECT_FALSE(check_placeholders("{{a", error));
  EXPECT_EQ(blank_placeholders("^{{model}}(-x)?$", "m"), "^m(-x)?$");
}

}  // namespace
}  // namespace ac
