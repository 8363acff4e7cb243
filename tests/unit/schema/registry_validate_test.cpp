#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include "schema/registry.hpp"

#include "support/run_binary.hpp"

namespace ac {
namespace {

class SchemaValidate : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    Diagnostics diags;
    registry_ = SchemaRegistry::load(((std::filesystem::path(test::source_dir()) / "tests/unit/schema") / "schemas" / "good").string(), diags);
    ASSERT_TRUE(diags.empty());
  }
  static void TearDownTestSuite() { registry_.reset(); }

  std::vector<SchemaError> check(const std::string& ref, const std::string& json) {
    doc_.Parse(json.c_str());
    EXPECT_FALSE(doc_.HasParseError()) << json;
    return registry_->validate(ref, doc_);
  }

  // A valid message with one change applied by the caller through a JSON text replacement.
  static std::string message(const std::string& extra = "", const std::string& content = kContent,
                             const std::string& usage = R"({"input_tokens": 3, "output_tokens": 5})") {
    return R"({"id": "msg_1", "type": "message", "role": "assistant", "content": )" + content +
           R"(, "usage": )" + usage + extra + "}";
  }

  static const SchemaError* find(const std::vector<SchemaError>& errors, const std::string& pointer, const std::string& keyword) {
    for (const SchemaError& e : errors) {
      if (e.pointer == pointer && e.keyword == keyword) return &e;
    }
    return nullptr;
  }

  static std::string dump(const std::vector<SchemaError>& errors) {
    std::string out;
    for (const SchemaError& e : errors) {
      out += "[" + e.pointer + "] " + e.keyword + " @ " + e.schema_path + " expected=" + e.expected + " actual=" + e.actual +
             " :: " + e.message + "\n";
    }
    return out;
  }

  static constexpr const char* kContent = R"([{"type": "text", "text": "hi"}, {"type": "tool_use", "id": "toolu_1", "name": "f", "input": {}}])";
  static std::unique_ptr<SchemaRegistry> registry_;
  rapidjson::Document doc_;
};

std::unique_ptr<SchemaRegistry> SchemaValidate::registry_;

TEST_F(SchemaValidate, ValidMessagePasses) {
  auto errors = check("anthropic/message.json", message());
  EXPECT_TRUE(errors.empty()) << dump(errors);
}

TEST_F(SchemaValidate, TypeErrorNamesPointerKeywordLocationAndValues) {
  auto errors = check("anthropic/message.json", message(R"(, "stop_sequence": 42)"));
  ASSERT_EQ(errors.size(), 1u) << dump(errors);
  EXPECT_EQ(errors[0].pointer, "/stop_sequence");
  EXPECT_EQ(errors[0].keyword, "type");
  EXPECT_EQ(errors[0].schema_path, "anthropic/message.json#/properties/stop_sequence/type");
  EXPECT_EQ(errors[0].expected, "string or null");
  EXPECT_EQ(errors[0].actual, "42");
  EXPECT_EQ(errors[0].message, "expected string or null, got integer");
}

TEST_F(SchemaValidate, CrossFileRefErrorPointsIntoTheOtherFile) {
  auto errors = check("anthropic/message.json", message("", kContent, R"({"input_tokens": 3, "output_tokens": "5"})"));
  const SchemaError* e = find(errors, "/usage/output_tokens", "type");
  ASSERT_NE(e, nullptr) << dump(errors);
  EXPECT_EQ(e->schema_path, "common.json#/definitions/usage/properties/output_tokens/type");
  EXPECT_EQ(e->expected, "integer");
  EXPECT_EQ(e->actual, "\"5\"");
}

TEST_F(SchemaValidate, MissingRequiredPropertyPointsAtTheParent) {
  auto errors = check("anthropic/message.json", message("", kContent, R"({"input_tokens": 3})"));
  ASSERT_EQ(errors.size(), 1u) << dump(errors);
  EXPECT_EQ(errors[0].pointer, "/usage");
  EXPECT_EQ(errors[0].keyword, "required");
  EXPECT_EQ(errors[0].schema_path, "common.json#/definitions/usage/required");
  EXPECT_EQ(errors[0].message, "missing required property \"output_tokens\"");
}

TEST_F(SchemaValidate, TwoMissingPropertiesAreTwoErrors) {
  auto errors = check("common.json#/definitions/usage", "{}");
  ASSERT_EQ(errors.size(), 2u) << dump(errors);
  EXPECT_NE(errors[0].message.find("input_tokens"), std::string::npos);
  EXPECT_NE(errors[1].message.find("output_tokens"), std::string::npos);
}

