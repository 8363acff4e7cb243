// YAML values become JSON with the type a person means: plain scalars are typed, quoted ones are
// strings.
#include <yaml-cpp/yaml.h>

#include "load/located_yaml.hpp"
#include "load_test_util.hpp"

namespace ac {
namespace {

std::string to_json(const std::string& yaml) {
  std::string out, error;
  YAML::Mark at;
  const bool ok = yaml_to_json(YAML::Load(yaml), out, error, at);
  return ok ? out : "error: " + error + " at line " + std::to_string(at.line + 1);
}

TEST(YamlToJson, PlainScalarsAreTyped) {
  EXPECT_EQ(to_json("[1, -2, +3, 007, 0x1f, 0o17, 1.5, .5, 1., -2.5e-3, 1E5]"),
            "[1,-2,3,7,31,15,1.5,0.5,1.0,-2.5e-3,1E5]");
  EXPECT_EQ(to_json("[true, True, FALSE, null, Null, ~]"), "[true,true,false,null,null,null]");
  EXPECT_EQ(to_json("{a: }"), R"({"a":null})");
}

TEST(YamlToJson, QuotedScalarsStayStrings) {
  EXPECT_EQ(to_json(R"(["1", '2.5', "true", 'null', "~", ""])"), R"(["1","2.5","true","null","~",""])");
}

TEST(YamlToJson, WordsThatOnlyYaml11TypesStayStrings) {
  // YAML 1.2 core schema: yes/no/on/off are strings, as are infinities JSON cannot hold.
  EXPECT_EQ(to_json("[yes, no, on, off, .inf, .nan, 1_000, 12:30, 2023-06-01]"),
            R"(["yes","no","on","off",".inf",".nan","1_000","12:30","2023-06-01"])");
}

TEST(YamlToJson, ExplicitTags) {
  EXPECT_EQ(to_json("[!!str 12, !!int \"7\", !!str true]"), R"(["12",7,"true"])");
}

TEST(YamlToJson, HugeIntegersKeepTheirDigits) {
  EXPECT_EQ(to_json("123456789012345678901234567890"), "123456789012345678901234567890");
}

TEST(YamlToJson, StringsAreEscaped) {
  EXPECT_EQ(to_json("\"a\\\"b\\\\c\\nd\\te\\x01\""), R"("a\"b\\c\nd\te\u0001")");
  EXPECT_EQ(to_json("|\n  line one\n  line two\n"), R"("line one\nline two\n")");
  EXPECT_EQ(to_json("\"héllo ✓\""), "\"héllo ✓\"");
}

TEST(YamlToJson, MappingsKeepTheirOrder) {
  EXPECT_EQ(to_json("{z: 1, a: [x, {b: null}], m: {}}"), R"({"z":1,"a":["x",{"b":null}],"m":{}})");
  EXPECT_EQ(to_json("{1: one, true: yes}"), R"({"1":"one","true":"yes"})");
}

TEST(YamlToJson, AliasesAreExpanded) {
  EXPECT_EQ(to_json("{a: &x {k: 1}, b: *x}"), R"({"a":{"k":1},"b":{"k":1}})");
}

TEST(YamlToJson, RejectsWhatJsonCannotHold) {
  EXPECT_EQ(to_json("{a: 1, a: 2}"), "error: key `a` is given twice at line 1");
  EXPECT_EQ(to_json("{[1, 2]: x}"), "error: a JSON object key must be a plain string at line 1");
}

TEST(YamlToJson, AliasBombsAreBounded) {
  std::string yaml = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
  for (char c = 'b'; c <= 'j'; ++c)
    yaml += std::string(1, c) + ": &" + c + " [*" + char(c - 1) + ", *" + char(c - 1) + ", *" + char(c - 1) +
            ", *" + char(c - 1) + ", *" + char(c - 1) + ", *" + char(c - 1) + ", *" + char(c - 1) + ", *" +
            char(c - 1) + ", *" + char(c - 1) + ", *" + char(c - 1) + "]\n";
  const std::string result = to_json(yaml);
  EXPECT_EQ(result.rfind("error: too large once its aliases are expanded", 0), 0u) << result.substr(0, 80);
}

TEST(YamlToJson, DeepNestingIsBounded) {
  const std::string yaml = std::string(300, '[') + std::string(300, ']');
  const std::string result = to_json(yaml);
  EXPECT_EQ(result.rfind("error: nested more than 200 levels deep", 0), 0u) << result.substr(0, 80);
}

TEST(YamlNumbers, ClassifiesLikeTheCoreSchema) {
  std::string out;
  EXPECT_TRUE(yaml_int_to_json("-0012", out));
  EXPECT_EQ(out, "-12");
  EXPECT_FALSE(yaml_int_to_json("1.0", out));
  EXPECT_FALSE(yaml_number_to_json("1e", out));
  EXPECT_FALSE(yaml_number_to_json(".", out));
  EXPECT_FALSE(yaml_number_to_json("-", out));
  EXPECT_FALSE(yaml_number_to_json("1.2.3", out));
  EXPECT_FALSE(yaml_number_to_json("0x", out));
  EXPECT_TRUE(yaml_number_to_json("+.5e+2", out));
  EXPECT_EQ(out, "0.5e+2");
}

}  // namespace
}  // namespace ac
