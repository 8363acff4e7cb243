// Dialect files: the differences of one provider's document from the reference, as YAML.
// The format is described in docs/simulator.md ("Dialects").
#include "sim/dialect_load.hpp"
#include "util/join.hpp"

#include <algorithm>
#include <dirent.h>
#include <fstream>
#include <set>
#include <sstream>

#include <yaml-cpp/yaml.h>

namespace ac::sim {
namespace {

// A problem at a place in the file; turned into "origin:line:col: message" at the top.
struct Located {
  YAML::Mark mark;
  std::string message;
};

[[noreturn]] void fail(const YAML::Node& node, const std::string& message) {
  throw Located{node.Mark(), message};
}

std::string scalar(const YAML::Node& node, const std::string& what) {
  if (!node.IsScalar()) fail(node, what + ": expected a string");
  return node.Scalar();
}

bool boolean(const YAML::Node& node, const std::string& what) {
  const std::string text = scalar(node, what);
  if (text == "true") return true;
  if (text == "false") return false;
  fail(node, what + ": expected true or false, got '" + text + "'");
}

double number(const YAML::Node& node, const std::string& what) {
  const std::string text = scalar(node, what);
  std::istringstream in(text);
  double value = 0;
  in >> value;
  if (!in || !in.eof()) fail(node, what + ": expected a number, got '" + text + "'");
  return value;
}

long integer(const YAML::Node& node, const std::string& what, long min) {
  double value = number(node, what);
  if (value != static_cast<double>(static_cast<long>(value)) || value < min) {
    fail(node, what + ": expected an integer >= " + std::to_string(min) + ", got '" +
                   node.Scalar() + "'");
  }
  return static_cast<long>(value);
}

// One of `choices`, by name; the error lists them.
template <typename T>
T choice(const YAML::Node& node, const std::string& what,
         const std::vector<std::pair<std::string, T>>& choices) {
  const std::string text = scalar(node, what);
  std::vector<std::string> names;
  for (const auto& [name, value] : choices) {
    if (name == text) return value;
    names.push_back(name);
  }
  fail(node, what + ": unknown value '" + text + "' (expected one of: " + join(names, ", ") + ")");
}

std::vector<std::string> strings(const YAML::Node& node, const std::string& what) {
  if (!node.IsSequence()) fail(node, what + ": expected a list of strings");
  std::vector<std::string> out;
  for (const auto& item : node) out.push_back(scalar(item, what));
  return out;
}

// A typo in a key must not silently fall back to the reference behaviour.
void only_keys(const YAML::Node& map, const std::string& what,
               const std::vector<std::string>& known) {
  if (!map.IsMap()) fail(map, what + ": expected a mapping");
  for (const auto& entry : map) {
    const std::string key = entry.first.Scalar();
    if (std::find(known.begin(), known.end(), key) == known.end()) {
      fail(entry.first, (what.empty() ? "" : what + ": ") + "unknown key '" + key +
                            "' (known: " + join(known, ", ") + ")");
    }
  }
}

const std::vector<std::pair<std::string, Endpoint>> kEndpoints = {
    {"messages", Endpoint::messages},
    {"count_tokens", Endpoint::count_tokens},
    {"models_list", Endpoint::models_list},
    {"models_get", Endpoint::models_get},
    {"batches_create", Endpoint::batches_create},
    {"batches_list", Endpoint::batches_list},
    {"batches_get", Endpoint::batches_get},
    {"batches_cancel", Endpoint::batches_cancel},
    {"batches_delete", Endpoint::batches_delete},
    {"batches_results", Endpoint::batches_results},
};

// Groups that can only be removed as a whole ("models: absent").
std::vector<Endpoint> group(const std::string& key) {
  if (key == "models") return {Endpoint::models_list, Endpoint::models_get};
  if (key == "batches") {
    return {Endpoint::batches_create, Endpoint::batches_list, Endpoint::batches_get,
            Endpoint::batches_cancel, Endpoint::batches_delete, Endpoint::batches_results};
  }
  return {};
}

void remove_endpoint(ApiSurface& surface, Endpoint endpoint) {
  auto& routes = surface.routes;
  routes.erase(std::remove_if(routes.begin(), routes.end(),
                              [&](const Route& r) { return r.endpoint == endpoint; }),
               routes.end());
}

// `routes:` maps an endpoint to "METHOD /path" (replacing the reference route) or `absent`.
void apply_routes(const YAML::Node& node, ApiSurface& surface) {
  if (!node.IsMap()) fail(node, "routes: expected a mapping");
  for (const auto& entry : node) {
    const std::string key = entry.first.Scalar();
    const std::string value = scalar(entry.second, "routes." + key);
    auto members = group(key);
    auto it = std::find_if(kEndpoints.begin(), kEndpoints.end(),
                           [&](const auto& e) { return e.first == key; });
    if (it == kEndpoints.end() && members.empty()) {
      std::vector<std::string> names = {"models", "batches"};
      for (const auto& e : kEndpoints) names.push_back(e.first);
      fail(entry.first, "routes: unknown endpoint '" + key + "' (known: " + join(names, ", ") + ")");
    }
    if (value == "absent") {
      if (it != kEndpoints.end()) members = {it->second};
      for (Endpoint endpoint : members) remove_endpoint(surface, endpoint);
      continue;
    }
    if (it == kEndpoints.end()) {
      fail(entry.second, "routes." + key + ": a group can only be 'absent'");
    }
    auto space = value.find(' ');
    const std::string method = value.substr(0, space);
    const std::string path = space == std::string::npos ? "" : value.substr(space + 1);
    static const std::set<std::string> kMethods = {"GET", "POST", "PUT", "PATCH", "DELETE"};
    if (!kMethods.count(method) || path.empty() || path.front() != '/') {
      fail(entry.second, "routes." + key + ": expected 'METHOD /path' or 'absent', got '" +
                             value + "'");
    }
    remove_endpoint(surface, it->second);
    surface.routes.push_back({method, path, it->second});
  }
}

void apply_auth(const YAML::Node& node, ApiSurface& surface) {
  only_keys(node, "auth", {"headers", "missing_key_message", "bad_key_message"});
  if (node["headers"]) {
    const YAML::Node headers = node["headers"];
    if (!headers.IsSequence() || headers.size() == 0) {
      fail(headers, "auth.headers: expected a non-empty list of {name, prefix}");
    }
    surface.key_headers.clear();
    for (const auto& header : headers) {
      only_keys(header, "auth.headers", {"name", "prefix"});
      if (!header["name"]) fail(header, "auth.headers: 'name' is required");
      std::string name = scalar(header["name"], "auth.headers.name");
      std::transform(name.begin(), name.end(), name.begin(), ::tolower);
      std::string prefix = header["prefix"] ? scalar(header["prefix"], "auth.headers.prefix") : "";
      surface.key_headers.push_back({name, prefix});
    }
  }
  if (node["missing_key_message"]) {
    surface.missing_key_message = scalar(node["missing_key_message"], "auth.missing_key_message");
  }
  if (node["bad_key_message"]) {
    surface.bad_key_message = scalar(node["bad_key_message"], "auth.bad_key_message");
  }
}

void apply_request(const YAML::Node& node, RequestRules& rules) {
  only_keys(node, "request",
            {"max_tokens_required", "default_max_tokens", "max_tokens_integer", "temperature_max",
             "role_required", "content_required", "system_forms", "image_sources", "tool_choice"});
  if (node["max_tokens_required"]) {
    rules.max_tokens_required = boolean(node["max_tokens_required"], "request.max_tokens_required");
  }
  if (node["default_max_tokens"]) {
    rules.default_max_tokens = integer(node["default_max_tokens"], "request.default_max_tokens", 1);
  }
  if (node["max_tokens_integer"]) {
    rules.max_tokens_integer = boolean(node["max_tokens_integer"], "request.max_tokens_integer");
  }
  if (node["temperature_max"]) {
    rules.temperature_max = number(node["temperature_max"], "request.temperature_max");
    if (rules.temperature_max <= 0) fail(node["temperature_max"], "request.temperature_max: must be > 0");
  }
  if (node["role_required"]) rules.role_required = boolean(node["role_required"], "request.role_required");
  if (node["content_required"]) {
    rules.content_required = boolean(node["content_required"], "request.content_required");
  }
  if (node["system_forms"]) {
    const YAML::Node forms = node["system_forms"];
    auto list = strings(forms, "request.system_forms");
    rules.system_string = rules.system_blocks = false;
    for (std::size_t i = 0; i < list.size(); ++i) {
      if (list[i] == "string") rules.system_string = true;
      else if (list[i] == "blocks") rules.system_blocks = true;
      else fail(forms[i], "request.system_forms: unknown form '" + list[i] + "' (expected string, blocks)");
    }
    if (list.empty()) fail(forms, "request.system_forms: at least one form is needed");
  }
  if (node["image_sources"]) {
    const YAML::Node sources = node["image_sources"];
    rules.image_sources = strings(sources, "request.image_sources");
    for (std::size_t i = 0; i < rules.image_sources.size(); ++i) {
      const auto& s = rules.image_sources[i];
      if (s != "base64" && s != "url" && s != "file") {
        fail(sources[i], "request.image_sources: unknown source '" + s + "' (expected base64, url, file)");
      }
    }
  }
  if (node["tool_choice"]) {
    rules.tool_choice = choice<ToolChoiceForm>(node["tool_choice"], "request.tool_choice",
                                               {{"anthropic", ToolChoiceForm::anthropic},
                                                {"openai", ToolChoiceForm::openai}});
  }
}

void apply_response(const YAML::Node& node, ApiSurface& surface) {
  only_keys(node, "response",
            {"messages_status", "body", "omit_fields", "answer_model", "message_id_prefix",
             "stream", "errors"});
  if (node["messages_status"]) {
    surface.messages_status = static_cast<int>(integer(node["messages_status"], "response.messages_status", 200));
    if (surface.messages_status > 299) fail(node["messages_status"], "response.messages_status: expected a 2xx status");
  }
  if (node["body"]) {
    surface.message_body = choice<MessageBody>(
        node["body"], "response.body",
        {{"message", MessageBody::message}, {"success-code-openai", MessageBody::success_code_openai}});
  }
  if (node["omit_fields"]) {
    const YAML::Node fields = node["omit_fields"];
    surface.omit_message_fields = strings(fields, "response.omit_fields");
    static const std::set<std::string> kOptional = {"stop_sequence", "stop_reason", "usage", "model"};
    for (std::size_t i = 0; i < surface.omit_message_fields.size(); ++i) {
      if (!kOptional.count(surface.omit_message_fields[i])) {
        fail(fields[i], "response.omit_fields: cannot omit '" + surface.omit_message_fields[i] +
                            "' (one of: model, stop_reason, stop_sequence, usage)");
      }
    }
  }
  if (node["answer_model"]) {
    const YAML::Node map = node["answer_model"];
    if (!map.IsMap()) fail(map, "response.answer_model: expected a mapping requested id -> reported id");
    for (const auto& entry : map) {
      surface.answer_model[entry.first.Scalar()] = scalar(entry.second, "response.answer_model");
    }
  }
  if (node["message_id_prefix"]) {
    surface.message_id_prefix = scalar(node["message_id_prefix"], "response.message_id_prefix");
  }
  if (node["stream"]) {
    surface.stream_format = choice<StreamFormat>(
        node["stream"], "response.stream",
        {{"anthropic", StreamFormat::anthropic},
         {"openai-chunks", StreamFormat::openai_chunks},
         {"openai-chunks-bare", StreamFormat::openai_chunks_bare}});
  }
  if (node["errors"]) {
    surface.error_envelope = choice<ErrorEnvelope>(
        node["errors"], "response.errors",
        {{"anthropic", ErrorEnvelope::anthropic}, {"success-code", ErrorEnvelope::success_code}});
  }
}

void apply_models(const YAML::Node& node, ApiSurface& surface) {
  if (!node.IsSequence()) fail(node, "models: expected a list of {id, max_tokens}");
  for (const auto& item : node) {
    only_keys(item, "models", {"id", "max_tokens"});
    if (!item["id"]) fail(item, "models: 'id' is required");
    ExtraModel model;
    model.id = scalar(item["id"], "models.id");
    if (item["max_tokens"]) model.max_output_tokens = integer(item["max_tokens"], "models.max_tokens", 1);
    surface.extra_models.push_back(model);
  }
}

// A route pattern gets the prefix unless the dialect wrote it out in full already.
void apply_prefix(const std::string& prefix, std::vector<Route>& routes) {
  for (auto& route : routes) route.pattern = prefix + route.pattern;
}

void apply(const YAML::Node& root, const DialectSource& source, ApiSurface& surface) {
  if (!root.IsMap()) fail(root, "a dialect file is a mapping (name, description, ...)");
  only_keys(root, "",
            {"name", "description", "document", "prefix", "routes", "auth", "version",
             "required_headers", "request", "response", "models"});
  if (!root["name"]) fail(root, "'name' is required");
  const std::string name = scalar(root["name"], "name");
  if (name != source.name) {
    fail(root["name"], "name '" + name + "' differs from the file name '" + source.name + "'");
  }
  if (name == "reference") fail(root["name"], "'reference' is the built-in surface, not a file");
  if (!root["description"]) fail(root, "'description' is required (one line)");
  surface.name = name;
  surface.description = scalar(root["description"], "description");
  if (root["document"]) scalar(root["document"], "document");
  if (root["prefix"]) {
    const std::string prefix = scalar(root["prefix"], "prefix");
    if (prefix.empty() || prefix.front() != '/' || prefix.back() == '/') {
      fail(root["prefix"], "prefix: expected '/segment' (leading slash, no trailing slash)");
    }
    apply_prefix(prefix, surface.routes);
  }
  // Routes written in the file are full paths: the prefix applies to the reference's only.
  if (root["routes"]) apply_routes(root["routes"], surface);
  if (root["auth"]) apply_auth(root["auth"], surface);
  if (root["version"]) {
    surface.version_policy = choice<VersionPolicy>(root["version"], "version",
                                                   {{"required", VersionPolicy::required},
                                                    {"optional", VersionPolicy::optional},
                                                    {"ignored", VersionPolicy::ignored}});
  }
  if (root["required_headers"]) {
    for (auto name_text : strings(root["required_headers"], "required_headers")) {
      std::transform(name_text.begin(), name_text.end(), name_text.begin(), ::tolower);
      surface.required_headers.push_back({name_text});
    }
  }
  if (root["request"]) apply_request(root["request"], surface.request);
  if (root["response"]) apply_response(root["response"], surface);
  if (root["models"]) apply_models(root["models"], surface);
}

std::string located(const std::string& origin, const YAML::Mark& mark, const std::string& message) {
  if (mark.line < 0) return origin + ": " + message;
  return origin + ":" + std::to_string(mark.line + 1) + ":" + std::to_string(mark.column + 1) +
         ": " + message;
}

bool read_file(const std::string& path, std::string& text) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream buffer;
  buffer << in.rdbuf();
  text = buffer.str();
  return true;
}

}  // namespace

