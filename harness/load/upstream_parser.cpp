#include "load/upstream_parser.hpp"

#include "load/assertion_parser.hpp"
#include "load/case_parser.hpp"
#include "util/suggest.hpp"

namespace ac {
namespace {

const std::vector<std::string> kScriptKeys = {"dialect", "reply", "fault"};
const std::vector<std::string> kDialects = {"openai", "anthropic"};
const std::vector<std::string> kReplyKeys = {"text", "tool_call", "finish_reason", "usage"};
const std::vector<std::string> kToolCallKeys = {"name", "arguments"};
const std::vector<std::string> kUsageKeys = {"prompt_tokens", "completion_tokens"};
const std::vector<std::string> kFinishReasons = {"stop", "length", "tool_calls", "content_filter"};
const std::vector<std::string> kFaultKeys = {"kind",         "status",   "error", "retry_after",
                                             "after_chunks", "stall_ms", "times"};
const std::vector<std::string> kFaultKinds = {"status", "unreachable", "stall", "cut", "malformed"};
const std::vector<std::string> kExpectUpstreamKeys = {"count", "method", "path", "headers", "json"};
constexpr std::int64_t kMaxCount = 1000;
constexpr std::int64_t kMaxTokens = INT64_C(1) << 40;

bool one_of(const YAML::Node& v, YamlFile& f, const std::string& what, const std::vector<std::string>& choices,
            std::string& out) {
  if (!read_string(v, f, what, out)) return false;
  for (const auto& c : choices)
    if (c == out) return true;
  f.error(v, "`" + what + "` must be one of " + list_choices(choices), did_you_mean(out, choices));
  return false;
}

bool mapping(const YAML::Node& v, YamlFile& f, const std::string& what, const std::string& example) {
  if (v.IsMap()) return true;
  f.error(v, "`" + what + "` must be a mapping", example);
  return false;
}

void parse_reply(const YAML::Node& v, YamlFile& f) {
  if (!mapping(v, f, "upstream.reply", "e.g. `reply: {text: \"Hi.\", finish_reason: stop}`")) return;
  Fields fields(v, kReplyKeys, f, "upstream.reply");
  std::string text;
  if (fields.has("text")) read_string(fields.value("text"), f, "upstream.reply.text", text);
  if (fields.has("finish_reason"))
    one_of(fields.value("finish_reason"), f, "upstream.reply.finish_reason", kFinishReasons, text);
  if (fields.has("tool_call")) {
    const YAML::Node call = fields.value("tool_call");
    if (mapping(call, f, "upstream.reply.tool_call",
                "e.g. `tool_call: {name: get_weather, arguments: {city: Paris}}`")) {
      Fields c(call, kToolCallKeys, f, "upstream.reply.tool_call");
      if (c.require("name")) read_string(c.value("name"), f, "upstream.reply.tool_call.name", text);
      if (c.has("arguments") && !c.value("arguments").IsMap() && !c.value("arguments").IsScalar())
        f.error(c.value("arguments"), "`arguments` must be a mapping (sent as its JSON) or a string (sent as it is)");
    }
  }
  if (fields.has("usage")) {
    const YAML::Node usage = fields.value("usage");
    if (mapping(usage, f, "upstream.reply.usage", "e.g. `usage: {prompt_tokens: 12, completion_tokens: 5}`")) {
      Fields u(usage, kUsageKeys, f, "upstream.reply.usage");
      std::int64_t n = 0;
      for (const auto& key : kUsageKeys)
        if (u.has(key)) read_int(u.value(key), f, "upstream.reply.usage." + key, 0, kMaxTokens, n);
    }
  }
}

void parse_fault(const YAML::Node& v, YamlFile& f) {
  if (!mapping(v, f, "upstream.fault", "e.g. `fault: {kind: status, status: 429, retry_after: 3}`")) return;
  Fields fields(v, kFaultKeys, f, "upstream.fault");
  std::string kind;
  if (fields.require("kind", "one of " + list_choices(kFaultKinds)))
    one_of(fields.value("kind"), f, "upstream.fault.kind", kFaultKinds, kind);
  std::int64_t n = 0;
  double d = 0;
  std::string text;
  if (fields.has("status")) read_int(fields.value("status"), f, "upstream.fault.status", 400, 599, n);
  if (fields.has("error")) read_string(fields.value("error"), f, "upstream.fault.error", text);
  if (fields.has("retry_after")) read_number(fields.value("retry_after"), f, "upstream.fault.retry_after", 0, d);
  if (fields.has("after_chunks"))
    read_int(fields.value("after_chunks"), f, "upstream.fault.after_chunks", 0, kMaxCount, n);
  if (fields.has("stall_ms")) read_number(fields.value("stall_ms"), f, "upstream.fault.stall_ms", 0, d);
  if (fields.has("times")) read_int(fields.value("times"), f, "upstream.fault.times", 1, kMaxCount, n);
  if (kind == "status" && !fields.has("status") && !fields.has("error"))
    f.error(v, "`upstream.fault` of kind `status` needs `status` (or a named `error`)",
            "e.g. `{kind: status, status: 503}`");
  // Each key belongs to one kind: a `status` on a cut is a mistake in the case, not a wish.
  const std::vector<std::pair<const char*, const char*>> owners = {{"status", "status"},
                                                                   {"error", "status"},
                                                                   {"retry_after", "status"},
                                                                   {"after_chunks", "cut"},
                                                                   {"stall_ms", "stall"}};
  for (const auto& [key, owner] : owners)
    if (!kind.empty() && fields.has(key) && kind != owner)
      f.error(fields.key(key),
              std::string("`") + key + "` applies to faults of kind `" + owner + "`, not `" + kind + "`");
}

}  // namespace

void parse_upstream_script(const YAML::Node& node, YamlFile& f, Case& out) {
  out.upstream_where = f.at(node);
  if (!mapping(node, f, "upstream", "keys: " + list_choices(kScriptKeys))) return;
  Fields fields(node, kScriptKeys, f, "upstream");
  if (fields.has("dialect")) one_of(fields.value("dialect"), f, "upstream.dialect", kDialects, out.upstream_dialect);
  if (fields.has("reply")) parse_reply(fields.value("reply"), f);
  if (fields.has("fault")) {
    parse_fault(fields.value("fault"), f);
    out.upstream_faults = true;
  }
  yaml_to_json(node, f, out.upstream_script);
}

void parse_upstream_expectation(const YAML::Node& node, YamlFile& f, std::optional<UpstreamExpectation>& out) {
  if (!mapping(node, f, "expect.upstream", "keys: " + list_choices(kExpectUpstreamKeys))) return;
  UpstreamExpectation e;
  e.where = f.at(node);
  Fields fields(node, kExpectUpstreamKeys, f, "expect.upstream");
  if (fields.has("count"))
    parse_count_bounds(fields.value("count"), f, "expect.upstream.count", kMaxCount, e.min_count, e.max_count);
  if (fields.has("method")) read_string(fields.value("method"), f, "expect.upstream.method", e.method);
  if (fields.has("path") && read_string(fields.value("path"), f, "expect.upstream.path", e.path) &&
      (e.path.empty() || e.path[0] != '/'))
    f.error(fields.value("path"), "`expect.upstream.path` must start with `/`", "e.g. `path: /v1/chat/completions`");
  if (fields.has("headers")) parse_header_expectations(fields.value("headers"), f, e.headers);
  if (fields.has("json")) parse_json_assertions(fields.value("json"), f, "expect.upstream.json", e.json);
  out = std::move(e);
}

}  // namespace ac