TEST_F(SchemaValidate, EnumErrorListsTheChoices) {
  auto errors = check("anthropic/message.json", message(R"(, "stop_reason": "done")"));
  const SchemaError* e = find(errors, "/stop_reason", "enum");
  ASSERT_NE(e, nullptr) << dump(errors);
  EXPECT_EQ(e->expected, R"(one of "end_turn", "max_tokens", "stop_sequence", "tool_use", null)");
  EXPECT_EQ(e->actual, "\"done\"");
  EXPECT_EQ(errors.size(), 1u) << dump(errors);
}

TEST_F(SchemaValidate, ConstError) {
  auto errors = check("anthropic/message.json", R"({"id": "msg_1", "type": "mesage", "role": "assistant", "content": [], "usage": {"input_tokens": 1, "output_tokens": 1}})");
  ASSERT_EQ(errors.size(), 1u) << dump(errors);
  EXPECT_EQ(errors[0].pointer, "/type");
  EXPECT_EQ(errors[0].keyword, "const");
  EXPECT_EQ(errors[0].expected, "\"message\"");
  EXPECT_EQ(errors[0].message, R"(expected "message", got "mesage")");
}

TEST_F(SchemaValidate, PatternError) {
  auto errors = check("anthropic/message.json", R"({"id": "chatcmpl-1", "type": "message", "role": "assistant", "content": [], "usage": {"input_tokens": 1, "output_tokens": 1}})");
  ASSERT_EQ(errors.size(), 1u) << dump(errors);
  EXPECT_EQ(errors[0].pointer, "/id");
  EXPECT_EQ(errors[0].keyword, "pattern");
  EXPECT_EQ(errors[0].schema_path, "anthropic/message.json#/properties/id/pattern");
  EXPECT_EQ(errors[0].message, "\"chatcmpl-1\" does not match the pattern /^msg_/");
}

TEST_F(SchemaValidate, MinimumMaximumAndExclusiveBounds) {
  auto below = check("anthropic/message.json", message("", kContent, R"({"input_tokens": -1, "output_tokens": 2000000})"));
  const SchemaError* min = find(below, "/usage/input_tokens", "minimum");
  ASSERT_NE(min, nullptr) << dump(below);
  EXPECT_EQ(min->expected, "a number >= 0");
  EXPECT_EQ(min->actual, "-1");
  const SchemaError* max = find(below, "/usage/output_tokens", "maximum");
  ASSERT_NE(max, nullptr) << dump(below);
  EXPECT_EQ(max->expected, "a number <= 1000000");
  auto zero = check("anthropic/message.json", message(R"(, "temperature": 0)"));
  const SchemaError* ex = find(zero, "/temperature", "exclusiveMinimum");
  ASSERT_NE(ex, nullptr) << dump(zero);
  EXPECT_EQ(ex->expected, "a number > 0");
  auto high = check("anthropic/message.json", message(R"(, "temperature": 1.5)"));
  ASSERT_NE(find(high, "/temperature", "maximum"), nullptr) << dump(high);
  EXPECT_EQ(find(high, "/temperature", "maximum")->actual, "1.5");
}

TEST_F(SchemaValidate, AdditionalPropertyIsNamedAtItsOwnPointer) {
  auto errors = check("anthropic/message.json", message(R"(, "model_id": "x")"));
  ASSERT_EQ(errors.size(), 1u) << dump(errors);
  EXPECT_EQ(errors[0].pointer, "/model_id");
  EXPECT_EQ(errors[0].keyword, "additionalProperties");
  EXPECT_EQ(errors[0].schema_path, "anthropic/message.json#/additionalProperties");
  EXPECT_EQ(errors[0].actual, "\"x\"");
  EXPECT_NE(errors[0].message.find("unexpected property \"model_id\"; allowed: id, type, role"), std::string::npos)
      << errors[0].message;
}

TEST_F(SchemaValidate, OneOfReportsTheClosestBranchByDiscriminator) {
  auto errors = check("anthropic/message.json",
                      message("", R"([{"type": "text", "text": "hi"}, {"type": "tool_use", "id": "toolu_1", "name": "f", "input": "{}"}])"));
  const SchemaError* one = find(errors, "/content/1", "oneOf");
  ASSERT_NE(one, nullptr) << dump(errors);
  EXPECT_EQ(one->schema_path, "common.json#/definitions/content_block/oneOf");
  EXPECT_EQ(one->message,
            "no branch of oneOf matched; closest is #/oneOf/1 (tool_use_block): /content/1/input: expected object, got string");
  EXPECT_EQ(one->expected, "one of: text_block, tool_use_block");
  // The closest branch's own errors follow, each at its precise pointer.
  const SchemaError* input = find(errors, "/content/1/input", "type");
  ASSERT_NE(input, nullptr) << dump(errors);
  EXPECT_EQ(input->schema_path, "common.json#/definitions/tool_use_block/properties/input/type");
  // The text branch's complaints (wrong const, extra properties) are not reported.
  EXPECT_EQ(find(errors, "/content/1/type", "const"), nullptr) << dump(errors);
  EXPECT_EQ(errors.size(), 2u) << dump(errors);
}

