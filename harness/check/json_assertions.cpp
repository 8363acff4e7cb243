#include "check/json_assertions.hpp"

#include <cmath>
#include <optional>
#include <regex>

#include <rapidjson/pointer.h>

#include "check/json_text.hpp"
#include "check/regex_cache.hpp"
#include "model/expected_value.hpp"
#include "util/join.hpp"

namespace ac {

namespace {

// The assertion kind as a case file spells it: the stable part of a json finding's code.
const char* rule_of(JsonCheckKind kind) {
  switch (kind) {
    case JsonCheckKind::Equals: return "equals";
    case JsonCheckKind::Matches: return "matches";
    case JsonCheckKind::Type: return "type";
    case JsonCheckKind::OneOf: return "one_of";
    case JsonCheckKind::Range: return "range";
    case JsonCheckKind::Exists: return "exists";
    case JsonCheckKind::Absent: return "absent";
    case JsonCheckKind::Length: return "length";
    case JsonCheckKind::SameAsHeader: return "same_as_header";
  }
  return "equals";
}

struct Context {
  const JsonExpectation& assertion;
  const ExpectedValue& expected;  // assertion.value as read for its kind
  const std::string& check;
  const std::string& prefix;
  Findings& out;
  const Headers* headers;

  void fail(std::string expected, std::string actual, std::string message) const {
    Finding f{check, prefix + assertion.pointer, std::move(expected), std::move(actual), std::move(message),
              assertion.severity};
    f.rule = rule_of(assertion.kind);
    f.where = assertion.where;
    out.push_back(std::move(f));
  }
};

// Bounds come from YAML as doubles; a person wrote "1", not "1.0".
std::string number_text(double v) {
  if (std::floor(v) == v && std::fabs(v) < 1e15) return std::to_string(static_cast<long long>(v));
  return json_text(rapidjson::Value(v));
}

std::string range_text(const JsonExpectation& a) {
  if (a.min && a.max) return "between " + number_text(*a.min) + " and " + number_text(*a.max);
  if (a.min) return ">= " + number_text(*a.min);
  if (a.max) return "<= " + number_text(*a.max);
  return "any";
}

bool in_range(double v, const JsonExpectation& a) {
  return (!a.min || v >= *a.min) && (!a.max || v <= *a.max);
}

void check_equals(const Context& c, const rapidjson::Value& actual) {
  if (!c.expected.json) {
    c.fail(c.assertion.value, json_text(actual), "the expected value is not valid JSON");
    return;
  }
  if (!json_equal(*c.expected.json, actual))
    c.fail(json_text(*c.expected.json), json_text(actual), "value differs from the expected one");
}

void check_one_of(const Context& c, const rapidjson::Value& actual) {
  if (!c.expected.json || !c.expected.json->IsArray()) {
    c.fail(c.assertion.value, json_text(actual), "one_of needs a list of values");
    return;
  }
  const rapidjson::Value& options = *c.expected.json;
  for (const auto& option : options.GetArray())
    if (json_equal(option, actual)) return;
  c.fail("one of " + json_text(options), json_text(actual), "value is none of the allowed ones");
}

void check_matches(const Context& c, const rapidjson::Value& actual) {
  if (!actual.IsString()) {
    c.fail("a string matching /" + c.assertion.value + "/", json_text(actual),
           std::string("expected a string, got ") + json_type_name(actual));
    return;
  }
  try {
    const std::regex& re = cached_regex(c.assertion.value, std::regex::ECMAScript);
    if (!std::regex_search(actual.GetString(), actual.GetString() + actual.GetStringLength(), re))
      c.fail("matches /" + c.assertion.value + "/", json_text(actual), "string does not match the pattern");
  } catch (const std::regex_error& e) {
    c.fail("matches /" + c.assertion.value + "/", json_text(actual), std::string("invalid pattern: ") + e.what());
  }
}

void check_type(const Context& c, const rapidjson::Value& actual) {
  const std::string name = json_type_name(actual);
  for (const auto& t : c.expected.types)
    if (t == name || (t == "number" && name == "integer")) return;
  c.fail(join(c.expected.types, " or "), name + " " + json_text(actual, 80), "value has the wrong JSON type");
}

void check_range(const Context& c, const rapidjson::Value& actual) {
  if (!actual.IsNumber()) {
    c.fail("a number " + range_text(c.assertion), json_text(actual), std::string("expected a number, got ") + json_type_name(actual));
    return;
  }
  if (!in_range(actual.GetDouble(), c.assertion))
    c.fail(range_text(c.assertion), json_text(actual), "number is out of range");
}

void check_length(const Context& c, const rapidjson::Value& actual) {
  double length = 0;
  if (actual.IsString()) {
    // Characters, not bytes: count UTF-8 lead bytes.
    for (rapidjson::SizeType i = 0; i < actual.GetStringLength(); ++i)
      if ((static_cast<unsigned char>(actual.GetString()[i]) & 0xC0) != 0x80) ++length;
  } else if (actual.IsArray()) {
    length = actual.Size();
  } else if (actual.IsObject()) {
    length = actual.MemberCount();
  } else {
    c.fail("a string, array or object of length " + range_text(c.assertion), json_text(actual),
           std::string("length does not apply to ") + json_type_name(actual));
    return;
  }
  if (!in_range(length, c.assertion))
    c.fail("length " + range_text(c.assertion), "length " + number_text(length),
           "length is out of range");
}

// The body repeats a header (an error's request_id and the request-id header, reference §9):
// both come from the same response, so there is nothing to expand or guess.
void check_same_as_header(const Context& c, const rapidjson::Value& actual) {
  const std::string& name = c.expected.header;
  std::optional<std::string> header = c.headers ? find_header(*c.headers, name) : std::nullopt;
  if (!header) {
    c.fail("the value of the `" + name + "` header", "no `" + name + "` header",
           "the response has no `" + name + "` header to compare this value with");
    return;
  }
  const std::string expected = json_text(rapidjson::Value(rapidjson::StringRef(header->c_str(), header->size())));
  if (!actual.IsString()) {
    c.fail(expected, json_text(actual),
           std::string("expected a string equal to the `") + name + "` header, got " + json_type_name(actual));
    return;
  }
  if (header->compare(0, std::string::npos, actual.GetString(), actual.GetStringLength()) != 0)
    c.fail(expected, json_text(actual), "value differs from the `" + name + "` response header");
}

// What the assertion wanted, as the finding's "expected" when nothing is there at all.
std::string describe(const JsonExpectation& a, const ExpectedValue& expected) {
  switch (a.kind) {
    case JsonCheckKind::Equals: return a.value;
    case JsonCheckKind::OneOf: return "one of " + a.value;
    case JsonCheckKind::Matches: return "a string matching /" + a.value + "/";
    case JsonCheckKind::Type: return "a value of type " + a.value;
    case JsonCheckKind::Range: return "a number " + range_text(a);
    case JsonCheckKind::Length: return "length " + range_text(a);
    case JsonCheckKind::SameAsHeader: return "the value of the `" + expected.header + "` header";
    default: return "present";
  }
}

void check_one(const Context& c, const rapidjson::Value& document) {
  const JsonExpectation& a = c.assertion;
  rapidjson::Pointer pointer(a.pointer.c_str(), a.pointer.size());
  if (!pointer.IsValid()) {
    c.fail("a valid JSON pointer", a.pointer, "invalid JSON pointer in the case");
    return;
  }
  const rapidjson::Value* actual = pointer.Get(document);
  if (a.kind == JsonCheckKind::Absent) {
    if (actual) c.fail("absent", json_text(*actual), "this member must not be present");
    return;
  }
  if (!actual) {
    c.fail(describe(a, c.expected), "absent", "the response has nothing at this pointer");
    return;
  }
  switch (a.kind) {
    case JsonCheckKind::Exists: return;
    case JsonCheckKind::Absent: return;
    case JsonCheckKind::Equals: return check_equals(c, *actual);
    case JsonCheckKind::OneOf: return check_one_of(c, *actual);
    case JsonCheckKind::Matches: return check_matches(c, *actual);
    case JsonCheckKind::Type: return check_type(c, *actual);
    case JsonCheckKind::Range: return check_range(c, *actual);
    case JsonCheckKind::Length: return check_length(c, *actual);
    case JsonCheckKind::SameAsHeader: return check_same_as_header(c, *actual);
  }
}

}  // namespace

void check_json_assertions(const std::vector<JsonExpectation>& assertions, const rapidjson::Value& document,
                           const std::string& check, const std::string& pointer_prefix, Findings& out,
                           const Headers* headers) {
  for (const auto& assertion : assertions) {
    // Read when the expectation was planned; one built otherwise (a test, a file judged without
    // a plan) is read here, by the same reader, once per call.
    ExpectedValue unplanned;
    if (!assertion.expected.read) unplanned = read_expected_value(assertion.kind, assertion.value);
    const ExpectedValue& expected = assertion.expected.read ? assertion.expected : unplanned;
    check_one(Context{assertion, expected, check, pointer_prefix, out, headers}, document);
  }
}

}  // namespace ac
