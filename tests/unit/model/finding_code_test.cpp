#include <gtest/gtest.h>

#include "model/finding_code.hpp"

namespace ac {
namespace {

Finding finding(std::string check, std::string pointer, std::string expected, std::string actual, std::string rule = "") {
  Finding f{std::move(check), std::move(pointer), std::move(expected), std::move(actual), "some words", Severity::Breaking};
  f.rule = std::move(rule);
  return f;
}

TEST(FindingCode, StatusNamesExpectedThenActual) {
  EXPECT_EQ(finding_code(finding("status", "", "400", "200")), "status:400\xE2\x86\x92" "200");
  EXPECT_EQ(finding_code(finding("status", "", "401 or 400", "404")), "status:401|400\xE2\x86\x92" "404");
}

TEST(FindingCode, HeaderIsItsMatchAndLowercaseName) {
  EXPECT_EQ(finding_code(finding("header", "header:Request-Id", "present", "absent", "present")), "header.present:request-id");
}

TEST(FindingCode, JsonAndSchemaNameTheirRuleAndANormalisedPointer) {
  EXPECT_EQ(finding_code(finding("json", "/id", "matches /^msg_/", "\"chatcmpl-1\"", "matches")), "json.matches:/id");
  EXPECT_EQ(finding_code(finding("json", "/content/3/text", "x", "y", "type")), "json.type:/content/*/text");
  // A missing member is part of the location: the same field missing anywhere is one code.
  EXPECT_EQ(finding_code(finding("schema", "", "property \"stop_sequence\"", "{...}", "required")),
            "schema.required:/stop_sequence");
  EXPECT_EQ(finding_code(finding("schema", "/usage", "property \"output_tokens\"", "{}", "required")),
            "schema.required:/usage/output_tokens");
}

TEST(FindingCode, NeverDependsOnTheMessageOrTheActualValue) {
  Finding a = finding("json", "/id", "matches /^msg_/", "\"chatcmpl-1\"", "matches");
  Finding b = a;
  b.actual = "\"chatcmpl-2\"";
  b.message = "other words entirely";
  EXPECT_EQ(finding_code(a), finding_code(b));
}

TEST(FindingCode, StreamFindingsAreNamedByRuleAndEventNotPosition) {
  Finding schema = finding("stream-event-schema", "/events/7/data/delta", "property \"stop_sequence\"", "{}",
                           "schema:anthropic/stream/message_delta.json#/properties/delta/required:required");
  EXPECT_EQ(finding_code(schema), "stream.schema.required:message_delta/delta/stop_sequence");
  schema.pointer = "/events/9/data/delta";
  EXPECT_EQ(finding_code(schema), "stream.schema.required:message_delta/delta/stop_sequence");
  EXPECT_EQ(finding_code(finding("stream-grammar", "/events", "`message_stop`", "stream ended after event 9", "end")),
            "stream.end:message_stop-missing");
  EXPECT_EQ(finding_code(finding("stream-grammar", "/events/2", "", "", "unnamed")), "stream.unnamed");
  EXPECT_EQ(finding_code(finding("stream-grammar", "/events/4", "", "", "delta-type:text_delta@tool_use")),
            "stream.delta-type:text_delta@tool_use");
  EXPECT_EQ(finding_code(finding("sse", "/events", "", "", "sse:cut")), "stream.sse.cut");
  EXPECT_EQ(finding_code(finding("sse", "/events", "`message_stop`", "", "end")), "stream.sse.cut")
      << "a cut connection is not a stream that ended cleanly without message_stop";
  EXPECT_EQ(finding_code(finding("stream-grammar", "/events", "nothing", "", "end")), "stream.end:early");
  // A case's assertion on the folded message reads like a json one.
  EXPECT_EQ(finding_code(finding("stream-folded", "/folded/content/0/text", "length >= 1", "length 0", "length")),
            "stream.folded.length:/content/*/text");
  EXPECT_EQ(finding_code(finding("stream-grammar", "/events/10", "", "", "unnamed-noise")), "stream.unnamed-noise");
}

TEST(FindingCode, PointersAndPlaces) {
  EXPECT_EQ(normalise_pointer("/content/0/input/items/12"), "/content/*/input/items/*");
  EXPECT_EQ(normalise_pointer(""), "");
  SourceLocation at = parse_where("cases/anthropic/streaming.yaml:42");
  EXPECT_EQ(at.file, "cases/anthropic/streaming.yaml");
  EXPECT_EQ(at.line, 42);
  EXPECT_EQ(where_text(at), "cases/anthropic/streaming.yaml:42");
  EXPECT_EQ(where_text(SourceLocation{}), "");
  EXPECT_EQ(parse_where("c:99999999999999999999").line, 0) << "too long to be a line: kept as a file name";
}

}  // namespace
}  // namespace ac