TEST_F(SchemaValidate, OneOfWithAnUnknownDiscriminatorSaysSo) {
  auto errors = check("anthropic/message.json", message("", R"([{"type": "image", "source": {}}])"));
  ASSERT_EQ(errors.size(), 1u) << dump(errors);
  EXPECT_EQ(errors[0].pointer, "/content/0/type");
  EXPECT_EQ(errors[0].keyword, "oneOf");
  EXPECT_EQ(errors[0].expected, R"(one of "text", "tool_use")");
  EXPECT_EQ(errors[0].actual, "\"image\"");
  EXPECT_EQ(errors[0].message, R"(unknown type "image"; expected one of "text", "tool_use")");
}

TEST_F(SchemaValidate, OneOfWithoutDiscriminatorPicksTheBranchWithFewestErrors) {
  auto errors = check("anthropic/events.json#/definitions/content_block_delta",
                      R"({"type": "content_block_delta", "index": 0, "delta": {"partial_json": "{"}})");
  const SchemaError* one = find(errors, "/delta", "oneOf");
  ASSERT_NE(one, nullptr) << dump(errors);
  EXPECT_NE(one->message.find("closest is #/oneOf/1 (input JSON delta): /delta: missing required property \"type\""),
            std::string::npos)
      << one->message;
  EXPECT_NE(find(errors, "/delta", "required"), nullptr) << dump(errors);
}

TEST_F(SchemaValidate, OneOfMatchingTwoBranchesIsAnError) {
  auto errors = check("anthropic/nested/deep.json", R"({"either": 3})");
  ASSERT_EQ(errors.size(), 1u) << dump(errors);
  EXPECT_EQ(errors[0].pointer, "/either");
  EXPECT_EQ(errors[0].keyword, "oneOf");
  EXPECT_NE(errors[0].message.find("matches 2 branches of oneOf (#/oneOf/0, #/oneOf/1)"), std::string::npos);
  EXPECT_TRUE(check("anthropic/nested/deep.json", R"({"either": 3.5})").empty());
}

TEST_F(SchemaValidate, AnyOfReportsClosestBranch) {
  EXPECT_TRUE(check("anthropic/nested/deep.json", R"({"any": 10})").empty());
  auto errors = check("anthropic/nested/deep.json", R"({"any": 7})");
  const SchemaError* any = find(errors, "/any", "anyOf");
  ASSERT_NE(any, nullptr) << dump(errors);
  EXPECT_NE(any->message.find("closest is #/anyOf/1: /any: expected a multiple of 5, got 7"), std::string::npos) << any->message;
  EXPECT_NE(find(errors, "/any", "multipleOf"), nullptr) << dump(errors);
}

TEST_F(SchemaValidate, AnyOfOfPlainTypesIsOneTypeError) {
  EXPECT_TRUE(check("anthropic/nested/deep.json", R"({"nullable": null})").empty());
  auto errors = check("anthropic/nested/deep.json", R"({"nullable": 5})");
  ASSERT_EQ(errors.size(), 1u) << dump(errors);
  EXPECT_EQ(errors[0].pointer, "/nullable");
  EXPECT_EQ(errors[0].keyword, "type");
  EXPECT_EQ(errors[0].schema_path, "anthropic/nested/deep.json#/properties/nullable/anyOf");
  EXPECT_EQ(errors[0].message, "expected string or null, got integer");
}

TEST_F(SchemaValidate, ArrayItemErrorsCarryTheItemIndex) {
  auto errors = check("anthropic/message.json", message("", R"([{"type": "text", "text": "a"}, {"type": "text", "text": ""}])"));
  const SchemaError* e = find(errors, "/content/1/text", "minLength");
  ASSERT_NE(e, nullptr) << dump(errors);
  EXPECT_EQ(e->schema_path, "common.json#/definitions/text_block/properties/text/minLength");
}

TEST_F(SchemaValidate, ArrayKeywords) {
  auto errors = check("anthropic/nested/deep.json", R"({"tags": [], "pair": ["a", 1, true]})");
  EXPECT_NE(find(errors, "/tags", "minItems"), nullptr) << dump(errors);
  const SchemaError* extra = find(errors, "/pair/2", "additionalItems");
  ASSERT_NE(extra, nullptr) << dump(errors);
  EXPECT_EQ(extra->expected, "at most 2 items");
  auto dup = check("anthropic/nested/deep.json", R"({"tags": ["a", "b", "a"], "pair": ["a", "b"]})");
  EXPECT_NE(find(dup, "/tags", "uniqueItems"), nullptr) << dump(dup);
  EXPECT_NE(find(dup, "/pair/1", "type"), nullptr) << dump(dup);
  auto many = check("anthropic/message.json", message("", R"([{"type":"text","text":"a"},{"type":"text","text":"a"},{"type":"text","text":"a"},{"type":"text","text":"a"},{"type":"text","text":"a"}])"));
  EXPECT_NE(find(many, "/content", "maxItems"), nullptr) << dump(many);
}

TEST_F(SchemaValidate, ObjectKeywords) {
  auto errors = check("anthropic/nested/deep.json", R"({"meta": {"x-a": 1, "y": "2"}, "deps": {"a": 1}, "not_null": null})");
  EXPECT_NE(find(errors, "/meta/x-a", "type"), nullptr) << dump(errors);
  EXPECT_EQ(find(errors, "/meta/x-a", "type")->schema_path, "anthropic/nested/deep.json#/properties/meta/patternProperties/^x-/type");
  EXPECT_NE(find(errors, "/meta/y", "additionalProperties"), nullptr) << dump(errors);
  const SchemaError* dep = find(errors, "/deps", "dependencies");
  ASSERT_NE(dep, nullptr) << dump(errors);
  EXPECT_EQ(dep->message, "property \"a\" requires property \"b\"");
  EXPECT_NE(find(errors, "/not_null", "not"), nullptr) << dump(errors);
  auto big = check("anthropic/nested/deep.json", R"({"meta": {"x-a": "1", "x-b": "2", "x-c": "3", "x-d": "4"}})");
  EXPECT_NE(find(big, "/meta", "maxProperties"), nullptr) << dump(big);
}

TEST_F(SchemaValidate, RefAcrossFilesFromANestedFolder) {
  auto errors = check("anthropic/nested/deep.json", R"({"usage": {"input_tokens": 1}, "sibling": {"type": "pong"}})");
  EXPECT_NE(find(errors, "/usage", "required"), nullptr) << dump(errors);
  const SchemaError* ping = find(errors, "/sibling/type", "const");
  ASSERT_NE(ping, nullptr) << dump(errors);
  EXPECT_EQ(ping->schema_path, "anthropic/events.json#/definitions/ping/properties/type/const");
}

TEST_F(SchemaValidate, SameErrorFromTwoSchemasIsReportedOnce) {
  auto errors = check("anthropic/nested/deep.json", R"({"both": 5})");
  ASSERT_EQ(errors.size(), 1u) << dump(errors);  // allOf holds the same `type` twice
  EXPECT_EQ(errors[0].keyword, "type");
  EXPECT_EQ(errors[0].schema_path, "anthropic/nested/deep.json#/properties/both/allOf/0/type");
  auto longer = check("anthropic/nested/deep.json", R"({"both": "abcd"})");
  ASSERT_EQ(longer.size(), 1u) << dump(longer);
  EXPECT_EQ(longer[0].keyword, "maxLength");
}

TEST_F(SchemaValidate, RecursiveSchemaThroughItemsReportsTheDeepPointer) {
  EXPECT_TRUE(check("common.json#/definitions/tree", R"({"name": "a", "children": [{"name": "b", "children": [{"name": "c"}]}]})").empty());
  auto errors = check("common.json#/definitions/tree", R"({"name": "a", "children": [{"name": "b", "children": [{"name": 3}]}]})");
  ASSERT_EQ(errors.size(), 1u) << dump(errors);
  EXPECT_EQ(errors[0].pointer, "/children/0/children/0/name");
  EXPECT_EQ(errors[0].schema_path, "common.json#/definitions/tree/properties/name/type");
}

TEST_F(SchemaValidate, PointersEscapeTildeAndSlash) {
  auto errors = check("anthropic/message.json", message(R"(, "a/b~c": 1, "flag": "yes")"));
  const SchemaError* e = find(errors, "/a~1b~0c", "type");
  ASSERT_NE(e, nullptr) << dump(errors);
  EXPECT_EQ(e->schema_path, "common.json#/definitions/a~1b/type");
  const SchemaError* flag = find(errors, "/flag", "type");
  ASSERT_NE(flag, nullptr) << dump(errors);
  EXPECT_EQ(flag->schema_path, "common.json#/definitions/t~0x/type");
}

TEST_F(SchemaValidate, ActualIsCutToAbout200Characters) {
  std::string long_text(1000, 'x');
  auto errors = check("common.json#/definitions/usage", R"({"input_tokens": ")" + long_text + R"(", "output_tokens": 1})");
  ASSERT_EQ(errors.size(), 1u) << dump(errors);
  EXPECT_LE(errors[0].actual.size(), 204u);
  EXPECT_EQ(errors[0].actual.substr(errors[0].actual.size() - 3), "...");
}

// `format` is judged and explained by the engine like every other keyword (it used to be left to
// Valijson, whose words and whole-schema location it then reported).
TEST_F(SchemaValidate, AFormatFailureIsExplainedAtItsKeyword) {
  EXPECT_TRUE(check("anthropic/message.json", message(R"(, "created_at": "2024-01-02T03:04:05Z")")).empty());
  auto errors = check("anthropic/message.json", message(R"(, "created_at": "yesterday")"));
  ASSERT_EQ(errors.size(), 1u) << dump(errors);
  EXPECT_EQ(errors[0].pointer, "/created_at");
  EXPECT_EQ(errors[0].keyword, "format");
  EXPECT_EQ(errors[0].actual, "\"yesterday\"");
  EXPECT_EQ(errors[0].expected, "a valid date-time");
  EXPECT_EQ(errors[0].message, "\"yesterday\" is not a valid date-time");
  EXPECT_EQ(errors[0].schema_path.substr(errors[0].schema_path.size() - 7), "/format") << errors[0].schema_path;
  EXPECT_FALSE(check("anthropic/message.json", message(R"(, "created_at": "2024-02-30T03:04:05Z")")).empty())
      << "the day must exist in its month";
}

TEST_F(SchemaValidate, IsValidGivesTheVerdictAlone) {
  doc_.Parse(message().c_str());
  EXPECT_TRUE(registry_->is_valid("anthropic/message.json", doc_));
  EXPECT_FALSE(registry_->is_valid("common.json#/definitions/usage", doc_));
  EXPECT_FALSE(registry_->is_valid("anthropic/nope.json", doc_));
  doc_.Parse(message(R"(, "created_at": "yesterday")").c_str());  // `format`
  EXPECT_FALSE(registry_->is_valid("anthropic/message.json", doc_));
}

TEST_F(SchemaValidate, UnknownRefIsAnErrorNotACrash) {
  auto errors = check("anthropic/nope.json", "{}");
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].keyword, "$ref");
  EXPECT_NE(errors[0].message.find("no schema `anthropic/nope.json`"), std::string::npos);
}

