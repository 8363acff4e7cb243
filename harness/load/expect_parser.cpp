#include "load/assertion_parser.hpp"
#include "load/case_parser.hpp"
#include "load/upstream_parser.hpp"
#include "util/suggest.hpp"

namespace ac {

namespace {

const std::vector<std::string> kExpectKeys = {"status", "headers", "schema", "json", "stream", "lines", "upstream"};
const std::vector<std::string> kLinesKeys = {"schema", "count"};
const std::vector<std::string> kCountKeys = {"min", "max"};
constexpr std::int64_t kMaxLines = INT64_C(1) << 40;
const std::vector<std::string> kStreamKeys = {"grammar", "folded_schema", "folded", "timing", "incremental",
                                              "compare_with", "error"};
const std::vector<std::string> kTimingKeys = {"first_byte_ms", "first_event_ms", "first_content_ms", "max_gap_ms",
                                              "total_ms"};

bool read_status(const YAML::Node& v, YamlFile& f, const std::string& what, int& out) {
  std::string json;
  if (v.IsScalar() && is_plain(v) && yaml_int_to_json(v.Scalar(), json) && json.size() == 3 && json[0] >= '1' &&
      json[0] <= '5') {
    out = std::stoi(json);
    return true;
  }
  f.error(v, "`" + what + "` must be an HTTP status from 100 to 599",
          "e.g. `" + what + ": 404` or `" + what + ": [400, 422]`");
  return false;
}

}  // namespace

void parse_status_list(const YAML::Node& v, YamlFile& f, const std::string& what, std::vector<int>& out) {
  const std::string example = "e.g. `" + what + ": 404` or `" + what + ": [400, 422]`";
  if (!v.IsScalar() && !v.IsSequence()) {
    f.error(v, "`" + what + "` must be a number or a list of numbers", example);
    return;
  }
  if (v.IsSequence() && v.size() == 0) {
    f.error(v, "`" + what + "` must not be an empty list",
            what == "status" ? "leave it out to accept any 2xx" : "leave it out");
    return;
  }
  if (v.IsScalar() && !is_plain(v)) {
    f.error(v, "`" + what + "` must be a number or a list of numbers", "write it without quotes");
    return;
  }
  std::vector<YAML::Node> items;
  if (v.IsSequence()) {
    for (const auto& item : v) items.push_back(item);
  } else {
    items.push_back(v);
  }
  for (const auto& item : items) {
    int status = 0;
    if (read_status(item, f, what, status)) out.push_back(status);
  }
}

void parse_count_bounds(const YAML::Node& v, YamlFile& f, const std::string& what, std::int64_t max,
                        std::optional<std::int64_t>& min_out, std::optional<std::int64_t>& max_out) {
  std::int64_t n = 0;
  if (!v.IsMap()) {
    if (read_int(v, f, what, 0, max, n)) min_out = max_out = n;
    return;
  }
  Fields fields(v, kCountKeys, f, what);
  if (!fields.has("min") && !fields.has("max")) {
    f.error(v, "`" + what + "` needs `min` or `max`", "or a number for an exact count: `count: 2`");
    return;
  }
  if (fields.has("min") && read_int(fields.value("min"), f, what + ".min", 0, max, n)) min_out = n;
  if (fields.has("max") && read_int(fields.value("max"), f, what + ".max", 0, max, n)) max_out = n;
  if (min_out && max_out && *min_out > *max_out) f.error(fields.value("min"), "`min` is above `max` in `" + what + "`");
}

namespace {

// A reference into schemas/ (or a grammar file there): relative, staying inside the folder.
bool read_schema_ref(const YAML::Node& v, YamlFile& f, const std::string& what, std::string& out) {
  if (!read_string(v, f, what, out)) return false;
  const std::string path = out.substr(0, out.find('#'));
  if (path.empty() || path[0] == '/' || path.find("..") != std::string::npos) {
    f.error(v, "`" + what + "` must name a file under schemas/, like `anthropic/message.json`");
    return false;
  }
  return true;
}

void parse_timing(const YAML::Node& v, YamlFile& f, StreamExpectation& out) {
  if (!v.IsMap()) {
    f.error(v, "`expect.stream.timing` must be a mapping of limits in milliseconds", "e.g. `{first_event_ms: 5000}`");
    return;
  }
  Fields fields(v, kTimingKeys, f, "expect.stream.timing");
  for (const auto& key : kTimingKeys) {
    if (!fields.has(key)) continue;
    double ms = 0;
    if (!read_number(fields.value(key), f, "expect.stream.timing." + key, 0, ms)) continue;
    if (ms <= 0) {
      f.error(fields.value(key), "`" + key + "` must be above 0");
      continue;
    }
    out.timing_max_ms[key.substr(0, key.size() - 3)] = ms;  // first_byte_ms -> first_byte
  }
}

// `error: overloaded_error`: the stream must end with an in-band error of this type. The type is
// whatever the grammar's error event names, so only its form is checked here.
void parse_stream_error(const YAML::Node& v, YamlFile& f, StreamExpectation& s) {
  if (!v.IsScalar() || is_null(v)) {
    f.error(v, "`expect.stream.error` must be the type of the expected in-band error", "e.g. `error: overloaded_error`");
    return;
  }
  const std::string type = v.Scalar();
  if (type.empty() || type.find_first_of(" \t{}") != std::string::npos) {
    f.error(v, "`expect.stream.error` must be one error type, without spaces or `{{`", "e.g. `error: overloaded_error`");
    return;
  }
  s.error = type;
  s.error_where = f.at(v);
}

void parse_stream(const YAML::Node& v, YamlFile& f, std::optional<StreamExpectation>& out,
                  SourceLocation& compare_with_at) {
  StreamExpectation s;
  s.expected = true;
  s.where = f.at(v);
  s.grammar = kDefaultStreamGrammar;  // `stream: true` gets the real default checks
  s.grammar_where = s.where;
  bool on = true;
  if (v.IsScalar() && is_plain(v) && yaml_bool(v.Scalar(), on)) {  // `stream: true` = defaults
    if (on) out = s;
    return;
  }
  if (!v.IsMap()) {
    f.error(v, "`expect.stream` must be true or a mapping", "keys: " + list_choices(kStreamKeys));
    return;
  }
  Fields fields(v, kStreamKeys, f, "expect.stream");
  if (fields.has("grammar") && read_schema_ref(fields.value("grammar"), f, "grammar", s.grammar))
    s.grammar_where = f.at(fields.value("grammar"));
  if (fields.has("folded_schema") && read_schema_ref(fields.value("folded_schema"), f, "folded_schema", s.folded_schema))
    s.folded_schema_where = f.at(fields.value("folded_schema"));
  if (fields.has("folded")) parse_json_assertions(fields.value("folded"), f, "expect.stream.folded", s.folded);
  if (fields.has("timing")) parse_timing(fields.value("timing"), f, s);
  if (fields.has("incremental")) read_bool(fields.value("incremental"), f, "incremental", s.require_incremental);
  if (fields.has("compare_with") && read_string(fields.value("compare_with"), f, "compare_with", s.compare_with))
    compare_with_at = f.at(fields.value("compare_with"));
  if (fields.has("error")) parse_stream_error(fields.value("error"), f, s);
  if (!s.error.empty() && !s.compare_with.empty())  // a stream cut by an error folds into no whole message
    f.error(fields.key("error"), "`expect.stream.error` cannot be combined with `compare_with`",
            "a stream that ends with an error has no complete message to compare");
  out = s;
}

void parse_lines(const YAML::Node& v, YamlFile& f, std::optional<LinesExpectation>& out) {
  if (!v.IsMap()) {
    f.error(v, "`expect.lines` must be a mapping", "e.g. `lines: {schema: anthropic/batch-result-line.json, count: 2}`");
    return;
  }
  LinesExpectation lines;
  lines.where = f.at(v);
  Fields fields(v, kLinesKeys, f, "expect.lines");
  if (fields.has("schema") && read_schema_ref(fields.value("schema"), f, "lines.schema", lines.schema))
    lines.schema_where = f.at(fields.value("schema"));
  if (fields.has("count"))
    parse_count_bounds(fields.value("count"), f, "expect.lines.count", kMaxLines, lines.min_count, lines.max_count);
  out = lines;
}

}  // namespace

void parse_expect(const YAML::Node& node, YamlFile& f, Expectation& out, SourceLocation& compare_with_at) {
  out.where = f.at(node);
  if (is_null(node)) return;  // `expect:` with nothing under it: any 2xx
  if (!node.IsMap()) {
    f.error(node, "`expect` must be a mapping", "keys: " + list_choices(kExpectKeys));
    return;
  }
  Fields fields(node, kExpectKeys, f, "expect");
  if (fields.has("status")) parse_status_list(fields.value("status"), f, "status", out.status);
  if (fields.has("headers")) parse_header_expectations(fields.value("headers"), f, out.headers);
  if (fields.has("schema") && read_schema_ref(fields.value("schema"), f, "schema", out.schema))
    out.schema_where = f.at(fields.value("schema"));
  if (fields.has("json")) parse_json_assertions(fields.value("json"), f, "expect.json", out.json);
  if (fields.has("stream")) parse_stream(fields.value("stream"), f, out.stream, compare_with_at);
  if (fields.has("lines")) parse_lines(fields.value("lines"), f, out.lines);
  if (fields.has("upstream")) parse_upstream_expectation(fields.value("upstream"), f, out.upstream);
  if (out.lines && (fields.has("schema") || fields.has("json") || fields.has("stream")))  // one body, one reading
    f.error(fields.key("lines"), "`expect.lines` reads the body as JSON Lines: it cannot be combined with `schema`, `json` or `stream`",
            "put the per-line schema under `lines.schema`");
}

}  // namespace ac
