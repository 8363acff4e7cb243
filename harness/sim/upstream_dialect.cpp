// Upstream dialect files (harness/sim/upstreams/*.yaml): see docs/upstream.md ("Dialects").
#include "sim/upstream_dialect.hpp"

#include <yaml-cpp/yaml.h>

namespace ac::sim {
namespace {

struct Located {
  YAML::Mark mark;
  std::string message;
};

[[noreturn]] void fail(const YAML::Node& node, const std::string& message) { throw Located{node.Mark(), message}; }

std::string text(const YAML::Node& node, const std::string& what) {
  if (node.IsNull()) return "";  // `code: null`
  if (!node.IsScalar()) fail(node, what + ": expected a string");
  return node.Tag() == "!" || node.Scalar() != "null" ? node.Scalar() : "";
}

long count(const YAML::Node& node, const std::string& what) {
  try {
    long value = node.as<long>();
    if (value >= 0) return value;
  } catch (const YAML::Exception&) {
  }
  fail(node, what + ": expected a whole number >= 0");
}

std::vector<std::string> paths(const YAML::Node& node, const std::string& what) {
  std::vector<std::string> out;
  if (!node) return out;
  if (!node.IsSequence()) fail(node, what + ": expected a list of paths");
  for (const auto& item : node) {
    std::string path = text(item, what);
    if (path.empty() || path[0] != '/') fail(item, what + ": a path starts with '/'");
    out.push_back(path);
  }
  return out;
}

UpstreamError error_row(const YAML::Node& node, const std::string& what, int status) {
  if (!node.IsMap()) fail(node, what + ": expected {type, message, code}");
  UpstreamError e;
  e.status = status;
  for (const auto& entry : node) {
    const std::string key = entry.first.Scalar();
    if (key == "status") {
      e.status = static_cast<int>(count(entry.second, what + ".status"));
      if (e.status < 400 || e.status > 599) fail(entry.second, what + ".status: expected 400-599");
    } else if (key == "type") {
      e.type = text(entry.second, what + ".type");
    } else if (key == "code") {
      e.code = text(entry.second, what + ".code");
    } else if (key == "message") {
      e.message = text(entry.second, what + ".message");
    } else {
      fail(entry.first, what + ": unknown key '" + key + "' (known: status, type, code, message)");
    }
  }
  if (e.type.empty() || e.message.empty()) fail(node, what + ": needs `type` and `message`");
  return e;
}

void read(const YAML::Node& root, UpstreamDialect& out) {
  if (!root.IsMap()) fail(root, "expected a mapping");
  for (const auto& entry : root) {
    const std::string key = entry.first.Scalar();
    const YAML::Node& v = entry.second;
    if (key == "name") {
      out.name = text(v, key);
    } else if (key == "description") {
      out.description = text(v, key);
    } else if (key == "routes") {
      if (!v.IsMap()) fail(v, "routes: expected {chat: [...], models: [...]}");
      out.chat_paths = paths(v["chat"], "routes.chat");
      out.models_paths = paths(v["models"], "routes.models");
      if (out.chat_paths.empty()) fail(v, "routes.chat: at least one path is needed");
    } else if (key == "finish_reasons") {
      if (!v.IsMap()) fail(v, "finish_reasons: expected a mapping");
      for (const auto& f : v) out.finish_reasons[f.first.Scalar()] = text(f.second, "finish_reasons");
    } else if (key == "default_reply") {
      if (!v.IsMap()) fail(v, "default_reply: expected {text, prompt_tokens, completion_tokens}");
      out.default_text = text(v["text"], "default_reply.text");
      out.default_prompt_tokens = count(v["prompt_tokens"], "default_reply.prompt_tokens");
      out.default_completion_tokens = count(v["completion_tokens"], "default_reply.completion_tokens");
    } else if (key == "errors") {
      if (!v.IsMap()) fail(v, "errors: expected a mapping of status -> body");
      for (const auto& e : v) {
        const int status = static_cast<int>(count(e.first, "errors"));
        if (status < 400 || status > 599) fail(e.first, "errors: a status is 400-599");
        out.errors[status] = error_row(e.second, "errors." + e.first.Scalar(), status);
      }
    } else if (key == "named_errors") {
      if (!v.IsMap()) fail(v, "named_errors: expected a mapping of name -> body");
      for (const auto& e : v) {
        const std::string name = e.first.Scalar();
        if (!e.second["status"]) fail(e.second, "named_errors." + name + ": needs `status`");
        out.named_errors[name] = error_row(e.second, "named_errors." + name, 500);
      }
    } else {
      fail(entry.first,
           "unknown key '" + key +
               "' (known: name, description, routes, finish_reasons, default_reply, errors, named_errors)");
    }
  }
  for (const char* word : {"stop", "length", "tool_calls", "content_filter"})
    if (!out.finish_reasons.count(word)) fail(root, std::string("finish_reasons: `") + word + "` is missing");
}

}  // namespace

std::optional<std::string> load_upstream_dialect(const DialectSource& source, UpstreamDialect& out) {
  try {
    read(YAML::Load(source.text), out);
    if (out.name.empty()) out.name = source.name;
    return std::nullopt;
  } catch (const Located& e) {
    return source.origin + ":" + std::to_string(e.mark.line + 1) + ":" + std::to_string(e.mark.column + 1) + ": " +
           e.message;
  } catch (const YAML::Exception& e) {
    return source.origin + ":" + std::to_string(e.mark.line + 1) + ":" + std::to_string(e.mark.column + 1) + ": " +
           e.msg;
  }
}

std::optional<std::string> resolve_upstream_dialect(const std::string& name, UpstreamDialect& out) {
  std::string known;
  for (const auto& source : builtin_upstreams()) {
    if (source.name == name) return load_upstream_dialect(source, out);
    known += (known.empty() ? "" : ", ") + source.name;
  }
  return "unknown upstream '" + name + "' (known: " + known + ")";
}

UpstreamError upstream_error_for(const UpstreamDialect& dialect, int status) {
  auto row = dialect.errors.find(status);
  if (row != dialect.errors.end()) return row->second;
  // A status the file has no row for: its family's (4xx like a 400, 5xx like a 500).
  auto family = dialect.errors.find(status >= 500 ? 500 : 400);
  UpstreamError e = family != dialect.errors.end() ? family->second : UpstreamError{status, "api_error", "", "Error."};
  e.status = status;
  return e;
}

}  // namespace ac::sim