TEST_F(SchemaValidate, FragmentRefsValidateAgainstThatPart) {
  EXPECT_TRUE(check("anthropic/message.json#/properties/content", kContent).empty());
  auto errors = check("anthropic/message.json#/properties/content", "{}");
  ASSERT_EQ(errors.size(), 1u) << dump(errors);
  EXPECT_EQ(errors[0].pointer, "");
  EXPECT_EQ(errors[0].schema_path, "anthropic/message.json#/properties/content/type");
  EXPECT_TRUE(check("common.json#/definitions/a~1b", "\"s\"").empty());
  EXPECT_FALSE(check("common.json#/definitions/a~1b", "1").empty());
}

TEST_F(SchemaValidate, ConcurrentValidationGivesTheSameAnswers) {
  rapidjson::Document good, bad;
  good.Parse(message().c_str());
  bad.Parse(message(R"(, "stop_reason": "done")").c_str());
  std::vector<std::thread> threads;
  std::vector<int> wrong(4, 0);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 300; ++i) {
        if (!registry_->validate("anthropic/message.json", good).empty()) ++wrong[t];
        auto errors = registry_->validate("anthropic/message.json", bad);
        if (errors.size() != 1 || errors[0].keyword != "enum") ++wrong[t];
        if (!registry_->validate("anthropic/message.json#/properties/usage", good["usage"]).empty()) ++wrong[t];
      }
    });
  }
  for (auto& th : threads) th.join();
  for (int t = 0; t < 4; ++t) EXPECT_EQ(wrong[t], 0) << "thread " << t;
}

}  // namespace
}  // namespace ac
