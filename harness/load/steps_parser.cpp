// `steps:` of a multi-step case: each step's request, expectation and captures, and the rule
// that a {{name}} is used only after the step that captures it.
#include <map>
#include <set>

#include "load/assertion_parser.hpp"
#include "load/case_parser.hpp"
#include "util/suggest.hpp"
#include "load/variables.hpp"

namespace ac {

namespace {

const std::vector<std::string> kStepKeys = {"request", "expect", "capture"};
const char* kHeaderPrefix = "header:";
const char* kCaptureHint = "a JSON pointer into the reply body such as `/id`, or `header:request-id`";

// Capture names are plain identifiers, so they can never be taken for {{env.X}} or {{paths.x}}.
bool valid_capture_name(const std::string& name) {
  if (name.empty() || (name[0] >= '0' && name[0] <= '9')) return false;
  for (char c : name)
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_')) return false;
  return name != "api_version";
}

void parse_capture_value(const YAML::Node& v, YamlFile& f, Capture& c) {
  std::string text;
  if (!v.IsScalar() || is_null(v)) {
    f.error(v, "`capture." + c.name + "` must be " + kCaptureHint);
    return;
  }
  text = v.Scalar();
  if (text.rfind(kHeaderPrefix, 0) == 0) {
    c.header = text.substr(std::string(kHeaderPrefix).size());
    if (!valid_header_name(c.header))
      f.error(v, "`" + c.header + "` is not a valid HTTP header name", "e.g. `header:request-id`");
    return;
  }
  std::string why;
  if (text.empty())
    f.error(v, "`capture." + c.name + "` cannot capture the whole body", std::string("capture a value in it: ") + kCaptureHint);
  else if (!valid_pointer(text, why))
    f.error(v, "`" + text + "` is not a JSON pointer: " + why, kCaptureHint);
  c.pointer = text;
}

void parse_captures(const YAML::Node& v, YamlFile& f, std::set<std::string>& taken, std::vector<Capture>& out) {
  if (!v.IsMap()) {
    f.error(v, "`capture` must be a mapping from a variable name to where its value is", "e.g. `capture: {batch_id: /id}`");
    return;
  }
  for (const auto& kv : v) {
    Capture c;
    c.where = f.at(kv.first);
    c.name = kv.first.IsScalar() ? kv.first.Scalar() : "";
    if (!valid_capture_name(c.name)) {
      f.error(kv.first, "`" + c.name + "` is not a capture name",
              "letters, digits and `_`, not starting with a digit (and not `api_version`)");
      continue;
    }
    if (!taken.insert(c.name).second) {
      f.error(kv.first, "`" + c.name + "` is captured twice in this case", "give each captured value its own name");
      continue;
    }
    parse_capture_value(kv.second, f, c);
    out.push_back(c);
  }
}

// Reports each {{name}} under `node` that names a value captured at `step` or later (its value
// does not exist yet when this step is sent).
void check_capture_order(const YAML::Node& node, YamlFile& f, std::size_t step,
                         const std::map<std::string, std::size_t>& captured_at) {
  for_each_scalar(node, [&](const YAML::Node& scalar) {
    std::size_t occurrence = 0;
    for (const auto& name : placeholder_names(scalar.Scalar())) {
      auto it = captured_at.find(name);
      if (it != captured_at.end() && it->second >= step) {
        const std::string when = it->second == step ? "by this step itself" : "by step " + std::to_string(it->second);
        f.error(f.at_inside(scalar, occurrence, "{{"), "`{{" + name + "}}` is captured " + when + ", so step " +
                                                           std::to_string(step) + " cannot use it",
                "a step can use only what earlier steps captured");
      }
      ++occurrence;
    }
  });
}

}  // namespace

void parse_steps(const YAML::Node& node, YamlFile& f, Case& c) {
  c.has_steps = true;
  if (!node.IsSequence() || node.size() == 0) {
    f.error(node, node.IsSequence() ? "`steps` must not be empty" : "`steps` must be a list of steps",
            "each step is `- request: {...}` with optional `expect:` and `capture:`");
    return;
  }
  std::vector<Step> steps;
  std::vector<std::pair<YAML::Node, YAML::Node>> sources;  // each step's request and expect, for the order check
  std::set<std::string> taken;
  std::map<std::string, std::size_t> captured_at;  // name -> 1-based step
  for (const auto& item : node) {
    Step s;
    s.where = f.at(item);
    if (!item.IsMap()) {
      f.error(item, "a step must be a mapping with `request` (and optional `expect`, `capture`)");
      continue;
    }
    Fields fields(item, kStepKeys, f, "step");
    fields.require("request");
    SourceLocation step_compare_with;
    if (fields.has("request")) parse_request(fields.value("request"), f, s.request);
    if (fields.has("expect")) parse_expect(fields.value("expect"), f, s.expect, step_compare_with);
    if (fields.has("capture")) parse_captures(fields.value("capture"), f, taken, s.captures);
    if (s.expect.stream && !s.expect.stream->compare_with.empty())
      f.error(step_compare_with, "`compare_with` cannot be used in a case with `steps`",
              "compare a single-request streaming case instead");
    for (const auto& cap : s.captures) captured_at.emplace(cap.name, steps.size() + 1);
    sources.emplace_back(fields.value("request"), fields.value("expect"));
    steps.push_back(std::move(s));
  }
  for (std::size_t i = 0; i < sources.size(); ++i) {
    for (const auto* part : {&sources[i].first, &sources[i].second})
      if (part->IsDefined()) check_capture_order(*part, f, i + 1, captured_at);
  }
  if (steps.empty()) return;
  c.request = std::move(steps.front().request);
  c.expect = std::move(steps.front().expect);
  c.captures = std::move(steps.front().captures);
  c.later_steps.assign(std::make_move_iterator(steps.begin() + 1), std::make_move_iterator(steps.end()));
}

}  // namespace ac