std::optional<std::string> load_dialect(const DialectSource& source, ApiSurface& out) {
  out = reference_surface();
  try {
    YAML::Node root = YAML::Load(source.text);
    apply(root, source, out);
  } catch (const Located& problem) {
    return located(source.origin, problem.mark, problem.message);
  } catch (const YAML::Exception& problem) {
    return located(source.origin, problem.mark, problem.msg);
  }
  return std::nullopt;
}

std::optional<std::string> dialect_sources(const std::string& dir, std::vector<DialectSource>& out) {
  out = builtin_dialects();
  if (!dir.empty()) {
    DIR* handle = opendir(dir.c_str());
    if (!handle) return "dialects directory '" + dir + "' cannot be read";
    std::vector<std::string> files;
    while (dirent* entry = readdir(handle)) {
      std::string file = entry->d_name;
      if (file.size() > 5 && file.compare(file.size() - 5, 5, ".yaml") == 0) files.push_back(file);
    }
    closedir(handle);
    for (const auto& file : files) {
      DialectSource source;
      source.name = file.substr(0, file.size() - 5);
      source.origin = dir + "/" + file;
      if (!read_file(source.origin, source.text)) return source.origin + ": cannot be read";
      out.erase(std::remove_if(out.begin(), out.end(),
                               [&](const DialectSource& s) { return s.name == source.name; }),
                out.end());
      out.push_back(std::move(source));
    }
  }
  std::sort(out.begin(), out.end(),
            [](const DialectSource& a, const DialectSource& b) { return a.name < b.name; });
  return std::nullopt;
}

std::optional<std::string> resolve_dialect(const std::string& name, const std::string& dir,
                                           ApiSurface& out) {
  if (name == "reference") {
    out = reference_surface();
    return std::nullopt;
  }
  std::vector<DialectSource> sources;
  if (auto error = dialect_sources(dir, sources)) return error;
  std::vector<std::string> known = {"reference"};
  for (const auto& source : sources) {
    if (source.name == name) return load_dialect(source, out);
    known.push_back(source.name);
  }
  return "unknown dialect '" + name + "' (known: " + join(known, ", ") + ")";
}

}  // namespace ac::sim
